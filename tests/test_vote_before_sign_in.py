"""An anonymous reader who clicks a verdict: asked to sign in or sign up and told why, their vote counted once they
have, and back on the scene showing it. Nothing is recorded by a GET: the verdict waits in their session."""

import pytest
from django.core import signing
from django.urls import reverse

from community import pending_votes
from community.models import FanProfile, Vote
from community.pending_votes import SESSION_KEY
from tests.factories import SceneFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long and rainy bus stop"


def sign_in_to_vote(client, scene, verdict="awesome"):
    return client.get(reverse("community:vote-sign-in", args=[scene.pk]), {"verdict": verdict})


def sign_in(client, *, follow=True, next_url=None):
    url = "/accounts/login/" + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": "hugfan", "password": PASSWORD}, follow=follow)


@pytest.fixture
def fan(db):
    return UserFactory(username="hugfan", password=PASSWORD)


def test_an_anonymous_readers_vote_buttons_lead_to_signing_in_with_their_verdict(client, scene):
    html = client.get(scene.get_absolute_url()).content.decode()
    sign_in_url = reverse("community:vote-sign-in", args=[scene.pk])
    assert f'method="get" action="{sign_in_url}"' in html
    assert 'name="verdict" value="awesome"' in html and 'name="verdict" value="awkward"' in html


def test_clicking_awesome_asks_to_sign_in_and_says_why(client):
    scene = SceneFactory(drama__title="Secret Garden", episode=4)
    response = sign_in_to_vote(client, scene)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    page = client.get(response["Location"]).content.decode()
    expected = "Sign in or sign up to vote: your <strong>awesome</strong> for the back hug in Secret Garden (Episode 4"
    assert expected in page
    assert Vote.objects.count() == 0  # a GET records nothing


def test_the_notice_does_not_say_who_hugs_whom(client):
    # The scene may be a spoiler for this reader: the drama and the moment say which one it is.
    scene = SceneFactory(hugger__name="Kim Joo-won", hugged__name="Gil Ra-im")
    page = client.get(sign_in_to_vote(client, scene)["Location"]).content.decode()
    notice = page.split('class="alert alert--vote"', 1)[1].split("</div>", 1)[0]
    assert "Kim Joo-won" not in notice and "Gil Ra-im" not in notice


def test_the_sign_up_page_says_why_too(client, scene):
    sign_in_to_vote(client, scene, "awkward")
    page = client.get(reverse("account_signup")).content.decode()
    assert "your <strong>awkward</strong> for" in page


def test_after_signing_in_the_vote_is_counted_and_the_fan_is_back_on_the_scene(client, fan, scene):
    location = sign_in_to_vote(client, scene)["Location"]
    response = client.post(location, {"login": "hugfan", "password": PASSWORD}, follow=True)

    assert response.redirect_chain[-1][0] == f"{scene.get_absolute_url()}#verdict"
    assert Vote.objects.get(scene=scene, fan=fan).verdict == "awesome"
    scene.refresh_from_db()
    assert scene.awesome_count == 1
    html = response.content.decode()
    assert "You said <strong>awesome</strong>." in html
    assert "Your vote is in: awesome." in html
    assert 'value="awesome" class="vote-button vote-button--awesome" aria-pressed="true"' in html


def test_after_signing_up_the_vote_is_counted(client, scene):
    location = sign_in_to_vote(client, scene, "awkward")["Location"]
    signup = reverse("account_signup") + "?" + location.split("?", 1)[1]
    response = client.post(
        signup,
        {"username": "newfan", "email": "newfan@example.com", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == f"{scene.get_absolute_url()}#verdict"
    assert Vote.objects.get(scene=scene, fan__username="newfan").verdict == "awkward"


def test_the_waiting_vote_is_counted_once(client, fan, scene):
    sign_in_to_vote(client, scene)
    sign_in(client)
    client.logout()
    sign_in(client)

    scene.refresh_from_db()
    assert scene.awesome_count == 1 and Vote.objects.count() == 1


def test_a_vote_left_waiting_too_long_is_not_counted(client, fan, scene, monkeypatch):
    sign_in_to_vote(client, scene)
    monkeypatch.setattr(pending_votes, "MAX_AGE", -1)  # as if MAX_AGE had passed since the click
    sign_in(client)
    assert Vote.objects.count() == 0


def test_a_forged_waiting_vote_is_not_counted(client, fan, scene):
    sign_in_to_vote(client, scene)
    session = client.session
    payload = signing.loads(session[SESSION_KEY], salt=pending_votes.SALT)
    session[SESSION_KEY] = signing.dumps({**payload, "verdict": "awkward"}, salt="another salt")
    session.save()
    sign_in(client)
    assert Vote.objects.count() == 0


def test_a_banned_fan_is_told_their_waiting_vote_was_not_counted(client, fan, scene):
    FanProfile.objects.update_or_create(user=fan, defaults={"is_banned": True})
    sign_in_to_vote(client, scene)
    response = sign_in(client, next_url=scene.get_absolute_url())
    assert response.status_code == 200
    assert "Your vote was not recorded" in response.content.decode()
    assert Vote.objects.count() == 0


def test_a_signed_in_fan_who_opens_the_sign_in_link_is_sent_to_the_buttons_and_nothing_is_recorded(client, fan, scene):
    client.force_login(fan)
    response = sign_in_to_vote(client, scene)
    assert response.status_code == 302 and response["Location"] == f"{scene.get_absolute_url()}#verdict"
    assert Vote.objects.count() == 0


def test_an_unknown_verdict_is_refused_with_a_message(client, scene):
    response = sign_in_to_vote(client, scene, "meh")
    assert response.status_code == 400
    assert SESSION_KEY not in client.session


def test_a_waiting_vote_on_an_unpublished_scene_is_refused(client, fan):
    pending = SceneFactory(status="pending")
    assert sign_in_to_vote(client, pending).status_code == 404
