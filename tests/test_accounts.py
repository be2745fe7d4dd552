"""Accounts (django-allauth): sign up, log in, log out, change and reset a password, then vote right away."""

import pytest
from django.contrib.auth import get_user_model

from tests.community_factories import vote_url
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "umbrella at the bus stop 2013"


def text(response):
    return response.content.decode()


def signed_in_user(client):
    return client.get("/").context["user"]


def sign_up(client, username="newfan", email="newfan@example.com"):
    return client.post(
        "/accounts/signup/",
        {"username": username, "email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def test_the_signup_page_asks_for_a_username_an_email_and_a_password(client):
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    for field in ('name="username"', 'name="email"', 'name="password1"', 'name="password2"'):
        assert field in text(response)


def test_a_new_fan_signs_up_and_is_signed_in(client):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(username="newfan")
    assert user.email == "newfan@example.com"
    assert signed_in_user(client) == user


def test_a_new_fan_can_vote_right_after_signing_up(client, scene):
    sign_up(client)
    response = client.post(vote_url(scene), {"verdict": "awesome"})
    assert response.status_code == 302
    scene.refresh_from_db()
    assert scene.awesome_count == 1


def test_signing_up_with_a_taken_username_gets_a_message(client):
    UserFactory(username="newfan")
    response = sign_up(client, email="other@example.com")
    assert response.status_code == 200
    assert "A user with that username already exists." in text(response)
    assert User.objects.filter(username="newfan").count() == 1


def test_signing_up_with_mismatched_passwords_gets_a_message(client):
    response = client.post(
        "/accounts/signup/",
        {"username": "newfan", "email": "newfan@example.com", "password1": PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "same password" in text(response)
    assert not User.objects.filter(username="newfan").exists()


@pytest.mark.parametrize("username", ["login", "logout", "signup", "password", "email"])
def test_a_username_that_would_hide_an_account_page_is_refused(client, username):
    response = sign_up(client, username=username, email=f"{username}@example.com")
    assert response.status_code == 200
    assert not User.objects.filter(username=username).exists()


def test_a_fan_logs_in_with_their_username(client):
    user = UserFactory(username="hugfan")
    response = client.post("/accounts/login/", {"login": "hugfan", "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in_user(client) == user


def test_a_fan_logs_in_with_their_email(client):
    user = UserFactory(username="hugfan")
    client.post("/accounts/login/", {"login": "hugfan@example.com", "password": PASSWORD})
    assert signed_in_user(client) == user


def test_a_wrong_password_gets_a_message_and_no_session(client):
    UserFactory(username="hugfan")
    response = client.post("/accounts/login/", {"login": "hugfan", "password": "wrong"})
    assert response.status_code == 200
    assert "not correct" in text(response)
    assert not signed_in_user(client).is_authenticated


def test_logging_in_from_a_scene_goes_back_to_the_scene(client, scene):
    UserFactory(username="hugfan")
    response = client.post(
        f"/accounts/login/?next={scene.get_absolute_url()}", {"login": "hugfan", "password": PASSWORD}
    )
    assert response["Location"] == scene.get_absolute_url()


def test_a_fan_logs_out_with_a_post(client, fan):
    client.force_login(fan)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert not signed_in_user(client).is_authenticated


def test_every_page_offers_signed_in_fans_a_sign_out_form(client, fan):
    client.force_login(fan)
    assert 'action="/accounts/logout/"' in text(client.get("/"))


def test_a_fan_changes_their_password(client):
    user = UserFactory(username="hugfan")
    client.force_login(user)
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert signed_in_user(client) == user  # ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE is off


def test_changing_the_password_needs_the_current_one(client):
    user = UserFactory(username="hugfan")
    client.force_login(user)
    response = client.post(
        "/accounts/password/change/", {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_the_password_change_page_needs_a_signed_in_fan(client):
    response = client.get("/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_fan_who_forgot_their_password_gets_a_reset_mail(client, mailoutbox):
    UserFactory(username="hugfan")
    response = client.post("/accounts/password/reset/", {"email": "hugfan@example.com"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["hugfan@example.com"]
    assert "/accounts/password/reset/key/" in mail.body


def test_the_reset_link_lets_the_fan_set_a_new_password(client, mailoutbox):
    user = UserFactory(username="hugfan")
    client.post("/accounts/password/reset/", {"email": "hugfan@example.com"})
    link = next(word for word in mailoutbox[0].body.split() if "/accounts/password/reset/key/" in word)
    path = link[link.index("/accounts/") :]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else path,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
