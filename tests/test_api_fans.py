"""The API of a fan's own things: notifications, their settings, and follows."""

import pytest

from community.duels.services import cast_duel_vote, pair_token
from community.follows import is_following
from notifications.models import Notification
from tests.api_support import api_client, ban, error_of, new_fan, token_client
from tests.community_factories import comment_on
from tests.factories import ActorFactory, DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fan(db):
    return new_fan("hugfan")


@pytest.fixture
def fan_api(fan):
    return token_client(fan)


def test_a_fan_reads_their_notifications(fan_api, fan, scene):
    parent = comment_on(scene, author=fan)
    comment_on(scene, author=new_fan("replier"), body="So true.", parent=parent)

    body = fan_api.get("/api/me/notifications/").json()

    assert body["count"] == 1
    [notification] = body["results"]
    assert notification["kind"] == "reply"
    assert notification["text"].startswith("replier replied to your comment")
    assert notification["read_at"] is None
    assert notification["web_url"].endswith(f"#comment-{notification['comment']}")


def test_marking_read_empties_the_unread_count(fan_api, fan, scene):
    parent = comment_on(scene, author=fan)
    comment_on(scene, parent=parent)

    body = fan_api.post("/api/me/notifications/read/").json()

    assert body == {"marked_read": 1, "unread": 0}
    assert not Notification.objects.filter(recipient=fan, read_at__isnull=True).exists()


def test_notifications_need_a_signed_in_fan():
    response = api_client().get("/api/me/notifications/")

    assert response.status_code == 401


def test_settings_change_only_the_kinds_sent(fan_api):
    body = fan_api.put("/api/me/notifications/settings/", {"reply": "email"}, format="json").json()

    assert body == {"reply": "email", "published": "site", "rejected": "site", "followed_drama": "site"}


def test_an_unknown_delivery_is_a_400_naming_the_kind(fan_api):
    response = fan_api.put("/api/me/notifications/settings/", {"published": "fax"}, format="json")

    assert response.status_code == 400
    assert list(error_of(response)["errors"]) == ["published"]


def test_a_fan_follows_and_lists_what_they_follow(fan_api, fan):
    drama, actor = DramaFactory(slug="the-heirs"), ActorFactory(slug="lee-min-ho")

    fan_api.post("/api/me/follows/", {"kind": "drama", "name": "the-heirs"}, format="json")
    fan_api.post("/api/me/follows/", {"kind": "actor", "name": "lee-min-ho"}, format="json")
    body = fan_api.get("/api/me/follows/").json()

    assert [(row["kind"], row["name"]) for row in body] == [("drama", "the-heirs"), ("actor", "lee-min-ho")]
    assert is_following(fan, drama) and is_following(fan, actor)


def test_stopping_a_follow(fan_api, fan):
    other = new_fan("other")
    fan_api.post("/api/me/follows/", {"kind": "fan", "name": "other"}, format="json")

    body = fan_api.post("/api/me/follows/", {"kind": "fan", "name": "other", "follow": False}, format="json").json()

    assert body["following"] is False
    assert not is_following(fan, other)


def test_following_an_unknown_drama_is_a_400(fan_api):
    response = fan_api.post("/api/me/follows/", {"kind": "drama", "name": "nope"}, format="json")

    assert response.status_code == 400
    assert error_of(response)["errors"] == {"name": ["There is no drama called “nope”."]}


def test_a_banned_fan_cannot_follow(fan_api, fan):
    ban(fan)

    response = fan_api.post("/api/me/follows/", {"kind": "drama", "name": DramaFactory().slug}, format="json")

    assert response.status_code == 403


# Duels


def test_a_fan_is_dealt_a_pair_and_picks_through_the_api(fan_api):
    scenes = [SceneFactory(), SceneFactory()]

    pair = fan_api.get("/api/duels/").json()
    winner = pair["scenes"][0]["id"]
    result = fan_api.post("/api/duels/", {"token": pair["token"], "winner": winner}, format="json").json()

    assert {scene["id"] for scene in pair["scenes"]} == {scene.pk for scene in scenes}
    assert result["counted"] is True
    assert result["winner"]["rating"] > 1500 > result["loser"]["rating"]
    detail = api_client().get(f"/api/scenes/{winner}/").json()
    assert detail["duel"]["duels"] == 1 and detail["duel"]["low"] < detail["duel"]["rating"] < detail["duel"]["high"]


def test_a_second_pick_of_the_same_pair_is_a_400(fan_api):
    SceneFactory(), SceneFactory()
    pair = fan_api.get("/api/duels/").json()
    body = {"token": pair["token"], "winner": pair["scenes"][0]["id"]}
    fan_api.post("/api/duels/", body, format="json")

    response = fan_api.post("/api/duels/", body, format="json")

    assert response.status_code == 400
    assert "already picked" in error_of(response)["detail"]


def test_a_reader_is_dealt_a_pair_without_a_token():
    SceneFactory(), SceneFactory()

    pair = api_client().get("/api/duels/").json()

    assert pair["token"] is None and len(pair["scenes"]) == 2


def test_picking_needs_a_signed_in_fan():
    response = api_client().post("/api/duels/", {"token": "x", "winner": 1}, format="json")

    assert response.status_code == 401


def test_the_ranking_is_in_the_api_and_sorts(fan):
    scenes = [SceneFactory() for _ in range(3)]
    for winner, loser in [(0, 1), (0, 2), (2, 1)]:
        judge = new_fan(f"judge{winner}{loser}")
        token = pair_token(fan=judge, first=scenes[winner].pk, second=scenes[loser].pk)
        cast_duel_vote(fan=judge, token=token, winner_id=scenes[winner].pk)

    ranked = api_client().get("/api/duels/ranking/").json()
    bad = api_client().get("/api/duels/ranking/?sort=vibes")

    assert ranked["count"] == 3
    assert ranked["results"][0]["scene"]["id"] == scenes[0].pk
    assert bad.status_code == 400 and list(error_of(bad)["errors"]) == ["sort"]


# The feed


def test_the_feed_is_in_the_api_newest_first_with_links_to_older(fan_api, fan):
    from community.follows import set_following

    drama = DramaFactory()
    set_following(fan=fan, target=drama, following=True)
    scenes = [SceneFactory(drama=drama) for _ in range(21)]

    first = fan_api.get("/api/me/feed/").json()
    second = fan_api.get(first["next"]).json()

    assert len(first["results"]) == 20 and first["previous"] is None
    assert first["results"][0]["kind"] == "scene" and first["results"][0]["scene"] == scenes[-1].pk
    assert len(second["results"]) == 1 and second["next"] is None


def test_a_bad_feed_page_is_a_400_naming_it(fan_api):
    response = fan_api.get("/api/me/feed/?page=first")

    assert response.status_code == 400
    assert list(error_of(response)["errors"]) == ["page"]


def test_the_private_feed_address_is_renewed_and_revoked_through_the_api(fan_api):
    renewed = fan_api.post("/api/me/feed/address/", {"action": "renew"}, format="json").json()
    revoked = fan_api.post("/api/me/feed/address/", {"action": "revoke"}, format="json").json()

    assert "/feeds/me/" in renewed["atom_url"]
    assert revoked == {"atom_url": None}
    assert api_client().get(renewed["atom_url"]).status_code == 404
