"""Helpers for the API tests: an API client, personal tokens, and scenes with what the API shows."""

from rest_framework.test import APIClient

from api.services import create_token
from community import services
from community.models import FanProfile
from tests.factories import SceneFactory, SceneImageFactory, UserFactory


def api_client(**kwargs) -> APIClient:
    return APIClient(**kwargs)


def token_client(fan) -> APIClient:
    """A client that authenticates as ``fan`` with a fresh personal API token."""
    _, key = create_token(fan=fan, name="tests")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def new_fan(username: str, **kwargs):
    """A fan who never types a password (tests sign in with force_login or a token): no slow hashing."""
    return UserFactory(username=username, password=None, **kwargs)  # factory's Password turns None into unusable


def ban(fan, reason: str = "Spamming the comments.") -> None:
    FanProfile.objects.update_or_create(user=fan, defaults={"is_banned": True, "ban_reason": reason})


def full_scene(**kwargs):
    """A published scene with a curated trope, a screenshot, a vote and a comment."""
    scene = SceneFactory(tropes=["comfort"], **kwargs)
    SceneImageFactory(scene=scene)
    services.cast_vote(scene=scene, fan=new_fan(f"voter-of-{scene.pk}"), verdict="awesome")
    services.post_comment(author=new_fan(f"commenter-of-{scene.pk}"), target=scene, body="That umbrella!")
    scene.refresh_from_db()
    return scene


def error_of(response) -> dict:
    """The JSON error body, after checking it has the API's one error shape."""
    assert response["Content-Type"] == "application/json", response["Content-Type"]
    body = response.json()
    assert set(body) == {"detail", "errors"}, body
    assert isinstance(body["detail"], str) and body["detail"]
    return body
