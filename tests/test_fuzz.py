"""
Hostile input never gives a server error: hypothesis sends requests to every URL pattern of the site (paths,
query strings, forms, JSON bodies, headers and methods), as an anonymous reader, a fan, a banned fan and a
moderator, and no answer may be a 5xx or hold a traceback.

``make test`` (and CI) runs a small profile: FUZZ_EXAMPLES examples per pattern, 2 by default (about 440
requests). ``make fuzz`` runs the full one: 50 per pattern, over 11,000 requests.
"""

import os
from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings

from community.models import FanProfile
from scenes.models import Trope
from tests.community_factories import CommentFactory, VoteFactory
from tests.factories import SceneFactory, UserFactory
from tests.fuzz_support import requests, url_patterns

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2"))
PATTERNS = url_patterns()


@pytest.fixture
def site(settings):
    """A small catalogue, and a client for each role, signed in before every request."""
    settings.RATE_LIMITS = {action: {"user": (10**6, 60), "address": (10**6, 60)} for action in settings.RATE_LIMITS}
    scene = SceneFactory()
    comment = CommentFactory(scene=scene)
    VoteFactory(scene=scene)
    fan, banned = UserFactory(username="fuzzfan"), UserFactory(username="fuzzbanned")
    FanProfile.objects.update_or_create(user=banned, defaults={"is_banned": True, "ban_reason": "Fuzzing."})
    moderator = UserFactory(username="fuzzmod", is_staff=True, is_superuser=True)
    known = {
        "int": [scene.pk, comment.pk, scene.drama_id, scene.hugger_id, fan.pk, 1],
        "slug": [scene.drama.slug, scene.hugger.actor.slug, "comfort", "captured", "fuzzfan", "scenes", "dramas"],
        "form": [str(scene.pk), str(comment.pk), "awesome", "awkward", "none", "on", scene.drama.title, "12:34"],
    }
    known["slug"] += list(Trope.objects.values_list("slug", flat=True)[:3])
    users = {"anonymous": None, "fan": fan, "banned": banned, "moderator": moderator}
    return known, users, {role: Client(raise_request_exception=False) for role in users}


def send(clients, users, request):
    client, user = clients[request["role"]], users[request["role"]]
    if user is not None:
        client.force_login(user)  # a fuzzed sign-out must not turn the next requests anonymous
    path = request["path"] + ("?" + urlencode(request["query"]) if request["query"] else "")
    data = request.get("data")
    if request["method"] == "POST" and isinstance(data, dict):
        return client.post(path, data, **request["headers"])
    if isinstance(data, dict):
        data = urlencode(data)
        request["content_type"] = "application/x-www-form-urlencoded"
    kwargs = {"data": data or "", "content_type": request.get("content_type", "application/octet-stream")}
    return client.generic(request["method"], path, **kwargs, **request["headers"])


@pytest.mark.parametrize("pattern", PATTERNS, ids=str)
def test_no_request_to_any_url_pattern_gets_a_server_error(site, pattern):
    known, users, clients = site

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(request=requests(pattern, known))
    def fuzz(request):
        response = send(clients, users, request)
        body = b"" if response.streaming else response.content
        assert response.status_code < 500, f"{response.status_code} for {request}"
        assert b"Traceback" not in body, f"a traceback for {request}"

    fuzz()
