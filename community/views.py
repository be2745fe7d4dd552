"""
Fan actions. Each is a plain form POST that redirects back to where the fan was; with htmx the same
view answers with the partial template the page includes, so it updates in place.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from edge.freshness import never_kept, shared_page
from scenes.catalogue.cards import vote_control
from scenes.errors import add_errors, flash
from scenes.freshness import FAN_PAGE
from scenes.links import reverser
from scenes.models import Actor, Drama, Scene, Trope

from . import follows, pending_votes, selectors, services
from .access import fan_action, safe_next
from .forms import CommentForm, FavouriteForm, FollowForm, ReportForm, TropeVoteForm, VoteForm
from .models import Comment, Favourite
from .preferences.viewer import viewer_preferences

User = get_user_model()


def _published_scene(pk: int) -> Scene:
    scene = Scene.objects.published().select_related("drama", "hugger", "hugged").filter(pk=pk).first()
    if scene is None:
        raise Http404(_("There is no published back-hug scene number %(number)s.") % {"number": pk})
    return scene


def _refused(request, error: ValidationError):
    if request.htmx:
        return flash(request, error.messages, status=400)
    return render(request, "community/refused.html", {"errors": error.messages, "back": safe_next(request)}, status=400)


def _scene_page(pk) -> str:
    return reverse("scenes:scene-detail", args=[pk])


def _drama_page(slug) -> str:
    return reverse("scenes:drama-detail", args=[slug])


def _back(request, scene_or_drama, anchor: str = ""):
    target = safe_next(request, fallback=scene_or_drama.get_absolute_url())
    return redirect(f"{target.split('#')[0]}#{anchor}" if anchor else target)


# The part of a page a vote came from, which the htmx answer redraws: the scene page's widget or a card's control.
VOTE_PARTS = {"card": "community/_card_verdict.html"}


@fan_action("vote", back=_scene_page)
def vote(request, pk):
    scene = _published_scene(pk)
    form = VoteForm(request.POST)
    if not form.is_valid():
        return _refused(request, ValidationError(form.errors["verdict"]))
    verdict = form.cleaned_verdict()
    try:
        counts = services.cast_vote(scene=scene, fan=request.user, verdict=verdict)
    except services.ActionRefused as error:
        return _refused(request, error)
    part = request.POST.get("part")
    if request.htmx:
        # The widget alone, from what the vote returned: no page, no second look at the tallies or the vote.
        scene.awesome_count, scene.awkward_count = counts.awesome, counts.awkward
        if part in VOTE_PARTS:
            control = vote_control(
                pk=scene.pk,
                awesome=counts.awesome,
                awkward=counts.awkward,
                link=reverser(),
                request=request,
                mine=verdict,
                next_url=safe_next(request, fallback=scene.get_absolute_url()),
            )
            return render(request, VOTE_PARTS[part], {"vote": control})
        context = selectors.verdict_context(scene, request.user, my_verdict=verdict)
        return render(request, "community/_verdict.html", context)
    # From a card, back to the list the fan was reading; from the scene's page, to its widget.
    return _back(request, scene, "" if part in VOTE_PARTS else "verdict")


@never_kept
@require_safe
def vote_sign_in(request, pk):
    """
    Where an anonymous reader's vote button leads (their page is shared and holds no CSRF token): the verdict they
    chose waits in their session (community.pending_votes) while they sign in or sign up, and is cast then. It
    records no vote itself; a fan already signed in is sent to the scene's own buttons.
    """
    scene = _published_scene(pk)
    back = f"{scene.get_absolute_url()}#verdict"
    if request.user.is_authenticated:
        return redirect(back)
    form = VoteForm(request.GET)
    if not form.is_valid() or form.cleaned_verdict() is None:
        return _refused(request, ValidationError(_("A verdict is awesome or awkward.")))
    pending_votes.remember(request, scene=scene, verdict=form.cleaned_verdict())
    return redirect(f"{reverse('account_login')}?{urlencode({'next': back})}")


@fan_action("favourite", back=_scene_page)
def favourite(request, pk):
    scene = _published_scene(pk)
    form = FavouriteForm(request.POST)
    if not form.is_valid():
        return _refused(request, ValidationError(form.errors["favourite"]))
    services.set_favourite(scene=scene, fan=request.user, favourite=form.cleaned_data["favourite"])
    if request.htmx:
        scene.refresh_from_db()
        return render(request, "community/_favourite.html", selectors.favourite_context(scene, request.user))
    return _back(request, scene, "verdict")


@fan_action("trope_vote", back=_scene_page)
def trope_vote(request, pk):
    scene = _published_scene(pk)
    form = TropeVoteForm(request.POST)
    if not form.is_valid():
        return _refused(request, ValidationError([e for errors in form.errors.values() for e in errors]))
    trope = Trope.objects.filter(slug=form.cleaned_data["trope"]).first()
    if trope is None:
        return _refused(request, ValidationError(_("No trope by that name.")))
    try:
        services.vote_on_trope(scene=scene, trope=trope, fan=request.user, agrees=form.agrees())
    except services.ActionRefused as error:
        return _refused(request, error)
    if request.htmx:
        return render(request, "community/_scene_tropes.html", selectors.trope_votes_context(scene, request.user))
    return _back(request, scene, "tropes")


def _post_comment(request, target):
    form = CommentForm(request.POST)
    parent = None
    if form.is_valid() and form.cleaned_data.get("parent"):
        parent = Comment.objects.filter(pk=form.cleaned_data["parent"]).first()
        if parent is None:
            form.add_error("parent", _("The comment you replied to no longer exists."))
    if form.is_valid():
        try:
            comment = services.post_comment(
                author=request.user, target=target, body=form.cleaned_data["body"], parent=parent
            )
        except services.ActionRefused as error:
            add_errors(form, error)
        else:
            if request.htmx:
                # The thread is swapped whole: the new comment takes the focus (and so the scroll) the fan's
                # button had, rather than leaving it to fall back to the page's start.
                context = {**selectors.thread_context(target, request.user), "new_comment": comment.pk}
                return render(request, "community/_comments.html", context)
            return redirect(comment.get_absolute_url())
    # The fan's text comes back with the message next to it, nothing is lost, and the focus is back in it.
    form.fields["body"].widget.attrs["autofocus"] = True
    context = {**selectors.thread_context(target, request.user, form=form), "target": target}
    template = "community/_comments.html" if request.htmx else "community/comment_form_page.html"
    return render(request, template, context, status=400)


@fan_action("comment", back=_scene_page)
def scene_comment(request, pk):
    return _post_comment(request, _published_scene(pk))


@fan_action("comment", back=_drama_page)
def drama_comment(request, slug):
    drama = Drama.objects.filter(slug=slug).first()
    if drama is None:
        raise Http404(_("We have no drama at this address."))
    return _post_comment(request, drama)


def _own_comment(request, pk) -> Comment:
    comment = Comment.objects.select_related("scene", "drama").filter(pk=pk).first()
    if comment is None:
        raise Http404(_("That comment does not exist."))
    return comment


@fan_action("comment", post_only=False)
def comment_edit(request, pk):
    comment = _own_comment(request, pk)
    if comment.author_id != request.user.pk:
        raise services.PermissionDenied(_("Only the author can edit a comment."))
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.edit_comment(comment=comment, editor=request.user, body=form.cleaned_data["body"])
            except services.ActionRefused as error:
                add_errors(form, error)
            else:
                return redirect(comment.get_absolute_url())
        status = 400
    return render(request, "community/comment_edit.html", {"comment": comment, "form": form}, status=status)


@fan_action("comment", post_only=False)
def comment_delete(request, pk):
    comment = _own_comment(request, pk)
    if comment.author_id != request.user.pk:
        raise services.PermissionDenied(_("Only the author can delete a comment."))
    if comment.is_hidden:
        raise services.PermissionDenied(_("A moderator hid this comment; it stays for them to review."))
    if request.method == "POST":
        target = comment.target
        try:
            services.delete_comment(comment=comment, author=request.user)
        except services.ActionRefused as refused:
            raise services.PermissionDenied(refused.messages[0]) from refused
        return redirect(f"{target.get_absolute_url()}#comments")
    return render(request, "community/comment_delete.html", {"comment": comment})


@fan_action("report", post_only=False)
def comment_report(request, pk):
    comment = _own_comment(request, pk)
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.report_comment(comment=comment, reporter=request.user, reason=form.cleaned_data["reason"])
            except services.ActionRefused as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Thanks for reporting: the moderators will take a look."))
                return redirect(comment.get_absolute_url())
        status = 400
    return render(request, "community/comment_report.html", {"comment": comment, "form": form}, status=status)


def _follow_target(kind: str, name: str):
    if kind == "drama":
        return Drama.objects.filter(slug=name).first()
    if kind == "actor":
        return Actor.objects.filter(slug=name).first()
    return User.objects.filter(username=name, is_active=True).first()


@fan_action("follow")
def follow(request):
    form = FollowForm(request.POST)
    if not form.is_valid():
        return _refused(request, ValidationError([e for errors in form.errors.values() for e in errors]))
    kind, name = form.cleaned_data["kind"], form.cleaned_data["name"]
    target = _follow_target(kind, name)
    if target is None:
        return _refused(request, ValidationError(follows.unknown(kind, name)))
    try:
        following = follows.set_following(fan=request.user, target=target, following=form.cleaned_data["follow"])
    except services.ActionRefused as error:
        return _refused(request, error)
    label = follows.label(target)
    context = {"kind": kind, "name": name, "following": following, "label": label, "next": safe_next(request)}
    if request.htmx:
        return render(request, "community/_follow.html", context)
    done = _("You follow %(what)s.") if following else _("You no longer follow %(what)s.")
    messages.success(request, done % {"what": label})
    return redirect(
        safe_next(
            request, fallback=target.get_absolute_url() if kind != "fan" else reverse("community:profile", args=[name])
        )
    )


@shared_page(depends_on=FAN_PAGE)
@require_safe
def profile(request, username):
    fan = User.objects.filter(username=username, is_active=True).first()
    if fan is None:
        raise Http404(_("No fan by that name."))
    is_owner = request.user.pk == fan.pk
    viewer = viewer_preferences(request)
    submissions = Scene.objects.filter(submitted_by=fan).for_cards().newest_first()
    if not is_owner:
        # The owner sees every submission of theirs, with its status; other readers, the published ones they want.
        submissions = submissions.published().for_viewer(viewer)
    context = {
        "fan": fan,
        "is_owner": is_owner,
        "comments": Comment.objects.filter(author=fan)
        .visible()
        .select_related("scene__drama", "drama")
        .order_by("-created_at")[:50],
        "submissions": submissions,
        "favourites": Scene.objects.published()
        .filter(favourites__fan=fan)
        .for_viewer(viewer)
        .for_cards()
        .prefetch_related(Prefetch("favourites", queryset=Favourite.objects.filter(fan=fan)))
        .order_by("-favourites__created_at"),
    }
    return render(request, "community/profile.html", context)


@require_safe
def help_classify(request):
    """Scenes where one more vote matters: few votes, a near 50/50 split, or tropes still undecided."""
    published = Scene.objects.published().for_cards().for_viewer(viewer_preferences(request))
    context = {
        "few_votes": published.needing_votes()[:8],
        "split": published.split_verdicts()[:8],
        "undecided_tropes": published.with_undecided_tropes()[:8],
    }
    return render(request, "community/help_classify.html", context)
