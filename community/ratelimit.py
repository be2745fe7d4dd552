"""
Abuse limits: fixed-window counters in the shared cache (Redis in production), per fan and per address.

Limits live in ``settings.RATE_LIMITS``: ``{"vote": {"user": (60, 60), "address": (200, 60)}}`` means at
most 60 votes a minute per fan and 200 a minute from one address.
"""

import time

from django.conf import settings
from django.core.cache import cache

from edge.addresses import client_address


class RateLimited(Exception):
    def __init__(self, action: str, retry_after: int):
        super().__init__(action)
        self.action = action
        self.retry_after = retry_after


def _hit(key: str, limit: int, window: int) -> int | None:
    """Count one hit in the current window; seconds to wait when over the limit, else None."""
    now = int(time.time())
    window_start = now - now % window
    cache_key = f"ratelimit:{key}:{window_start}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # The key expired between add and incr: this is the first hit of a new window.
        cache.set(cache_key, 1, timeout=window + 1)
        count = 1
    return window_start + window - now if count > limit else None


def check(request, action: str) -> None:
    """Count the request against the action's limits; RateLimited when any is exceeded."""
    limits = settings.RATE_LIMITS.get(action, {})
    waits = []
    if request.user.is_authenticated and "user" in limits:
        waits.append(_hit(f"{action}:user:{request.user.pk}", *limits["user"]))
    if "address" in limits:
        waits.append(_hit(f"{action}:address:{client_address(request)}", *limits["address"]))
    waits = [wait for wait in waits if wait is not None]
    if waits:
        raise RateLimited(action, max(1, max(waits)))
