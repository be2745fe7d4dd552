from django.core.cache import cache

from scenes.models import StatsSnapshot
from scenes.querysets import forget_taxonomy


def cold_cache():
    """Nothing counted or cached anywhere (shared cache, this process's copies, the stats snapshot)."""
    cache.clear()
    forget_taxonomy()
    StatsSnapshot.objects.all().delete()
