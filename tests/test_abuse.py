"""
Abuse limits and bans: too many actions too fast get a 429 that says when to try again; banned fans read
but cannot act, and are told why.

Limits use hour-long windows: the counters are fixed windows, and a test that straddled the edge of a
one-minute window would see its count reset half way.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from community.models import Comment, CommentReport, Favourite, TropeVote, Vote
from tests.community_factories import (
    BannedFanProfileFactory,
    FanFactory,
    comment_on,
    comments_url,
    favourite_url,
    report_url,
    trope_vote_url,
    vote_url,
)
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db

GENEROUS = (1000, 3600)
PASSWORD = "correct horse battery staple"


def text(response):
    return response.content.decode()


def limit(settings, action, *, user=GENEROUS, address=GENEROUS):
    settings.RATE_LIMITS = {action: {"user": user, "address": address}}


def assert_slowed_down(response):
    assert response.status_code == 429
    assert "That was a lot, very fast" in text(response)
    assert "Try again in" in text(response)
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= 3600


# Rate limits per fan


def test_the_third_vote_over_a_limit_of_two_gets_a_429(client, settings, fan):
    limit(settings, "vote", user=(2, 3600))
    scenes = SceneFactory.create_batch(3)
    client.force_login(fan)
    for scene in scenes[:2]:
        assert client.post(vote_url(scene), {"verdict": "awesome"}).status_code == 302
    response = client.post(vote_url(scenes[2]), {"verdict": "awesome"})
    assert_slowed_down(response)
    assert Vote.objects.count() == 2


def test_the_vote_limit_tells_the_fan_when_to_try_again_in_the_retry_after_header(client, settings, fan, scene):
    limit(settings, "vote", user=(1, 3600))
    client.force_login(fan)
    client.post(vote_url(scene), {"verdict": "awesome"})
    response = client.post(vote_url(scene), {"verdict": "awkward"})
    assert response.status_code == 429
    assert response["Retry-After"].isdigit()
    assert f"Try again in {response['Retry-After']} second" in text(response)


def test_one_fans_limit_does_not_slow_down_another_fan(client, settings, scene):
    limit(settings, "vote", user=(1, 3600))
    client.force_login(FanFactory())
    client.post(vote_url(scene), {"verdict": "awesome"})
    client.force_login(FanFactory())
    assert client.post(vote_url(scene), {"verdict": "awesome"}).status_code == 302


def test_the_third_comment_over_a_limit_of_two_gets_a_429(client, settings, fan, scene):
    limit(settings, "comment", user=(2, 3600))
    client.force_login(fan)
    for number in range(2):
        assert client.post(comments_url(scene), {"body": f"Comment {number}"}).status_code == 302
    response = client.post(comments_url(scene), {"body": "One too many"})
    assert_slowed_down(response)
    assert Comment.objects.count() == 2


def test_the_third_report_over_a_limit_of_two_gets_a_429(client, settings, fan, scene):
    limit(settings, "report", user=(2, 3600))
    comments = [comment_on(scene) for _ in range(3)]
    client.force_login(fan)
    for comment in comments[:2]:
        assert client.post(report_url(comment), {"reason": "Rude."}).status_code in (200, 302)
    response = client.post(report_url(comments[2]), {"reason": "Rude."})
    assert_slowed_down(response)
    assert CommentReport.objects.count() == 2


def test_the_third_favourite_over_a_limit_of_two_gets_a_429(client, settings, fan):
    limit(settings, "favourite", user=(2, 3600))
    scenes = SceneFactory.create_batch(3)
    client.force_login(fan)
    for scene in scenes[:2]:
        client.post(favourite_url(scene), {"favourite": "1"})
    assert_slowed_down(client.post(favourite_url(scenes[2]), {"favourite": "1"}))
    assert Favourite.objects.count() == 2


def test_the_third_trope_vote_over_a_limit_of_two_gets_a_429(client, settings, fan):
    limit(settings, "trope_vote", user=(2, 3600))
    scenes = SceneFactory.create_batch(3, tropes=["comfort"])
    client.force_login(fan)
    for scene in scenes[:2]:
        client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "agree"})
    assert_slowed_down(client.post(trope_vote_url(scenes[2]), {"trope": "comfort", "vote": "agree"}))
    assert TropeVote.objects.count() == 2


def test_reading_pages_is_never_limited(client, settings, fan, scene):
    limit(settings, "vote", user=(1, 3600))
    client.force_login(fan)
    client.post(vote_url(scene), {"verdict": "awesome"})
    client.post(vote_url(scene), {"verdict": "awkward"})
    assert client.get(scene.get_absolute_url()).status_code == 200


# Rate limits per address


def test_the_address_limit_applies_across_fans_from_the_same_address(client, settings, scene):
    limit(settings, "vote", address=(2, 3600))
    for _ in range(2):
        client.force_login(FanFactory())
        assert client.post(vote_url(scene), {"verdict": "awesome"}, REMOTE_ADDR="203.0.113.7").status_code == 302
    client.force_login(FanFactory())
    assert_slowed_down(client.post(vote_url(scene), {"verdict": "awesome"}, REMOTE_ADDR="203.0.113.7"))
    scene.refresh_from_db()
    assert scene.awesome_count == 2


def test_the_address_limit_leaves_other_addresses_alone(client, settings, scene):
    limit(settings, "vote", address=(1, 3600))
    client.force_login(FanFactory())
    client.post(vote_url(scene), {"verdict": "awesome"}, REMOTE_ADDR="203.0.113.7")
    client.force_login(FanFactory())
    assert client.post(vote_url(scene), {"verdict": "awesome"}, REMOTE_ADDR="198.51.100.9").status_code == 302


def test_the_comment_address_limit_applies_across_fans(client, settings, scene):
    limit(settings, "comment", address=(1, 3600))
    client.force_login(FanFactory())
    client.post(comments_url(scene), {"body": "First"}, REMOTE_ADDR="203.0.113.7")
    client.force_login(FanFactory())
    assert_slowed_down(client.post(comments_url(scene), {"body": "Second"}, REMOTE_ADDR="203.0.113.7"))


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_one_limited(client, settings, scene):
    settings.TRUSTED_PROXY_COUNT = 1
    limit(settings, "vote", address=(1, 3600))
    client.force_login(FanFactory())
    client.post(vote_url(scene), {"verdict": "awesome"}, HTTP_X_FORWARDED_FOR="203.0.113.7")
    client.force_login(FanFactory())
    # Another client behind the same load balancer is not slowed down by the first one.
    assert client.post(vote_url(scene), {"verdict": "awesome"}, HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 302
    client.force_login(FanFactory())
    assert_slowed_down(client.post(vote_url(scene), {"verdict": "awesome"}, HTTP_X_FORWARDED_FOR="203.0.113.7"))


# Sign-up limits (allauth's own)


def sign_up(client, number):
    return client.post(
        "/accounts/signup/",
        {
            "username": f"newfan{number}",
            "email": f"newfan{number}@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def test_the_third_signup_from_one_address_over_a_limit_of_two_gets_a_429(settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "2/h/ip"}
    for number in range(2):
        assert sign_up(Client(), number).status_code == 302
    response = sign_up(Client(), 2)
    assert response.status_code == 429
    assert "That was a lot, very fast" in text(response)
    assert not get_user_model().objects.filter(username="newfan2").exists()


def test_the_signup_limit_tells_the_fan_when_to_try_again(settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/h/ip"}
    sign_up(Client(), 0)
    response = sign_up(Client(), 1)
    assert response.status_code == 429
    assert "Retry-After" in response


# Bans


@pytest.fixture
def banned_fan(db):
    return BannedFanProfileFactory(ban_reason="Spamming the comments with links to a shop.").user


def test_a_banned_fan_can_still_read_the_scene_page(client, banned_fan, scene):
    client.force_login(banned_fan)
    assert client.get(scene.get_absolute_url()).status_code == 200


def test_a_banned_fan_cannot_vote_and_is_told_why(client, banned_fan, scene):
    client.force_login(banned_fan)
    response = client.post(vote_url(scene), {"verdict": "awesome"})
    assert response.status_code == 403
    assert "banned" in text(response)
    assert "Spamming the comments with links to a shop." in text(response)
    assert not Vote.objects.exists()


def test_a_banned_fan_cannot_comment_and_is_told_why(client, banned_fan, scene):
    client.force_login(banned_fan)
    response = client.post(comments_url(scene), {"body": "Buy cheap umbrellas"})
    assert response.status_code == 403
    assert "Spamming the comments with links to a shop." in text(response)
    assert not Comment.objects.exists()


def test_a_banned_fan_cannot_reply_to_a_comment(client, banned_fan, scene):
    parent = comment_on(scene)
    client.force_login(banned_fan)
    response = client.post(comments_url(scene), {"body": "Buy cheap umbrellas", "parent": parent.pk})
    assert response.status_code == 403
    assert Comment.objects.count() == 1


def test_a_banned_fan_cannot_report_and_is_told_why(client, banned_fan, scene):
    comment = comment_on(scene)
    client.force_login(banned_fan)
    response = client.post(report_url(comment), {"reason": "I report everything"})
    assert response.status_code == 403
    assert "Spamming the comments with links to a shop." in text(response)
    assert not CommentReport.objects.exists()


def test_a_banned_fan_cannot_edit_their_old_comments(client, scene):
    fan = FanFactory()
    comment = comment_on(scene, author=fan, body="Before the ban")
    BannedFanProfileFactory(user=fan)
    client.force_login(fan)
    response = client.post(f"/comments/{comment.pk}/edit/", {"body": "Buy cheap umbrellas"})
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Before the ban"


def test_a_banned_fan_cannot_favourite_or_vote_on_tropes(client, banned_fan):
    scene = SceneFactory(tropes=["comfort"])
    client.force_login(banned_fan)
    assert client.post(favourite_url(scene), {"favourite": "1"}).status_code == 403
    assert client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "disagree"}).status_code == 403
    assert not Favourite.objects.exists()
    assert not TropeVote.objects.exists()


def test_a_ban_without_a_reason_still_says_the_fan_is_banned(client, scene):
    fan = BannedFanProfileFactory(ban_reason="").user
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awesome"})
    assert response.status_code == 403
    assert "banned" in text(response)


def test_a_ban_reason_with_markup_shows_as_text(client, scene):
    fan = BannedFanProfileFactory(ban_reason="<b>spam</b>").user
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awesome"})
    assert "&lt;b&gt;spam&lt;/b&gt;" in text(response)


def test_a_banned_fans_attempts_do_not_use_up_a_limit_for_their_address(client, settings, scene):
    limit(settings, "vote", address=(1, 3600))
    client.force_login(BannedFanProfileFactory().user)
    for _ in range(3):
        client.post(vote_url(scene), {"verdict": "awesome"})
    client.force_login(FanFactory())
    assert client.post(vote_url(scene), {"verdict": "awesome"}).status_code == 302


def test_a_fan_who_is_not_banned_can_act(client, scene):
    fan = BannedFanProfileFactory(is_banned=False).user
    client.force_login(fan)
    assert client.post(vote_url(scene), {"verdict": "awesome"}).status_code == 302
