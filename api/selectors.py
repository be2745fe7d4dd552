"""Reads of the API that no page makes yet: the catalogue's numbers, each computed in the database."""

from django.core.cache import cache
from django.db.models import Count, Q

from community import scoring
from scenes.catalogue.facets import trope_counts
from scenes.models import Actor, Character, Drama, Scene, Trope
from scenes.stats.numbers import STATS_CACHE_SECONDS, sum_or_zero

API_STATS_CACHE_KEY = "api:stats:v2"  # v2: the Hangul names too

PUBLISHED = Q(scenes__status=Scene.Status.PUBLISHED)


def scene_stats(scenes) -> dict:
    """How many ``scenes``, girl-initiated and second-lead among them, and their votes, favourites, comments."""
    return {
        **scenes.classification_totals(),
        **scenes.order_by().aggregate(
            awesome_votes=sum_or_zero("awesome_count"),
            awkward_votes=sum_or_zero("awkward_count"),
            favourites=sum_or_zero("favourite_count"),
            comments=sum_or_zero("comment_count"),
        ),
    }


def catalogue_stats() -> dict:
    """
    Totals, per-drama verdicts, per-trope and per-year counts of published scenes, as counted at most
    STATS_CACHE_SECONDS ago: like the stats page's, they sum every published scene (a fixed few queries, but
    a tenth of a second on a large catalogue), so they are kept in the shared cache between counts.
    """
    return cache.get_or_set(API_STATS_CACHE_KEY, count_catalogue_stats, timeout=STATS_CACHE_SECONDS)


def count_catalogue_stats() -> dict:
    """The numbers of catalogue_stats(), counted now."""
    published = Scene.objects.published()
    totals = {**scene_stats(published), "dramas": Drama.objects.count(), "actors": Actor.objects.public().count()}
    dramas = list(
        Drama.objects.annotate(
            scenes_published=Count("scenes", filter=PUBLISHED),
            awesome_votes=sum_or_zero("scenes__awesome_count", PUBLISHED),
            awkward_votes=sum_or_zero("scenes__awkward_count", PUBLISHED),
        )
        .order_by("title")
        .values("slug", "title", "hangul_title", "year", "scenes_published", "awesome_votes", "awkward_votes")
    )
    for drama in dramas:
        drama["scenes"] = drama.pop("scenes_published")
        drama["awesome_share"] = scoring.awesome_share(drama["awesome_votes"], drama["awkward_votes"])
    counts = trope_counts(published)
    tropes = [
        {
            "slug": trope.slug,
            "name": trope.name,
            "hangul_name": trope.hangul_name,
            "group": trope.group.slug,
            "scene_count": counts.get(trope.pk, 0),
        }
        for trope in Trope.objects.select_related("group")
    ]
    years = [
        {"year": row["drama__year"], "scenes": row["scenes"], "girl_initiated": row["girl_initiated"]}
        for row in published.order_by()
        .values("drama__year")
        .annotate(
            scenes=Count("pk"),
            girl_initiated=Count("pk", filter=Q(hugger__gender=Character.Gender.FEMALE)),
        )
        .order_by("drama__year")
    ]
    return {"totals": totals, "dramas": dramas, "tropes": tropes, "years": years}
