"""Banning fans in admin, and the votes and favourites moderators may read but never change."""

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import FanProfile, Favourite, TropeVote, Vote
from tests.admin_support import act, messages_of, shown, some_of_everything
from tests.community_factories import (
    CommentReportFactory,
    FanFactory,
    VoteFactory,
    vote_url,
)
from tests.test_moderators import admin_url, sign_in_as_moderator

QUEUE = reverse("admin:community_reportedcomment_changelist")


@pytest.fixture
def moderator_client(client, db):
    sign_in_as_moderator(client)
    return client


# Banning


def ban_form(**changes) -> dict:
    return {"is_banned": "on", "ban_reason": "Posting shop links under every scene.", **changes}


def test_banning_a_fan_in_admin_dates_the_ban_and_stops_their_votes(moderator_client, client, scene):
    fan = FanFactory(username="shopkeeper", email="shopkeeper@example.com")

    response = moderator_client.post(admin_url(FanProfile, "add"), ban_form(username="shopkeeper"))

    assert response.status_code == 302
    profile = FanProfile.objects.get(user=fan)
    assert profile.banned_at is not None
    client.force_login(fan)
    refused = client.post(vote_url(scene), {"verdict": "awesome"})
    assert refused.status_code == 403
    assert "Posting shop links under every scene." in refused.content.decode()
    assert not Vote.objects.exists()


def test_ticking_the_ban_on_an_existing_profile_dates_it_and_unticking_clears_it(moderator_client):
    profile = FanProfile.objects.create(user=FanFactory())
    change_url = admin_url(FanProfile, "change", profile.pk)

    moderator_client.post(change_url, ban_form())

    profile.refresh_from_db()
    assert profile.is_banned
    assert profile.banned_at is not None
    moderator_client.post(change_url, {"ban_reason": profile.ban_reason})
    profile.refresh_from_db()
    assert not profile.is_banned
    assert profile.banned_at is None


def test_a_ban_needs_a_reason_the_fan_will_read(moderator_client):
    fan = FanFactory(username="shopkeeper")

    response = moderator_client.post(admin_url(FanProfile, "add"), ban_form(username="shopkeeper", ban_reason=""))

    assert response.status_code == 200
    assert "Tell the fan why" in response.content.decode()
    assert not FanProfile.objects.filter(user=fan).exists()


def test_banning_an_unknown_username_says_so(moderator_client):
    response = moderator_client.post(admin_url(FanProfile, "add"), ban_form(username="nobody"))

    assert response.status_code == 200
    assert "No fan has the username “nobody”." in response.content.decode()


def test_a_fan_with_a_profile_is_changed_not_added_twice(moderator_client):
    profile = FanProfile.objects.create(user=FanFactory(username="twice"))

    response = moderator_client.post(admin_url(FanProfile, "add"), ban_form(username="twice"))

    assert response.status_code == 200
    assert "already has a fan profile" in response.content.decode()
    assert FanProfile.objects.get().pk == profile.pk


def test_the_ban_action_asks_for_a_reason_and_bans(moderator_client):
    profiles = [FanProfile.objects.create(user=FanFactory()) for _ in range(2)]
    changelist = admin_url(FanProfile, "changelist")

    asked = act(moderator_client, changelist, "ban_selected", profiles)
    response = act(moderator_client, changelist, "ban_selected", profiles, reason="Vote ring", apply="yes")

    assert "Ban these fans?" in asked.content.decode()
    assert messages_of(response) == ["2 fans banned."]
    assert set(FanProfile.objects.values_list("is_banned", "ban_reason")) == {(True, "Vote ring")}


def test_lifting_a_ban_lets_the_fan_act_again(moderator_client):
    profile = FanProfile.objects.create(user=FanFactory(), is_banned=True, ban_reason="x", banned_at=timezone.now())

    response = act(moderator_client, admin_url(FanProfile, "changelist"), "lift_ban", [profile])

    assert messages_of(response) == ["1 fan may act again."]
    profile.refresh_from_db()
    assert (profile.is_banned, profile.banned_at) == (False, None)


def test_the_authors_of_reported_comments_can_be_banned_from_the_queue(moderator_client):
    report = CommentReportFactory()

    response = act(moderator_client, QUEUE, "ban_authors", [report.comment], reason="Spoilers, again", apply="yes")

    assert messages_of(response) == ["1 fan banned."]
    assert FanProfile.objects.get(user=report.comment.author).ban_reason == "Spoilers, again"


def test_fan_profile_pages_never_show_an_e_mail_address(moderator_client):
    fan = FanFactory(username="private", email="private.person@example.com")
    profile = FanProfile.objects.create(user=fan, is_banned=True, ban_reason="Spam", banned_at=timezone.now())

    pages_about_the_fan = [
        moderator_client.get(admin_url(FanProfile, "changelist")),
        moderator_client.get(admin_url(FanProfile, "changelist"), {"q": "private"}),
        moderator_client.get(admin_url(FanProfile, "change", profile.pk)),
        moderator_client.post(admin_url(FanProfile, "add"), ban_form(username="private")),
        act(moderator_client, admin_url(FanProfile, "changelist"), "ban_selected", [profile]),
    ]

    for response in [*pages_about_the_fan, moderator_client.get(admin_url(FanProfile, "add"))]:
        assert response.status_code == 200
        assert "example.com" not in response.content.decode()
    for response in pages_about_the_fan:
        assert "private" in response.content.decode()


# Votes and favourites: read only


@pytest.mark.parametrize("model", [Vote, TropeVote, Favourite], ids=str)
def test_votes_and_favourites_cannot_be_added_or_changed_even_by_a_superuser(admin_client, model):
    some_of_everything()
    row = model.objects.get()

    assert admin_client.get(admin_url(model, "add")).status_code == 403
    page = admin_client.get(admin_url(model, "change", row.pk))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()


def test_votes_can_be_found_by_username_and_by_scene_number(moderator_client):
    vote = VoteFactory(fan__username="suspicious")
    other = VoteFactory()
    changelist = admin_url(Vote, "changelist")

    assert shown(moderator_client.get(changelist, {"q": "suspicious"})) == {vote.pk}
    assert shown(moderator_client.get(changelist, {"q": str(other.scene_id)})) == {other.pk}
    assert moderator_client.get(changelist, {"q": "not-a-number"}).status_code == 200
