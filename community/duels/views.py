"""/duels/: two scenes side by side, pick the better back hug; /duels/ranking/: the fans' ranking from the duels."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from scenes.catalogue.cards import render_cards
from scenes.models import Scene
from scenes.models.querysets import card_prefetches
from scenes.pagination import requested_page

from ..access import fan_action
from ..preferences.viewer import viewer_preferences
from ..services import ActionRefused
from .forms import DuelVoteForm, RankingForm
from .selectors import SORT_LABELS, deal_pair, ranking
from .services import cast_duel_vote, pair_token


def dealt_scenes(request):
    """A pair for this reader (never a trope they hide), with everything its cards show, or None."""
    scenes = Scene.objects.published().for_viewer(viewer_preferences(request)).for_cards().with_actors()
    scenes = scenes.select_related("duel_rating")
    pair = deal_pair(request.user, scenes=scenes)
    if pair:
        prefetch_related_objects(list(pair), *card_prefetches())
    return pair


def _duel_page(request, *, errors=(), status=200):
    pair = dealt_scenes(request)
    scenes = list(pair or ())
    context = {
        # A new pair each time: the fan's verdicts on it would be a query on every page, so its cards' buttons lead to
        # each scene's own (the duel asks which is better, not awkward or awesome).
        "scenes": list(zip(scenes, render_cards(scenes, request, own_votes=False), strict=True)),
        "token": pair_token(fan=request.user, first=pair[0].pk, second=pair[1].pk)
        if pair and request.user.is_authenticated
        else "",
        "errors": errors,
    }
    return render(request, "community/duels.html", context, status=status)


@require_safe
def duel(request):
    return _duel_page(request)


@fan_action("duel", back=lambda: "/duels/")
def vote(request):
    form = DuelVoteForm(request.POST)
    if not form.is_valid():
        return _duel_page(request, errors=[e for errors in form.errors.values() for e in errors], status=400)
    try:
        result = cast_duel_vote(
            fan=request.user, token=form.cleaned_data["token"], winner_id=form.cleaned_data["winner"]
        )
    except ActionRefused as error:
        return _duel_page(request, errors=ValidationError(error).messages, status=400)
    winner = result.winner
    if result.weight:
        messages.success(
            request,
            _("Counted. Scene %(scene)d is now rated %(rating).0f ± %(margin).0f.")
            % {"scene": winner.scene_id, "rating": winner.rating, "margin": winner.margin},
        )
    else:
        messages.success(
            request,
            _("Noted. You have judged these scenes often, so this pick no longer moves their ratings."),
        )
    return redirect("community:duels")


@require_safe
def duel_ranking(request):
    form = RankingForm(request.GET)
    if not form.is_valid():
        context = {"page": None, "message": form.errors["sort"][0], "sort": "rank"}
        return render(request, "community/duel_ranking.html", context, status=400)
    sort = form.cleaned_data["sort"] or "rank"
    shown = requested_page(request, ranking(sort), per_page=settings.SCENES_PER_PAGE)
    context = {"page": shown.page, "message": shown.message, "sort": sort, "sorts": SORT_LABELS.items()}
    return render(request, "community/duel_ranking.html", context, status=shown.status)
