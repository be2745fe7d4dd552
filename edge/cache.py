"""
The shared cache (Redis) without a single point of failure: while Redis cannot be reached, each app server
keeps serving from a cache in its own memory instead of failing the request.

- Readers: pages are served, computed afresh (what was in Redis is out of reach).
- Writes: the abuse limits (community.ratelimit) keep counting, per app server, in that memory: a fan gets at
  most the limit per server for as long as Redis is out (with three servers, three times the limit), never
  an error. Counts in Redis resume when it is back.
- After a failure, Redis is left alone for RETRY_SECONDS so that each request does not wait on a dead server.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .redis_cache import RedisCache

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5
OUT_OF_REACH = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


def _fallible(name):
    def method(self, *args, **kwargs):
        if time.monotonic() >= self._down_until:
            try:
                return getattr(super(FailSoftRedisCache, self), name)(*args, **kwargs)
            except OUT_OF_REACH as error:
                logger.warning("Redis out of reach (%s); using this process's memory for %s s", error, RETRY_SECONDS)
                self._down_until = time.monotonic() + RETRY_SECONDS
        return getattr(self._fallback, name)(*args, **kwargs)

    method.__name__ = name
    return method


class FailSoftRedisCache(RedisCache):
    """Django's Redis cache (one client per pool: edge.redis_cache), falling back to local memory while Redis is
    out of reach."""

    def __init__(self, server, params):
        params = {**params}
        options = {"socket_connect_timeout": 0.5, "socket_timeout": 1, **params.get("OPTIONS", {})}
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0
        self._fallback = LocMemCache(f"fail-soft-{id(self)}", {"OPTIONS": {"MAX_ENTRIES": 5000}, **_local(params)})

    add = _fallible("add")
    get = _fallible("get")
    set = _fallible("set")
    touch = _fallible("touch")
    delete = _fallible("delete")
    get_many = _fallible("get_many")
    has_key = _fallible("has_key")
    incr = _fallible("incr")
    set_many = _fallible("set_many")
    delete_many = _fallible("delete_many")

    def clear(self):
        self._fallback.clear()
        try:
            return super().clear()
        except OUT_OF_REACH:
            return False


def _local(params: dict) -> dict:
    """The settings the memory cache shares with Redis's: the key prefix, version and default timeout."""
    return {name: params[name] for name in ("KEY_PREFIX", "VERSION", "TIMEOUT") if name in params}
