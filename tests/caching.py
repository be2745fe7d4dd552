from django.core.cache import cache

from scenes.querysets import forget_derived_tropes


def cold_cache():
    """Empty the shared cache and this process's own copies, as the first reader after a deploy finds them."""
    cache.clear()
    forget_derived_tropes()
