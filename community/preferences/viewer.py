"""
A reader's own filters: tropes a fan hides everywhere, how far they have watched each drama, whether they want
spoilers at all, and the spoiler rule every scene card, scene page and list naming scenes follows.

Reads: ``viewer_preferences(request)`` loads them once per request (for a fan, from the cache, where they are kept
until the fan changes them; none for an anonymous reader); views pass the result to ``Scene.objects.for_viewer()``,
templates ask ``{% spoiler_for scene as spoiler %}`` (community/templatetags/reading.py).
Writes: ``set_trope_hidden``, ``set_hidden_tropes``, ``record_watch_progress`` and ``set_show_spoilers``, used by the
pages and the API.
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

# A fan's hidden tropes, progress and spoiler setting, kept between their requests: dropped when they change them
# (below), and after this long, so a trope renamed by a moderator shows its new name.
KEPT_SECONDS = 10 * 60

# The spoiler rule, as fan sites such as MyDramaList tag spoilers: a scene is a spoiler only when it gives a turn
# of the story away, which its submitter or a moderator says (Scene.is_spoiler), never by where it falls in the
# drama. A rule by episode (the last quarter) blurred a third of the catalogue, dramas from 2009 included, while a
# twist stays a twist for whoever has not watched it yet, however old the drama: no age limit either. So:
# - a fan who turned spoilers on ("show all spoilers") sees every scene plainly, and a fan's own submissions are
#   never hidden from them (they wrote them);
# - a fan who said how far they watched a drama is spared every scene of it past that episode (they asked), and
#   a marked scene whose episode nobody knows until they have finished it; the rest of that drama shows plainly;
# - everyone else, anonymous readers included (one rule for all: the pages kept for them stay true), is spared
#   the marked scenes only.


@dataclass(frozen=True)
class Spoiler:
    """Why a scene shows behind a notice: its episode (None: unknown), the drama's episodes, how far the fan
    watched (None: they have not said, and the scene is marked as a spoiler)."""

    episode: int | None
    episodes: int
    watched: int | None = None

    @property
    def notice(self) -> str:
        if self.episode is None:
            return _("Spoiler: episode unknown")
        return _("Spoiler: episode %(episode)d of %(episodes)d") % {"episode": self.episode, "episodes": self.episodes}

    @property
    def reason(self) -> str:
        if self.watched is None:
            return _("Marked as a spoiler: it gives away a turn of the story.")
        if self.watched == 0:
            return _("You have not started this drama yet.")
        return _("You have watched up to episode %(episode)d.") % {"episode": self.watched}


@dataclass(frozen=True)
class SpoilerFacts:
    """What the rule reads of a scene, for lists kept as plain values (the stats' most controversial scenes)."""

    drama_id: int
    episode: int | None
    episodes: int
    is_spoiler: bool
    submitted_by_id: int | None


def spoiler_facts(scene: Scene) -> SpoilerFacts:
    return SpoilerFacts(scene.drama_id, scene.episode, scene.drama.episodes, scene.is_spoiler, scene.submitted_by_id)


class ViewerPreferences:
    """What one reader of one request hides, has watched and wants spoiled; each part is loaded on first use."""

    def __init__(self, user):
        self.user = user
        self.signed_in = bool(user and user.is_authenticated)

    @cached_property
    def _kept(self) -> tuple[list[Trope], dict[int, int], bool]:
        """All parts in one cache read: a fan's page costs no query for them while they are kept."""
        key = preferences_key(self.user.pk)
        kept = cache.get(key)
        if kept is None:
            # The profile's setting and hidden trope ids in one query; the tropes themselves from the taxonomy,
            # which every page with cards has loaded anyway.
            rows = list(FanProfile.objects.filter(user=self.user).values_list("show_spoilers", "hidden_tropes"))
            show_spoilers = bool(rows) and rows[0][0]
            hidden_ids = {trope_id for _show, trope_id in rows if trope_id is not None}
            taxonomy = Trope.objects.taxonomy() if hidden_ids else {}
            hidden = sorted(
                (taxonomy[pk] for pk in hidden_ids if pk in taxonomy),
                key=lambda trope: (trope.group.position, trope.position, trope.name),
            )
            watched = dict(WatchProgress.objects.filter(fan=self.user).values_list("drama_id", "last_episode_watched"))
            kept = (hidden, watched, show_spoilers)
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

    @cached_property
    def shows_all_spoilers(self) -> bool:
        """The fan turned spoiler notices off ("show all spoilers" on their preferences)."""
        return self.signed_in and self._kept[2]

    def spoiler(self, scene: Scene) -> Spoiler | None:
        """The spoiler notice ``scene`` shows to this reader, or None when it shows plainly (the rule above)."""
        return self.spoiler_of(spoiler_facts(scene))

    def spoiler_of(self, facts: SpoilerFacts) -> Spoiler | None:
        if self.shows_all_spoilers or (self.signed_in and facts.submitted_by_id == self.user.pk):
            return None
        watched = self.watched.get(facts.drama_id)
        if watched is None:
            return Spoiler(facts.episode, facts.episodes) if facts.is_spoiler else None
        if facts.episode is None:  # Nothing to measure it against: a marked scene waits until the fan has finished.
            return Spoiler(None, facts.episodes, watched) if facts.is_spoiler and watched < facts.episodes else None
        return Spoiler(facts.episode, facts.episodes, watched) if facts.episode > watched else None


def viewer_preferences(request) -> ViewerPreferences:
    """The request's reader preferences, made once per request and shared by views and template tags."""
    preferences = getattr(request, "_viewer_preferences", None)
    if preferences is None:
        preferences = ViewerPreferences(getattr(request, "user", None))
        request._viewer_preferences = preferences
    return preferences


def preferences_key(user_id: int) -> str:
    return f"viewer:v2:{user_id}"  # v2: the spoiler setting joined the kept parts


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


def set_show_spoilers(*, fan, show: bool) -> None:
    """Show ``fan`` every scene plainly (no spoiler notices), or follow the spoiler rule again."""
    with transaction.atomic():
        FanProfile.objects.update_or_create(user=fan, defaults={"show_spoilers": show})
        _forget(fan)
