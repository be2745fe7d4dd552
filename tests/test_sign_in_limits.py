"""Wrong passwords are limited on every sign-in page, per address, without letting strangers lock an owner out."""

import pytest
from django.test import Client

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/accounts/login/"


@pytest.fixture
def owner():
    return UserFactory(username="owner", is_staff=True, is_superuser=True)


def client_at(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def sign_in(client, username: str, password: str):
    return client.post(LOGIN, {"login": username, "password": password})


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_five_wrong_passwords_from_one_address_lock_that_address_out_of_that_account():
    UserFactory(username="owner")
    attacker = client_at("203.0.113.9")
    for _ in range(5):
        sign_in(attacker, "owner", "wrong")
    response = sign_in(attacker, "owner", PASSWORD)
    assert not is_signed_in(attacker)
    assert "Too many failed login attempts" in response.content.decode()


def test_a_strangers_wrong_passwords_do_not_lock_the_owner_out():
    UserFactory(username="owner")
    attacker = client_at("203.0.113.9")
    for _ in range(8):
        sign_in(attacker, "owner", "wrong")
    owner = client_at("198.51.100.4")
    sign_in(owner, "owner", PASSWORD)
    assert is_signed_in(owner)


def test_wrong_passwords_spread_over_many_usernames_still_lock_the_address():
    attacker = client_at("203.0.113.9")
    for number in range(10):
        sign_in(attacker, f"guess{number}", "wrong")
    UserFactory(username="owner")
    sign_in(attacker, "owner", PASSWORD)
    assert not is_signed_in(attacker)


def test_the_admin_sign_in_page_sends_moderators_to_the_sites(client):
    response = client.get("/admin/login/?next=/admin/scenes/scene/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/scenes/scene/"


def test_the_admin_sign_in_page_accepts_no_password(client, owner):
    response = client.post("/admin/login/", {"username": "owner", "password": PASSWORD})
    assert response.status_code == 302
    assert not is_signed_in(client)


def test_guessing_a_moderators_password_on_the_admin_page_gets_round_no_limit(owner):
    attacker = client_at("203.0.113.9")
    for _ in range(5):
        sign_in(attacker, "owner", "wrong")
    attacker.post("/admin/login/", {"username": "owner", "password": PASSWORD})
    assert not is_signed_in(attacker)


def test_a_moderator_signed_in_on_the_site_goes_on_to_the_admin(client, owner):
    client.post(f"{LOGIN}?next=/admin/", {"login": "owner", "password": PASSWORD})
    assert client.get("/admin/").status_code == 200


def test_a_signed_in_fan_who_is_no_moderator_is_refused_the_admin_sign_in(client):
    client.force_login(UserFactory(username="justafan"))
    assert client.get("/admin/login/").status_code == 403


def test_the_admin_sign_in_never_sends_a_moderator_to_another_site(client, owner):
    client.force_login(owner)
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("next_url", ["0", "{}", "index", "admin:index"])
def test_a_next_address_that_is_no_path_sends_a_moderator_to_the_admin(client, owner, next_url):
    client.force_login(owner)
    response = client.get("/admin/login/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
