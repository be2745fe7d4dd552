"""
A fan's preferences: /me/preferences/ (the tropes they hide, spoilers shown or not, how far they watched, their
notifications), the hide/show
button on the trope guide and trope pages, and the "watched up to episode N" form on drama pages.

Reading aids, not community actions: banned fans may use them too, so these views only require signing in.
"""

from urllib.parse import unquote, urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import escape_uri_path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from community.access import safe_next
from community.models import WatchProgress
from edge.freshness import never_kept
from edge.locale import address_in
from notifications.forms import NotificationSettingsForm
from notifications.selectors import delivery_choices
from scenes.models import Drama, Trope, TropeGroup
from scenes.naming import first_name

from . import language
from .forms import HiddenTropesForm, SpoilerSettingForm, TropeToggleForm, WatchProgressForm
from .viewer import (
    record_watch_progress,
    set_hidden_tropes,
    set_show_spoilers,
    set_trope_hidden,
    viewer_preferences,
)


def _refused(request, errors: list[str], *, back: str):
    return render(request, "community/refused.html", {"errors": errors, "back": back}, status=400)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request):
    viewer = viewer_preferences(request)
    form = HiddenTropesForm(request.POST or None, initial={"tropes": [trope.slug for trope in viewer.hidden_tropes]})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            tropes = list(form.cleaned_data["tropes"])
            set_hidden_tropes(fan=request.user, tropes=tropes)
            names = ", ".join(trope.name for trope in tropes)
            saved = _("Saved. Hidden everywhere: %(tropes)s.") % {"tropes": names} if tropes else None
            messages.success(request, saved or _("Saved: no trope is hidden."))
            return redirect("community:preferences")
        status = 400
    context = {
        "form": form,
        "chosen": set(form["tropes"].value() or []),
        "groups": TropeGroup.objects.prefetch_related(
            Prefetch("tropes", queryset=Trope.objects.order_by("position", "name"))
        ),
        "progress": WatchProgress.objects.filter(fan=request.user).select_related("drama").order_by("drama__title"),
        "notification_form": NotificationSettingsForm(initial=delivery_choices(request.user)),
        "spoiler_form": SpoilerSettingForm(initial={"show_spoilers": viewer.shows_all_spoilers}),
    }
    return render(request, "community/preferences.html", context, status=status)


@login_required
@require_POST
def hide_trope(request):
    form = TropeToggleForm(request.POST)
    back = safe_next(request, fallback="/")
    if not form.is_valid():
        return _refused(request, [error for errors in form.errors.values() for error in errors], back=back)
    trope = Trope.objects.filter(slug=form.cleaned_data["trope"]).first()
    if trope is None:
        return _refused(request, [_("No trope by that name. The trope guide lists every one we know.")], back=back)
    hidden = form.cleaned_data["hidden"]
    set_trope_hidden(fan=request.user, trope=trope, hidden=hidden)
    if hidden:
        messages.success(
            request,
            _("“%(trope)s” is hidden: its scenes leave your lists. Undo it here or in your preferences.")
            % {"trope": trope.name},
        )
    else:
        messages.success(request, _("“%(trope)s” shows again.") % {"trope": trope.name})
    return redirect(safe_next(request, fallback=trope.get_absolute_url()))


@login_required
@require_POST
def spoiler_setting(request):
    """ "Show me all spoilers": on, every scene shows plainly for this fan; off, the spoiler rule again."""
    form = SpoilerSettingForm(request.POST)
    form.is_valid()  # A checkbox: absent is off, so every answer is a valid one.
    show = form.cleaned_data["show_spoilers"]
    set_show_spoilers(fan=request.user, show=show)
    if show:
        messages.success(request, _("Saved: every scene shows plainly, spoilers too."))
    else:
        messages.success(request, _("Saved: spoilers show blurred behind a notice until you click them."))
    return redirect(safe_next(request, fallback=reverse("community:preferences") + "#spoilers"))


@login_required
@require_POST
def watch_progress(request, slug):
    drama = Drama.objects.filter(slug=slug).first()
    if drama is None:
        raise Http404(_("We have no drama at this address."))
    form = WatchProgressForm(request.POST, drama=drama)
    back = safe_next(request, fallback=drama.get_absolute_url())
    if not form.is_valid():
        return _refused(request, [error for errors in form.errors.values() for error in errors], back=back)
    progress = record_watch_progress(fan=request.user, drama=drama, last_episode=form.last_episode_or_none())
    if progress is None:
        messages.success(
            request,
            _("Forgotten: only the scenes of %(drama)s marked as spoilers hide behind a notice again.")
            % {"drama": first_name(drama)},
        )
    elif progress.last_episode_watched >= drama.episodes:
        messages.success(
            request, _("You have finished %(drama)s: no spoiler notices on its scenes.") % {"drama": first_name(drama)}
        )
    else:
        messages.success(
            request,
            _("Noted: %(drama)s up to episode %(episode)d. Later scenes show behind a spoiler notice.")
            % {"drama": first_name(drama), "episode": progress.last_episode_watched},
        )
    return redirect(back)


@never_kept
@require_GET
def choose_language(request, code):
    """
    The language chooser: /language/ko/?next=/scenes/12/ remembers the choice (the browser's cookie, a signed-in
    fan's profile) and leads to the page in that language. A link rather than a form: a reader's page is one copy
    shared by every reader and holds no CSRF token, and a language is no secret to guard.
    """
    if not language.is_site_language(code):
        raise Http404(_("The site speaks English and Korean only."))
    language.choose_language(request, code)
    back = urlsplit(safe_next(request, fallback="/"))
    address = escape_uri_path(address_in(code, unquote(back.path) or "/"))
    return redirect(f"{address}?{back.query}" if back.query else address)
