"""The Redis cache backend keeps its clients (edge.redis_cache): no new client, with its reply table, per call."""

from edge.redis_cache import RedisCache


def test_every_call_reuses_the_client_of_its_connection_pool():
    cache = RedisCache("redis://127.0.0.1:6399/0", {})  # No connection is made until a command is sent.

    first = cache._cache.get_client("a-key")
    again = cache._cache.get_client("another-key", write=True)

    assert first is again
    assert first.connection_pool is cache._cache._get_connection_pool(write=False)


def test_each_server_of_a_replicated_cache_keeps_its_own_client():
    cache = RedisCache("redis://127.0.0.1:6399/0,redis://127.0.0.1:6398/0", {})

    writer = cache._cache.get_client(write=True)
    reader = cache._cache.get_client()

    assert writer is not reader
    assert reader.connection_pool.connection_kwargs["port"] == 6398
