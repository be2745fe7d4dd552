"""
Abuse limits: fixed-window counters in the shared cache (Redis in production), per fan and per address.

Limits live in ``settings.RATE_LIMITS``: ``{"vote": {"user": (60, 60), "address": (200, 60)}}`` means at
most 60 votes a minute per fan and 200 a minute from one address.
"""

import contextlib
import time

from django.conf import settings
from django.core.cache import cache

from edge.addresses import client_address


class RateLimited(Exception):
    def __init__(self, action: str, retry_after: int):
        super().__init__(action)
        self.action = action
        self.retry_after = retry_after


def _hit(key: str, limit: int, window: int, *, count: bool = True) -> int | None:
    """
    Count one hit in the current window (unless not ``count``: then only look whether the limit is reached);
    seconds to wait when over the limit, else None.
    """
    now = int(time.time())
    window_start = now - now % window
    cache_key = f"ratelimit:{key}:{window_start}"
    if not count:
        return window_start + window - now if (cache.get(cache_key) or 0) >= limit else None
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # The key expired between add and incr: this is the first hit of a new window.
        cache.set(cache_key, 1, timeout=window + 1)
        count = 1
    return window_start + window - now if count > limit else None


def check(request, action: str, *, count: bool = True) -> None:
    """
    Count the request against the action's limits; RateLimited when any is exceeded. With ``count=False``,
    only whether the limit is already reached: for an action counted when it succeeds (``record``), such as a
    submission, so a form sent back for a fix costs the fan nothing.
    """
    limits = settings.RATE_LIMITS.get(action, {})
    waits = []
    if request.user.is_authenticated and "user" in limits:
        waits.append(_hit(f"{action}:user:{request.user.pk}", *limits["user"], count=count))
    if "address" in limits:
        waits.append(_hit(f"{action}:address:{client_address(request)}", *limits["address"], count=count))
    waits = [wait for wait in waits if wait is not None]
    if waits:
        raise RateLimited(action, max(1, max(waits)))


def record(request, action: str) -> None:
    """Count one success of an action checked with ``check(..., count=False)`` beforehand."""
    with contextlib.suppress(RateLimited):  # Reached with this very success: the next attempt hears of it.
        check(request, action)
