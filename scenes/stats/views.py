"""The stats page: charts of the whole catalogue."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from .charts import LazyCharts
from .numbers import share, site_stats


@require_safe
def stats(request):
    """Charts of the whole catalogue (numbers.py, charts.py): six grouped queries, cached briefly."""
    numbers = site_stats()
    context = {
        "stats": numbers,
        "charts": LazyCharts(numbers),  # Drawn only when the page's cached fragments are stale.
        "girl_initiated_share": share(numbers.girl_initiated, numbers.overall.scenes) or 0,
        "second_lead_share": share(numbers.second_lead, numbers.overall.scenes) or 0,
    }
    return render(request, "scenes/stats.html", context)
