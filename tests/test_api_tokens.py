"""Personal API tokens: created and revoked on /api/tokens/, shown once, stored hashed."""

import hashlib

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken
from api.services import MAX_ACTIVE_TOKENS, create_token
from community.models import Vote
from tests.api_support import api_client, new_fan

pytestmark = pytest.mark.django_db

TOKENS_URL = "/api/tokens/"


@pytest.fixture
def fan(db):
    return new_fan("hugfan")


@pytest.fixture
def signed_in(client, fan):
    client.force_login(fan)
    return client


def vote_with(key: str, scene, *, keyword: str = "Token"):
    client = api_client()
    client.credentials(HTTP_AUTHORIZATION=f"{keyword} {key}")
    return client.post(f"/api/scenes/{scene.pk}/vote/", {"verdict": "awesome"}, format="json")


def test_the_tokens_page_needs_a_signed_in_fan(client):
    response = client.get(TOKENS_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_new_token_is_shown_once_and_stored_hashed(signed_in, fan):
    response = signed_in.post(TOKENS_URL, {"name": "my vote bot"})
    assert response.status_code == 200
    key = response.context["new_key"]
    assert key.startswith("tdb_") and len(key) == 44
    assert key in response.content.decode()
    token = ApiToken.objects.get(fan=fan)
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.prefix == key[:12]
    assert not ApiToken.objects.filter(key_hash__contains=key).exists()
    page = signed_in.get(TOKENS_URL).content.decode()
    assert "my vote bot" in page
    assert token.prefix in page
    assert key not in page


def test_a_token_authenticates_as_its_fan_with_token_or_bearer(fan, scene):
    _, key = create_token(fan=fan, name="script")
    assert vote_with(key, scene).status_code == 200
    assert vote_with(key, scene, keyword="Bearer").status_code == 200
    assert Vote.objects.get().fan == fan
    assert ApiToken.objects.get().last_used_at is not None


def test_a_revoked_token_no_longer_works(signed_in, fan, scene):
    token, key = create_token(fan=fan, name="script")
    response = signed_in.post(reverse("api:token-revoke", args=[token.pk]), follow=True)
    assert "is revoked" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None
    refused = vote_with(key, scene)
    assert refused.status_code == 401
    assert "revoked" in refused.json()["detail"]


def test_a_fan_cannot_revoke_someone_elses_token(signed_in):
    token, key = create_token(fan=new_fan("someone-else"), name="theirs")
    response = signed_in.post(reverse("api:token-revoke", args=[token.pk]), follow=True)
    assert "not yours" in response.content.decode()
    token.refresh_from_db()
    assert token.is_active


def test_a_token_of_an_inactive_account_is_refused(fan, scene):
    _, key = create_token(fan=fan, name="script")
    fan.is_active = False
    fan.save()
    assert vote_with(key, scene).status_code == 401


def test_a_token_needs_a_name(signed_in):
    response = signed_in.post(TOKENS_URL, {"name": "  "})
    assert response.status_code == 400
    assert "Give the token a name" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_fan_has_a_bounded_number_of_active_tokens(signed_in, fan):
    for number in range(MAX_ACTIVE_TOKENS):
        create_token(fan=fan, name=f"token {number}")
    response = signed_in.post(TOKENS_URL, {"name": "one too many"})
    assert response.status_code == 400
    assert ApiToken.objects.active().count() == MAX_ACTIVE_TOKENS
    ApiToken.objects.first().revoke(when=timezone.now())
    assert signed_in.post(TOKENS_URL, {"name": "now it fits"}).status_code == 200


def test_the_profile_links_to_the_tokens_page_for_its_owner_only(client, fan):
    profile = reverse("community:profile", args=[fan.username])
    assert TOKENS_URL not in client.get(profile).content.decode()
    client.force_login(fan)
    assert TOKENS_URL in client.get(profile).content.decode()
