"""
The back hug of the day: one published scene per calendar day, the same for every reader and every app
server all day, and a different one (most days) the next.

The pick is an offset, taken from a hash of the date, into the scenes published before the day began
(ordered by id), so scenes published during the day do not change it. The hash is SHA-256, not Python's
per-process ``hash()``, so servers behind a load balancer agree. Three queries: a count, the id at that
offset along the primary key, and its row; the chosen id is then kept in the cache for the day.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.utils import timezone

CACHE_SECONDS = 24 * 3600


def day_number(day: datetime.date) -> int:
    """A large number that depends only on ``day``: the same on every server, scattered from day to day."""
    return int.from_bytes(hashlib.sha256(day.isoformat().encode()).digest()[:8], "big")


def back_hug_of_the_day(scenes, *, day: datetime.date | None = None):
    """The scene of ``day`` (today in the site's time zone by default) among ``scenes``; None if there are none."""
    day = day or timezone.localdate()
    day_began = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    eligible = scenes.filter(published_at__lt=day_began)
    count = eligible.count()
    if not count:  # A catalogue younger than a day: pick among what there is.
        eligible, count = scenes, scenes.count()
    if not count:
        return None
    offset = day_number(day) % count
    # Offset along bare ids, then fetch the one row: offsetting through the joined card rows costs far more.
    ids = eligible.order_by("id").values_list("pk", flat=True)
    picked = list(ids[offset : offset + 1])
    if not picked and offset:  # Scenes were unpublished since the count: take the first rather than none.
        picked = list(ids[:1])
    return scenes.filter(pk=picked[0]).first() if picked else None


def cached_back_hug_of_the_day(scenes, *, day: datetime.date | None = None):
    """
    back_hug_of_the_day() for everyone's pick (``scenes`` not narrowed for one reader), its id kept in the
    cache for the day: later requests fetch it by primary key instead of counting and offsetting.
    """
    day = day or timezone.localdate()
    key = f"scenes:daily:{day.isoformat()}"
    pk = cache.get(key)
    if pk is not None:
        found = list(scenes.filter(pk=pk))
        if found:
            return found[0]
    scene = back_hug_of_the_day(scenes, day=day)
    if scene is not None:
        cache.set(key, scene.pk, timeout=CACHE_SECONDS)
    return scene
