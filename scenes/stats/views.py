"""The stats page: charts of the whole catalogue."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from community.preferences.viewer import SpoilerFacts, viewer_preferences

from .charts import LazyCharts
from .numbers import share, site_stats


@require_safe
def stats(request):
    """Charts of the whole catalogue (numbers.py, charts.py): six grouped queries, cached briefly."""
    numbers = site_stats()
    spoilers = spoilers_for(numbers.controversial, viewer_preferences(request))
    context = {
        "stats": numbers,
        "charts": LazyCharts(numbers, spoilers),  # Drawn only when the page's cached fragments are stale.
        # The charts' fragments are kept per set of scenes named neutrally: each reader sees what their cards say.
        "spoiler_key": ",".join(str(pk) for pk in sorted(spoilers)),
        "girl_initiated_share": share(numbers.girl_initiated, numbers.overall.scenes) or 0,
        "second_lead_share": share(numbers.second_lead, numbers.overall.scenes) or 0,
    }
    return render(request, "scenes/stats.html", context)


def spoilers_for(scenes, viewer) -> frozenset[int]:
    """Which of the charts' named ``scenes`` are spoilers to this reader, by the rule their cards follow."""
    return frozenset(
        scene.pk
        for scene in scenes
        if viewer.spoiler_of(
            SpoilerFacts(scene.drama_id, scene.episode, scene.episodes, scene.is_spoiler, scene.submitted_by_id)
        )
    )
