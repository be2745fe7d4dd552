"""Reads: a pair to judge (at random among the published scenes, never one the fan already judged) and the ranking."""

import random

from django.core.cache import cache
from django.db.models import Exists, Max, Min, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from scenes.models import Scene

from ..models import DuelRating, DuelVote

ID_RANGE_KEY = "duels:published-id-range"
ID_RANGE_SECONDS = 60
SORTS = {
    # what the list is sorted by: the conservative rating by default, so a lucky start is not enough
    "rank": ("-conservative", "-rating", "scene_id"),
    "rating": ("-rating", "scene_id"),
    "duels": ("-duels", "-rating", "scene_id"),
    "uncertain": ("-deviation", "scene_id"),
}

SORT_LABELS = {
    "rank": _("rank"),
    "rating": _("rating"),
    "duels": _("most duels"),
    "uncertain": _("least certain"),
}


def _id_range() -> tuple[int, int] | None:
    """The published scenes' lowest and highest id, kept a minute (one indexed read when it runs out)."""
    found = cache.get(ID_RANGE_KEY)
    if found is None:
        bounds = Scene.objects.published().aggregate(low=Min("pk"), high=Max("pk"))
        found = (bounds["low"], bounds["high"]) if bounds["low"] is not None else ()
        cache.set(ID_RANGE_KEY, found, ID_RANGE_SECONDS)
    return tuple(found) or None


def _at_or_after(scenes, point: int):
    """The first of ``scenes`` from id ``point`` on, wrapping round to the lowest: a random pick in one read (both
    candidates come from index-ordered subqueries, so the page's query count does not depend on the draw)."""
    lowest = scenes.order_by("pk").values("pk")[:1]
    next_one = scenes.filter(pk__gte=point).order_by("pk").values("pk")[:1]
    candidates = scenes.filter(Q(pk=Subquery(next_one)) | Q(pk=Subquery(lowest)))
    found = sorted(candidates, key=lambda scene: scene.pk)
    return next((scene for scene in found if scene.pk >= point), found[0] if found else None)


def deal_pair(fan=None, *, scenes=None, rng: random.Random | None = None) -> tuple[Scene, Scene] | None:
    """Two of ``scenes`` (published ones, e.g. without the tropes a reader hides, with what their cards need
    selected) for a duel the fan has not judged; None when there is no such pair."""
    rng = rng or random.SystemRandom()
    bounds = _id_range()
    if bounds is None:
        return None
    published = (scenes if scenes is not None else Scene.objects.published()).prefetch_related(None)
    for _attempt in range(3):  # a fan who judged one scene against every other gets another first scene
        first = _at_or_after(published, rng.randint(*bounds))
        if first is None:
            return None
        others = published.exclude(pk=first.pk)
        if getattr(fan, "is_authenticated", False):
            judged = DuelVote.objects.filter(Q(first=first.pk) | Q(second=first.pk), fan=fan)
            others = others.exclude(pk__in=judged.values("first")).exclude(pk__in=judged.values("second"))
        second = _at_or_after(others, rng.randint(*bounds))
        if second is not None:
            return first, second
    return None


RANKING_COUNT_KEY = "duels:ranking-count"
RANKING_COUNT_SECONDS = 10  # a list's count may be this old (the pages' freshness rule)


class KeptCount:
    """A queryset for a Paginator whose count is kept in the cache a few seconds: counting every rated scene
    on every page of the ranking would cost more than the page itself."""

    def __init__(self, queryset, key: str):
        self.queryset, self.key = queryset, key

    def count(self) -> int:
        found = cache.get(self.key)
        if found is None:
            found = self.queryset.count()
            cache.set(self.key, found, RANKING_COUNT_SECONDS)
        return found

    def __getitem__(self, index):
        return self.queryset[index]


def ranking(sort: str = "rank") -> KeptCount:
    """The published scenes with duel ratings, for the ranking page and the API; each page walks an index."""
    # "Its scene is published" as EXISTS, not a join's filter: so the planner walks the sort's index and looks
    # each scene up, rather than reading every published scene and sorting them (SQLite chose that).
    published = Scene.objects.filter(pk=OuterRef("scene_id"), status=Scene.Status.PUBLISHED)
    rated = (
        DuelRating.objects.filter(Exists(published), duels__gt=0)
        .select_related("scene__drama", "scene__hugger", "scene__hugged")
        .order_by(*SORTS.get(sort, SORTS["rank"]))
    )
    return KeptCount(rated, RANKING_COUNT_KEY)
