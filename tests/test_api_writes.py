"""The write API: votes, trope votes, favourites and comments, with the pages' rules and rate limits."""

import pytest
from django.urls import reverse

from community.models import Comment, Favourite, TropeVote, Vote
from scenes.models import Scene, SceneTrope
from tests.api_support import api_client, ban, error_of, new_fan, token_client
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fan(db):
    return new_fan("hugfan")


@pytest.fixture
def fan_api(fan):
    return token_client(fan)


def post(client, url, data=None, status=200):
    response = client.post(url, data, format="json")
    assert response.status_code == status, response.content
    return response.json()


# Verdicts


def test_a_fan_votes_changes_and_takes_back_a_verdict(fan_api, fan, scene):
    url = f"/api/scenes/{scene.pk}/vote/"
    assert post(fan_api, url, {"verdict": "awesome"}) == {
        "verdict": "awesome",
        "awesome": 1,
        "awkward": 0,
        "awesome_share": 100,
        "is_controversial": False,
    }
    assert post(fan_api, url, {"verdict": "awkward"})["awkward"] == 1
    assert Vote.objects.get(scene=scene, fan=fan).verdict == "awkward"
    assert post(fan_api, url, {"verdict": None})["verdict"] is None
    assert post(fan_api, url, {"verdict": "none"})["awkward"] == 0
    assert not Vote.objects.filter(scene=scene).exists()
    scene.refresh_from_db()
    assert (scene.awesome_count, scene.awkward_count) == (0, 0)


@pytest.mark.parametrize("data", [{"verdict": "meh"}, {}, {"verdict": 3}])
def test_an_unknown_verdict_is_a_400_naming_the_field(fan_api, scene, data):
    response = fan_api.post(f"/api/scenes/{scene.pk}/vote/", data, format="json")
    assert response.status_code == 400
    assert list(error_of(response)["errors"]) == ["verdict"]
    assert not Vote.objects.exists()


def test_voting_on_an_unpublished_scene_is_a_404(fan_api):
    pending = SceneFactory(status=Scene.Status.PENDING, published_at=None)
    response = fan_api.post(f"/api/scenes/{pending.pk}/vote/", {"verdict": "awesome"}, format="json")
    assert response.status_code == 404
    error_of(response)


# Trope votes


def test_a_fan_agrees_with_a_trope_and_takes_it_back(fan_api, fan, scene):
    url = f"/api/scenes/{scene.pk}/tropes/vote/"
    body = post(fan_api, url, {"trope": "lingering", "vote": "agree"})
    assert body == {
        "trope": "lingering",
        "vote": "agree",
        "on_scene": True,
        "is_public": False,
        "agree_count": 1,
        "disagree_count": 0,
    }
    assert SceneTrope.objects.get(scene=scene, trope__slug="lingering").origin == "proposed"
    assert post(fan_api, url, {"trope": "lingering", "vote": "none"})["on_scene"] is False
    assert not TropeVote.objects.exists()


def test_trope_votes_follow_the_services_rules(fan_api, scene):
    url = f"/api/scenes/{scene.pk}/tropes/vote/"
    derived = fan_api.post(url, {"trope": "boy-initiated", "vote": "agree"}, format="json")
    assert derived.status_code == 400
    assert "it is a fact, not a vote" in error_of(derived)["detail"]
    unknown = fan_api.post(url, {"trope": "no-such-trope", "vote": "agree"}, format="json")
    assert error_of(unknown)["errors"] == {"trope": ["No trope by that name."]}
    bad = fan_api.post(url, {"trope": "comfort", "vote": "maybe"}, format="json")
    assert error_of(bad)["errors"] == {"vote": ["A trope vote is agree, disagree or none."]}


# Favourites


def test_a_fan_keeps_and_drops_a_favourite(fan_api, fan, scene):
    url = f"/api/scenes/{scene.pk}/favourite/"
    assert post(fan_api, url) == {"is_favourite": True, "favourite_count": 1}
    assert post(fan_api, url) == {"is_favourite": True, "favourite_count": 1}
    response = fan_api.delete(url)
    assert response.json() == {"is_favourite": False, "favourite_count": 0}
    assert not Favourite.objects.exists()


# Comments


def test_a_fan_comments_and_replies(fan_api, fan, scene):
    url = f"/api/scenes/{scene.pk}/comments/"
    response = fan_api.post(url, {"body": "  The umbrella!  "}, format="json")
    assert response.status_code == 201
    comment = response.json()
    assert (comment["author"], comment["body"], comment["depth"], comment["parent"]) == (
        "hugfan",
        "The umbrella!",
        0,
        None,
    )
    assert response["Location"] == comment["web_url"]
    reply = post(fan_api, url, {"body": "Agreed.", "parent": comment["id"]}, status=201)
    assert (reply["parent"], reply["depth"]) == (comment["id"], 1)
    scene.refresh_from_db()
    assert scene.comment_count == 2


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"body": "   "}, "body", "Write something before posting."),
        ({}, "body", "This field is required."),
        ({"body": "x" * 3001}, "body", "Comments can be at most 3000 characters; this one has 3001."),
        ({"body": "Hi", "parent": 999999}, "parent", "The comment you replied to no longer exists."),
    ],
)
def test_a_refused_comment_is_a_400_naming_the_field(fan_api, scene, data, field, message):
    response = fan_api.post(f"/api/scenes/{scene.pk}/comments/", data, format="json")
    assert response.status_code == 400
    assert error_of(response)["errors"] == {field: [message]}
    assert not Comment.objects.exists()


def test_replies_stay_in_their_thread(fan_api, scene):
    elsewhere = Comment.objects.create(author=new_fan("other"), scene=SceneFactory(), body="Elsewhere.")
    response = fan_api.post(f"/api/scenes/{scene.pk}/comments/", {"body": "Hi", "parent": elsewhere.pk}, format="json")
    assert error_of(response)["errors"] == {"parent": ["You can only reply within the same thread."]}


# Who may write


@pytest.mark.parametrize(
    ("method", "path", "data"),
    [
        ("post", "vote/", {"verdict": "awesome"}),
        ("post", "tropes/vote/", {"trope": "comfort", "vote": "agree"}),
        ("post", "favourite/", None),
        ("delete", "favourite/", None),
        ("post", "comments/", {"body": "Hi"}),
    ],
)
def test_anonymous_writes_are_a_401_asking_for_a_token(scene, method, path, data):
    response = getattr(api_client(), method)(f"/api/scenes/{scene.pk}/{path}", data, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Token realm="api"'
    assert "Authorization: Token" in error_of(response)["detail"]


def test_a_banned_fan_gets_a_403_with_the_reason(fan_api, fan, scene):
    ban(fan, reason="Spamming the comments.")
    response = fan_api.post(f"/api/scenes/{scene.pk}/vote/", {"verdict": "awesome"}, format="json")
    assert response.status_code == 403
    assert "Reason: Spamming the comments." in error_of(response)["detail"]
    assert not Vote.objects.exists()


def test_a_session_needs_its_csrf_token(fan, scene):
    session = api_client(enforce_csrf_checks=True)
    session.force_login(fan)
    url = f"/api/scenes/{scene.pk}/vote/"
    refused = session.post(url, {"verdict": "awesome"}, format="json")
    assert refused.status_code == 403
    assert "CSRF" in error_of(refused)["detail"]
    session.get(reverse("api:docs"))  # any page hands out the CSRF cookie
    token = session.cookies["csrftoken"].value
    accepted = session.post(url, {"verdict": "awesome"}, format="json", HTTP_X_CSRFTOKEN=token)
    assert accepted.status_code == 200
    assert Vote.objects.get().fan == fan


def test_pages_and_api_share_one_rate_limit(settings, fan, fan_api, scene):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "vote": {"user": (2, 60)}}
    page = api_client()
    page.force_login(fan)
    assert page.post(reverse("community:vote", args=[scene.pk]), {"verdict": "awesome"}).status_code == 302
    assert fan_api.post(f"/api/scenes/{scene.pk}/vote/", {"verdict": "awkward"}, format="json").status_code == 200
    limited = fan_api.post(f"/api/scenes/{scene.pk}/vote/", {"verdict": "awesome"}, format="json")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) >= 1
    assert "try again in" in error_of(limited)["detail"]
    assert Vote.objects.get().verdict == "awkward"


def test_comments_have_their_own_tighter_limit(settings, fan_api, scene):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": {"user": (1, 60)}}
    url = f"/api/scenes/{scene.pk}/comments/"
    assert fan_api.post(url, {"body": "One."}, format="json").status_code == 201
    assert fan_api.post(url, {"body": "Two."}, format="json").status_code == 429
    assert fan_api.post(f"/api/scenes/{scene.pk}/vote/", {"verdict": "awesome"}, format="json").status_code == 200


def test_reading_is_never_rate_limited(settings, scene):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": {"address": (1, 60)}}
    for _ in range(3):
        assert api_client().get(f"/api/scenes/{scene.pk}/comments/").status_code == 200
