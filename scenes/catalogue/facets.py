"""
Facet links for the catalogue page: every trope with how many of the current results carry it, and
links that add it, exclude it or take it away again, so a reader combines filters by clicking.

Links are built from the request's query string, so a shared URL restores the same view.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.http import QueryDict

from scenes.models import Scene, SceneTrope, Trope, TropeGroup
from scenes.search.cache import filters_key, kept
from scenes.search.ranking import id_list
from scenes.stats.numbers import trope_tallies


@dataclass
class TropeFacet:
    trope: Trope
    count: int
    state: str  # "included", "excluded" or ""
    include_url: str
    exclude_url: str
    remove_url: str
    # Offered only when leaving the trope out leaves something: a trope every result carries would empty the page.
    can_exclude: bool


@dataclass
class FacetGroup:
    group: TropeGroup
    facets: list[TropeFacet]


def _pairs(params: QueryDict) -> list[tuple[str, str]]:
    """The query string's (key, value) pairs in order, without the page (a new filter starts at page 1)."""
    return [(key, value) for key, values in params.lists() if key != "page" for value in values]


def _url(pairs: list[tuple[str, str]]) -> str:
    encoded = urlencode(pairs)
    return f"?{encoded}" if encoded else "?"


def with_value(params, key: str, value: str, *, drop_from: str | None = None) -> str:
    """The query string with ``value`` added to the repeatable ``key`` (and taken out of ``drop_from``)."""
    pairs = params if isinstance(params, list) else _pairs(params)
    kept = [(k, v) for k, v in pairs if not (v == value and k in (key, drop_from))]
    # After the key's other values, as a QueryDict would put it, so links read the same whichever way built.
    at = max((i + 1 for i, (k, _) in enumerate(kept) if k == key), default=len(kept))
    return _url([*kept[:at], (key, value), *kept[at:]])


def with_only(params: QueryDict, key: str, value: str) -> str:
    """The query string with ``key`` set to ``value`` alone (the page kept)."""
    params = params.copy()
    params.setlist(key, [value])
    return f"?{params.urlencode()}"


def without_value(params, key: str, value: str | None = None) -> str:
    """The query string with ``value`` taken out of ``key`` (or the whole key when value is None)."""
    pairs = params if isinstance(params, list) else _pairs(params)
    return _url([(k, v) for k, v in pairs if not (k == key and (value is None or v == value))])


def trope_counts(scenes, ids: list[int] | None = None) -> dict[int, int]:
    """
    How many of ``scenes`` carry each trope, derived ones included: two queries however many scenes.
    ``ids``, when the caller has them (a search's results), are those scenes' ids: no need to filter again.
    The counts are kept like a search's ranking (scenes.search.cache), under the ids or the filters' SQL
    (which names the fan's hidden tropes too): many readers open the same trope or drama.
    """
    if ids is None and scenes.is_every_published():
        # The whole catalogue: the stats' counts, shared with the trope guide and cached for a few minutes.
        return {pk: tally.scenes for pk, tally in trope_tallies().items()}
    if ids is not None:
        return kept("facets", tuple(ids), lambda: _counts(Scene.objects.filter(pk__in=id_list(ids)), id_list(ids)))
    filters = filters_key(scenes)
    if filters is None:  # A filter rules every scene out.
        return {}
    return kept("facets", (scenes.db, filters), lambda: _counts(scenes, scenes.order_by().values("pk")))


def _counts(scenes, scene_ids) -> dict[int, int]:
    """
    The counts of trope_counts(), in two queries: attached tropes (by ``scene_ids``, the scenes' ids as SQL,
    read from scenetrope_public_by_scene), then every derived trope at once.
    """
    counts = dict(
        SceneTrope.objects.filter(is_public=True, scene__in=scene_ids)
        .values_list("trope")
        # A trope is on a scene once (unique together), so no DISTINCT; COUNT(*) lets the index answer alone.
        .annotate(n=Count("*"))
        .values_list("trope", "n")
    )
    derived = list(Trope.objects.derived_list())
    if derived:
        totals = scenes.order_by().aggregate(
            # One row per scene (its hugger is a foreign key), so no DISTINCT.
            **{f"rule_{trope.pk}": Count("pk", filter=trope.scene_condition()) for trope in derived}
        )
        counts.update({trope.pk: totals[f"rule_{trope.pk}"] for trope in derived})
    return counts


def trope_facets(
    scenes, params: QueryDict, *, included: list, excluded: list, empty=False, ids=None, total: int | None = None
) -> list[FacetGroup]:
    """
    The facet groups for ``scenes`` (whose ``ids`` a search may pass); when ``empty``, only the chosen tropes.
    ``total``, how many results there are, rules out excluding a trope all of them carry (a dead end).
    """
    counts = {} if empty else trope_counts(scenes, ids)
    pairs = _pairs(params)  # Parsed once: every facet's three links are built from them.
    included_ids = {trope.pk for trope in included}
    excluded_ids = {trope.pk for trope in excluded}
    groups: dict[int, FacetGroup] = {}
    for trope in Trope.objects.taxonomy().values():  # Cached, in the tropes' order.
        state = "included" if trope.pk in included_ids else "excluded" if trope.pk in excluded_ids else ""
        count = counts.get(trope.pk, 0)
        if not count and not state:
            continue  # A link to an empty result helps nobody; chosen tropes stay visible and removable.
        group = groups.setdefault(trope.group_id, FacetGroup(group=trope.group, facets=[]))
        group.facets.append(
            TropeFacet(
                trope=trope,
                count=count,
                state=state,
                include_url=with_value(pairs, "trope", trope.slug, drop_from="exclude"),
                exclude_url=with_value(pairs, "exclude", trope.slug, drop_from="trope"),
                remove_url=without_value(pairs, "trope" if state == "included" else "exclude", trope.slug),
                can_exclude=not state and (total is None or count < total),
            )
        )
    return list(groups.values())
