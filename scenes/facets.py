"""
Facet links for the catalogue page: every trope with how many of the current results carry it, and
links that add it, exclude it or take it away again, so a reader combines filters by clicking.

Links are built from the request's query string, so a shared URL restores the same view.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.http import QueryDict

from .models import SceneTrope, Trope, TropeGroup


@dataclass
class TropeFacet:
    trope: Trope
    count: int
    state: str  # "included", "excluded" or ""
    include_url: str
    exclude_url: str
    remove_url: str


@dataclass
class FacetGroup:
    group: TropeGroup
    facets: list[TropeFacet]


def _url(params: QueryDict) -> str:
    params = params.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def with_value(params: QueryDict, key: str, value: str, *, drop_from: str | None = None) -> str:
    """The query string with ``value`` added to the repeatable ``key`` (and taken out of ``drop_from``)."""
    params = params.copy()
    if drop_from:
        params.setlist(drop_from, [v for v in params.getlist(drop_from) if v != value])
    values = [v for v in params.getlist(key) if v != value]
    params.setlist(key, [*values, value])
    return _url(params)


def with_only(params: QueryDict, key: str, value: str) -> str:
    """The query string with ``key`` set to ``value`` alone (the page kept)."""
    params = params.copy()
    params.setlist(key, [value])
    return f"?{params.urlencode()}"


def without_value(params: QueryDict, key: str, value: str | None = None) -> str:
    """The query string with ``value`` taken out of ``key`` (or the whole key when value is None)."""
    params = params.copy()
    if value is None:
        params.pop(key, None)
    else:
        params.setlist(key, [v for v in params.getlist(key) if v != value])
    return _url(params)


def trope_counts(scenes) -> dict[int, int]:
    """How many of ``scenes`` carry each trope, derived ones included: three queries however many scenes."""
    counts = dict(
        SceneTrope.objects.filter(is_public=True, scene__in=scenes.order_by().values("pk"))
        .values_list("trope")
        .annotate(n=Count("scene", distinct=True))
        .values_list("trope", "n")
    )
    derived = list(Trope.objects.derived_list())
    if derived:
        totals = scenes.order_by().aggregate(
            **{f"rule_{trope.pk}": Count("pk", filter=trope.scene_condition(), distinct=True) for trope in derived}
        )
        counts.update({trope.pk: totals[f"rule_{trope.pk}"] for trope in derived})
    return counts


def trope_facets(scenes, params: QueryDict, *, included: list, excluded: list, empty=False) -> list[FacetGroup]:
    """The facet groups for ``scenes``; when the caller knows they are ``empty``, only the chosen tropes, uncounted."""
    counts = {} if empty else trope_counts(scenes)
    included_ids = {trope.pk for trope in included}
    excluded_ids = {trope.pk for trope in excluded}
    groups: dict[int, FacetGroup] = {}
    for trope in Trope.objects.select_related("group"):
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
                include_url=with_value(params, "trope", trope.slug, drop_from="exclude"),
                exclude_url=with_value(params, "exclude", trope.slug, drop_from="trope"),
                remove_url=without_value(params, "trope" if state == "included" else "exclude", trope.slug),
            )
        )
    return list(groups.values())
