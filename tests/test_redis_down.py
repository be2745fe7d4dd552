"""With Redis out of reach, pages are served and fans' limits keep counting (in each server's memory)."""

import pytest
from django.core.cache import caches
from django.test import override_settings

from community import ratelimit
from edge.cache import FailSoftRedisCache

pytestmark = pytest.mark.django_db

NOBODY_LISTENS = "redis://127.0.0.1:9/0"  # the discard port: connections are refused at once
DOWN = {
    "default": {"BACKEND": "edge.cache.FailSoftRedisCache", "LOCATION": NOBODY_LISTENS},
    "cards": {"BACKEND": "edge.cache.FailSoftRedisCache", "LOCATION": NOBODY_LISTENS, "KEY_PREFIX": "cards"},
}


@pytest.fixture
def redis_down():
    with override_settings(CACHES=DOWN):
        for alias in ("default", "cards"):
            caches[alias] = caches.create_connection(alias)
        yield
    for alias in ("default", "cards"):
        caches[alias] = caches.create_connection(alias)


def test_a_missing_value_reads_as_a_miss_and_a_stored_one_is_kept_in_memory():
    cache = FailSoftRedisCache(NOBODY_LISTENS, {})
    assert cache.get("taxonomy") is None
    cache.set("taxonomy", [1, 2])
    assert cache.get("taxonomy") == [1, 2]


def test_counters_keep_counting_in_memory():
    cache = FailSoftRedisCache(NOBODY_LISTENS, {})
    cache.add("votes", 0)
    assert [cache.incr("votes") for _ in range(3)] == [1, 2, 3]


def test_pages_are_served_while_redis_is_out_of_reach(client, scene, redis_down):
    for url in ("/", "/scenes/", scene.get_absolute_url(), "/tropes/", "/api/scenes/"):
        assert client.get(url).status_code == 200


def test_votes_are_counted_and_limited_while_redis_is_out_of_reach(client, fan, scene, settings, redis_down):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "vote": {"user": (2, 60)}}
    client.force_login(fan)
    answers = [client.post(f"/scenes/{scene.pk}/vote/", {"verdict": "awesome"}).status_code for _ in range(3)]
    assert answers == [302, 302, 429]
    scene.refresh_from_db()
    assert scene.awesome_count == 1


def test_the_limits_read_the_fallback_through_the_same_calls(redis_down, rf, fan):
    request = rf.post("/")
    request.user = fan
    with override_settings(RATE_LIMITS={"vote": {"user": (1, 60)}}):
        ratelimit.check(request, "vote")
        with pytest.raises(ratelimit.RateLimited):
            ratelimit.check(request, "vote")
