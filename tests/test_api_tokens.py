"""Personal API tokens: created and revoked on /api/tokens/, shown once, stored hashed."""

import hashlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import ApiToken
from api.services import MAX_ACTIVE_TOKENS, create_token
from community.models import Vote
from tests.api_support import api_client, new_fan
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKENS_URL = "/api/tokens/"
NEW_PASSWORD = "umbrella at the bus stop 2013"


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


def test_a_token_stops_working_once_it_expires(fan, scene):
    _token, key = create_token(fan=fan, name="old bot")
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = vote_with(key, scene)
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_a_new_token_expires_in_ninety_days(fan):
    token, _key = create_token(fan=fan, name="bot")
    assert timedelta(days=89) < token.expires_at - timezone.now() <= timedelta(days=90)


def test_changing_the_password_revokes_every_token(client, scene):
    fan = UserFactory(username="withpassword")
    _token, key = create_token(fan=fan, name="bot")
    client.force_login(fan)
    client.post(
        "/accounts/password/change/",
        {"oldpassword": "correct horse battery staple", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert vote_with(key, scene).status_code == 401
    assert ApiToken.objects.get().revoked_at is not None


def test_a_password_set_by_a_moderator_revokes_every_token(fan, scene):
    _token, key = create_token(fan=fan, name="bot")
    fan.set_password(NEW_PASSWORD)
    fan.save()
    assert vote_with(key, scene).status_code == 401


def test_signing_in_does_not_revoke_tokens(client, scene):
    fan = UserFactory(username="withpassword")
    _token, key = create_token(fan=fan, name="bot")
    client.post("/accounts/login/", {"login": fan.username, "password": "correct horse battery staple"})
    assert vote_with(key, scene).status_code == 200


def test_expired_tokens_leave_room_under_the_cap(fan):
    for number in range(MAX_ACTIVE_TOKENS):
        create_token(fan=fan, name=f"bot {number}")
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    create_token(fan=fan, name="one more")
    assert ApiToken.objects.active().count() == 1


def test_the_tokens_page_says_when_a_token_expires(signed_in, fan):
    token, _key = create_token(fan=fan, name="bot")
    assert token.expires_at.strftime("%-d %b %Y") in signed_in.get(TOKENS_URL).content.decode()


def test_making_and_revoking_tokens_over_and_over_is_limited(signed_in, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "api_token": {"user": (3, 3600)}}
    for number in range(3):
        signed_in.post(TOKENS_URL, {"name": f"bot {number}"})
        ApiToken.objects.active().update(revoked_at=timezone.now())
    response = signed_in.post(TOKENS_URL, {"name": "one too many"})
    assert response.status_code == 429
    assert ApiToken.objects.count() == 3
