"""
A reader's own filters: tropes a fan hides everywhere, how far they have watched each drama, and the
spoiler rule every scene card and scene page follows.

Reads: ``viewer_preferences(request)`` loads them once per request (for a fan, from the cache, where they are kept
until the fan changes them; none for an anonymous reader); views pass the result to ``Scene.objects.for_viewer()``,
templates ask ``{% spoiler_for scene as spoiler %}`` (community/templatetags/reading.py).
Writes: ``set_trope_hidden``, ``set_hidden_tropes`` and ``record_watch_progress``, used by the pages.
"""

from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.models import FanProfile, WatchProgress
from scenes.models import Drama, Scene, Trope
from scenes.naming import first_name

# A fan's hidden tropes and progress, kept between their requests: dropped when they change them (below), and
# after this long, so a trope renamed by a moderator shows its new name.
KEPT_SECONDS = 10 * 60

# Readers who have not said how far they watched are spared the last quarter of a drama's episodes.
SPOILER_FROM = (3, 4)  # a scene is a spoiler when episode / episodes > 3/4


@dataclass(frozen=True)
class Spoiler:
    """Why a scene shows behind a notice: its episode, the drama's episodes, how far the fan watched."""

    episode: int
    episodes: int
    watched: int | None = None  # None: the reader has not said, the last-quarter rule applies

    @property
    def notice(self) -> str:
        return _("Spoiler: episode %(episode)d of %(episodes)d") % {"episode": self.episode, "episodes": self.episodes}

    @property
    def reason(self) -> str:
        if self.watched is None:
            return _("From the last quarter of the drama.")
        if self.watched == 0:
            return _("You have not started this drama yet.")
        return _("You have watched up to episode %(episode)d.") % {"episode": self.watched}


def is_late_episode(episode: int, episodes: int) -> bool:
    """In the drama's last quarter: episode > 3/4 of the episodes (exact, no floating point)."""
    numerator, denominator = SPOILER_FROM
    return episode * denominator > episodes * numerator


class ViewerPreferences:
    """What one reader of one request hides and has watched; each part is loaded on first use."""

    def __init__(self, user):
        self.user = user
        self.signed_in = bool(user and user.is_authenticated)

    @cached_property
    def _kept(self) -> tuple[list[Trope], dict[int, int]]:
        """Both parts in one cache read: a fan's page costs no query for them while they are kept."""
        key = preferences_key(self.user.pk)
        kept = cache.get(key)
        if kept is None:
            hidden = list(Trope.objects.filter(hidden_by__user=self.user).select_related("group"))
            watched = dict(WatchProgress.objects.filter(fan=self.user).values_list("drama_id", "last_episode_watched"))
            kept = (hidden, watched)
            cache.set(key, kept, KEPT_SECONDS)
        return kept

    @cached_property
    def hidden_tropes(self) -> list[Trope]:
        if not self.signed_in:
            return []
        return self._kept[0]

    @cached_property
    def hidden_trope_ids(self) -> frozenset[int]:
        return frozenset(trope.pk for trope in self.hidden_tropes)

    @cached_property
    def watched(self) -> dict[int, int]:
        """Drama id → the last episode this fan has watched."""
        if not self.signed_in:
            return {}
        return self._kept[1]

    def spoiler(self, scene: Scene) -> Spoiler | None:
        """The spoiler notice ``scene`` shows to this reader, or None when it shows plainly (also when no source
        says which episode it is in: nothing to measure it against)."""
        if scene.episode is None:
            return None
        episodes = scene.drama.episodes
        watched = self.watched.get(scene.drama_id)
        if watched is not None:
            return Spoiler(scene.episode, episodes, watched) if scene.episode > watched else None
        return Spoiler(scene.episode, episodes) if is_late_episode(scene.episode, episodes) else None


def viewer_preferences(request) -> ViewerPreferences:
    """The request's reader preferences, made once per request and shared by views and template tags."""
    preferences = getattr(request, "_viewer_preferences", None)
    if preferences is None:
        preferences = ViewerPreferences(getattr(request, "user", None))
        request._viewer_preferences = preferences
    return preferences


def preferences_key(user_id: int) -> str:
    return f"viewer:{user_id}"


def _forget(fan) -> None:
    """The fan's kept preferences are out of date: now, and once the change is committed."""
    cache.delete(preferences_key(fan.pk))
    transaction.on_commit(lambda: cache.delete(preferences_key(fan.pk)))


# ---- Writes ----


def set_trope_hidden(*, fan, trope: Trope, hidden: bool) -> None:
    """Hide ``trope`` from every list ``fan`` reads, or show it again. Idempotent."""
    with transaction.atomic():
        profile, _created = FanProfile.objects.get_or_create(user=fan)
        if hidden:
            profile.hidden_tropes.add(trope)
        else:
            profile.hidden_tropes.remove(trope)
        _forget(fan)


def set_hidden_tropes(*, fan, tropes) -> None:
    """Make ``tropes`` exactly the ones ``fan`` hides."""
    with transaction.atomic():
        profile, _created = FanProfile.objects.get_or_create(user=fan)
        profile.hidden_tropes.set(tropes)
        _forget(fan)


def record_watch_progress(*, fan, drama: Drama, last_episode: int | None) -> WatchProgress | None:
    """
    Record that ``fan`` has watched ``drama`` up to ``last_episode`` (0: not started); None forgets it.

    ValidationError when the episode is outside 0..the drama's episodes.
    """
    if last_episode is None:
        WatchProgress.objects.filter(fan=fan, drama=drama).delete()
        _forget(fan)
        return None
    if not 0 <= last_episode <= drama.episodes:
        raise ValidationError(
            ngettext(
                "%(drama)s has %(episodes)d episode: pick one from 0 (not started) to %(episodes)d.",
                "%(drama)s has %(episodes)d episodes: pick one from 0 (not started) to %(episodes)d.",
                drama.episodes,
            )
            % {"drama": first_name(drama), "episodes": drama.episodes},
            code="episode_out_of_range",
        )
    progress, _created = WatchProgress.objects.update_or_create(
        fan=fan, drama=drama, defaults={"last_episode_watched": last_episode}
    )
    _forget(fan)
    return progress
