"""
Django's Redis cache backend, keeping one Redis client per connection pool rather than making a new one for every
call. A redis.Redis() fills its table of reply callbacks when it is made: on a page served from the response cache
that cost more than the GETs themselves. The client is thread-safe (its pool hands out connections), as Django's
per-call clients shared one pool anyway.
"""

from django.core.cache.backends import redis as django_redis


class ReusingRedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
