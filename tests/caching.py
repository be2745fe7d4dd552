from django.core.cache import caches

from scenes.models import StatsSnapshot
from scenes.models.querysets import forget_taxonomy


def cold_cache():
    """Nothing counted or cached anywhere (shared caches, rendered cards, this process's copies, the stats snapshot)."""
    for store in caches.all():
        store.clear()
    forget_taxonomy()
    StatsSnapshot.objects.all().delete()
