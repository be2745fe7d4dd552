"""Security as fans would feel it: forged requests refused, redirects kept on the site, text never run as code."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from community.models import Comment, CommentReport, Favourite, TropeVote, Vote
from community.services import COMMENT_MAX_LENGTH
from tests.community_factories import (
    FanFactory,
    FavouriteFactory,
    comment_on,
    comments_url,
    favourite_url,
    give_verdicts,
    profile_url,
    report_url,
    trope_vote_url,
    vote_url,
)
from tests.factories import DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def text(response):
    return response.content.decode()


def login_next(response):
    """The page the login form will send the fan back to, from a redirect to the login page."""
    location = urlparse(response["Location"])
    assert location.path == "/accounts/login/"
    return parse_qs(location.query)["next"][0]


# CSRF


@pytest.fixture
def strict_client(fan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(fan)
    return client


def state_changing_requests(scene, comment):
    return {
        "vote": (vote_url(scene), {"verdict": "awesome"}),
        "favourite": (favourite_url(scene), {"favourite": "1"}),
        "trope vote": (trope_vote_url(scene), {"trope": "comfort", "vote": "agree"}),
        "comment": (comments_url(scene), {"body": "Forged"}),
        "drama comment": (comments_url(scene.drama), {"body": "Forged"}),
        "report": (report_url(comment), {"reason": "Forged"}),
        "logout": ("/accounts/logout/", {}),
    }


@pytest.mark.parametrize("action", ["vote", "favourite", "trope vote", "comment", "drama comment", "report", "logout"])
def test_a_post_without_a_csrf_token_is_refused(strict_client, fan, action):
    scene = SceneFactory(tropes=["comfort"])
    comment = comment_on(scene, body="Someone else's comment")
    url, data = state_changing_requests(scene, comment)[action]
    response = strict_client.post(url, data)
    assert response.status_code == 403
    assert not Vote.objects.exists()
    assert not Favourite.objects.exists()
    assert not TropeVote.objects.exists()
    assert not CommentReport.objects.exists()
    assert Comment.objects.count() == 1
    assert strict_client.get("/").context["user"] == fan  # still signed in after a forged logout


def test_editing_or_deleting_a_comment_without_a_csrf_token_is_refused(strict_client, fan, scene):
    comment = comment_on(scene, author=fan, body="Original")
    assert strict_client.post(f"/comments/{comment.pk}/edit/", {"body": "Forged"}).status_code == 403
    assert strict_client.post(f"/comments/{comment.pk}/delete/").status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Original" and not comment.is_deleted


def test_a_vote_with_the_pages_csrf_token_is_accepted(strict_client, scene):
    strict_client.get(scene.get_absolute_url())
    token = strict_client.cookies["csrftoken"].value
    response = strict_client.post(vote_url(scene), {"verdict": "awesome", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Vote.objects.count() == 1


# Anonymous visitors are asked to sign in and come back


def test_an_anonymous_vote_from_the_scene_page_leads_to_login_and_back_to_the_scene(client, scene):
    response = client.post(vote_url(scene), {"verdict": "awesome", "next": scene.get_absolute_url()})
    assert response.status_code == 302
    assert login_next(response) == scene.get_absolute_url()
    assert not Vote.objects.exists()


def test_an_anonymous_vote_with_a_referer_leads_back_to_the_scene(client, scene):
    response = client.post(
        vote_url(scene), {"verdict": "awesome"}, HTTP_REFERER=f"http://testserver{scene.get_absolute_url()}"
    )
    assert urlparse(login_next(response)).path == scene.get_absolute_url()


def test_an_anonymous_vote_without_next_or_referer_still_leads_back_to_the_scene(client, scene):
    response = client.post(vote_url(scene), {"verdict": "awesome"})
    assert response.status_code == 302
    assert login_next(response) == scene.get_absolute_url()


def test_an_anonymous_comment_leads_to_login(client, scene):
    response = client.post(comments_url(scene), {"body": "Hi", "next": scene.get_absolute_url()})
    assert login_next(response) == scene.get_absolute_url()
    assert not Comment.objects.exists()


def test_the_scene_page_invites_anonymous_readers_to_sign_in_to_vote(client, scene):
    assert f'href="/accounts/login/?next=/scenes/{scene.pk}/"' in text(client.get(scene.get_absolute_url()))


def test_an_anonymous_htmx_vote_sends_the_whole_page_to_the_login_form(client, scene):
    """A plain redirect would be followed by htmx and the login page swapped into the verdict box."""
    response = client.post(
        vote_url(scene), {"verdict": "awesome", "next": scene.get_absolute_url()}, HTTP_HX_REQUEST="true"
    )
    location = response.get("HX-Redirect") or response.get("HX-Location")
    assert location, "htmx needs HX-Redirect (or HX-Location) to leave the page for the login form"
    assert location.startswith("/accounts/login/")
    assert parse_qs(urlparse(location).query)["next"] == [scene.get_absolute_url()]


# Redirects stay on the site


@pytest.mark.parametrize(
    "evil", ["https://evil.example/", "//evil.example/", "https:evil.example", "http://testserver.evil.example/"]
)
def test_a_vote_never_redirects_off_the_site(client, fan, scene, evil):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awesome", "next": evil})
    assert response.status_code == 302
    assert "evil" not in response["Location"]
    assert response["Location"] == f"{scene.get_absolute_url()}#verdict"


def test_an_off_site_referer_is_not_followed_either(client, fan, scene):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awesome"}, HTTP_REFERER="https://evil.example/phish")
    assert response["Location"] == f"{scene.get_absolute_url()}#verdict"


def test_a_favourite_never_redirects_off_the_site(client, fan, scene):
    client.force_login(fan)
    response = client.post(favourite_url(scene), {"favourite": "1", "next": "https://evil.example"})
    assert "evil" not in response["Location"]


def test_a_trope_vote_never_redirects_off_the_site(client, fan):
    scene = SceneFactory(tropes=["comfort"])
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "agree", "next": "https://evil.example"})
    assert "evil" not in response["Location"]


def test_an_anonymous_vote_never_sends_the_login_page_off_the_site(client, scene):
    response = client.post(vote_url(scene), {"verdict": "awesome", "next": "https://evil.example"})
    assert "evil" not in login_next(response)


def test_logging_in_never_redirects_off_the_site(client, fan):
    response = client.post(
        "/accounts/login/?next=https://evil.example/", {"login": "hugfan", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert "evil" not in response["Location"]


# Text fans type shows as text


def test_a_script_in_a_comment_shows_as_text_on_the_scene_page(client, fan, scene):
    comment_on(scene, author=fan, body=SCRIPT)
    page = text(client.get(scene.get_absolute_url()))
    assert ESCAPED_SCRIPT in page
    assert SCRIPT not in page


def test_a_script_in_a_comment_shows_as_text_on_the_profile(client, fan, scene):
    comment_on(scene, author=fan, body=SCRIPT)
    page = text(client.get(profile_url(fan)))
    assert ESCAPED_SCRIPT in page
    assert SCRIPT not in page


def test_a_script_in_a_comment_shows_as_text_on_the_drama_page(client, fan):
    drama = DramaFactory()
    comment_on(drama, author=fan, body=SCRIPT)
    page = text(client.get(drama.get_absolute_url()))
    assert ESCAPED_SCRIPT in page
    assert SCRIPT not in page


def test_a_script_in_a_comment_shows_as_text_on_the_report_edit_and_delete_pages(client, fan, scene):
    comment = comment_on(scene, author=fan, body=SCRIPT)
    client.force_login(fan)
    for url in (f"/comments/{comment.pk}/edit/", f"/comments/{comment.pk}/delete/"):
        page = text(client.get(url))
        assert SCRIPT not in page, url
    client.force_login(FanFactory())
    page = text(client.get(report_url(comment)))
    assert ESCAPED_SCRIPT in page
    assert SCRIPT not in page


@pytest.fixture
def script_kiddie(db):
    """A username no signup form accepts, as an import or a careless admin could store it."""
    return User.objects.create(username="<script>x</script>", email="kiddie@example.com")


def test_a_script_in_a_username_shows_as_text_on_the_scene_page(client, script_kiddie, scene):
    comment_on(scene, author=script_kiddie, body="Hello")
    response = client.get(scene.get_absolute_url())
    assert response.status_code == 200
    assert "&lt;script&gt;x&lt;/script&gt;" in text(response)
    assert "<script>x</script>" not in text(response)


def test_a_script_in_a_username_shows_as_text_on_their_profile(client, script_kiddie):
    response = client.get(profile_url(script_kiddie))
    assert response.status_code == 200
    assert "&lt;script&gt;x&lt;/script&gt;" in text(response)
    assert "<script>x</script>" not in text(response)


def test_a_fan_with_a_script_in_their_username_can_browse_signed_in(client, script_kiddie, scene):
    client.force_login(script_kiddie)
    response = client.get(scene.get_absolute_url())
    assert response.status_code == 200
    assert "<script>x</script>" not in text(response)


def test_a_script_in_a_report_reason_shows_as_text_when_the_form_comes_back(client, fan, scene):
    comment = comment_on(scene)
    client.force_login(fan)
    client.post(report_url(comment), {"reason": "first"})
    response = client.post(report_url(comment), {"reason": SCRIPT})
    assert response.status_code == 400
    assert ESCAPED_SCRIPT in text(response)
    assert SCRIPT not in text(response)


def test_a_script_in_a_too_long_comment_shows_as_text_when_the_form_comes_back(client, fan, scene):
    client.force_login(fan)
    body = SCRIPT + "x" * COMMENT_MAX_LENGTH
    response = client.post(comments_url(scene), {"body": body})
    assert response.status_code == 400
    assert ESCAPED_SCRIPT in text(response)
    assert SCRIPT not in text(response)


# E-mail addresses stay private


def busy_scene():
    scene = SceneFactory()
    give_verdicts(scene, awesome=2, awkward=1)
    for _ in range(3):
        parent = comment_on(scene)
        comment_on(scene, parent=parent)
        FavouriteFactory(scene=scene)
    return scene


@pytest.mark.parametrize("signed_in", [False, True])
def test_no_public_page_reveals_a_fans_email_address(client, signed_in):
    scene = busy_scene()
    commenter = scene.comments.first().author
    drama_page_fan = FanFactory()
    comment_on(scene.drama, author=drama_page_fan)
    if signed_in:
        client.force_login(FanFactory(username="reader"))
    pages = [
        "/",
        "/scenes/",
        scene.get_absolute_url(),
        scene.drama.get_absolute_url(),
        profile_url(commenter),
        profile_url(drama_page_fan),
        "/help-classify/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "@example.com" not in text(response), url
