"""Moderating the community in admin: the reports queue, hiding, unhiding, dismissing, deleting and banning."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community.models import Comment, CommentReport, FanProfile, Favourite, ReportedComment, TropeVote, Vote
from tests.community_factories import (
    CommentFactory,
    CommentReportFactory,
    DramaCommentFactory,
    FanFactory,
    FavouriteFactory,
    TropeVoteFactory,
    VoteFactory,
    comment_on,
    vote_url,
)
from tests.factories import SceneFactory
from tests.test_moderators import admin_url, sign_in_as_moderator

PLACEHOLDER = "Comment hidden by a moderator."
QUEUE = reverse("admin:community_reportedcomment_changelist")
COMMENTS = admin_url(Comment, "changelist")


@pytest.fixture
def moderator_client(client, db):
    sign_in_as_moderator(client)
    return client


def act(client, url, action, objects, **extra):
    """Run an admin action on ``objects``, following the redirect back to the list to read its messages."""
    return client.post(url, {"action": action, "_selected_action": [obj.pk for obj in objects], **extra}, follow=True)


def hide(client, comments, reason="Insults another fan", url=COMMENTS):
    return act(client, url, "hide", comments, reason=reason, apply="yes")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def shown(response) -> set[int]:
    return {obj.pk for obj in response.context["cl"].result_list}


# The queue of reported comments


def test_the_queue_shows_only_comments_with_open_reports_with_their_reasons(moderator_client):
    reported = CommentReportFactory(reason="Spoils the finale", comment__body="He dies in episode 16").comment
    CommentReportFactory(comment=reported, reason="Rude to the actor")
    handled = CommentReportFactory(resolved_at=timezone.now(), comment__body="Old quarrel").comment
    quiet = CommentFactory(body="What a lovely umbrella")

    response = moderator_client.get(QUEUE)

    assert shown(response) == {reported.pk}
    page = response.content.decode()
    assert "Spoils the finale" in page
    assert "Rude to the actor" in page
    assert handled.body not in page
    assert quiet.body not in page


def test_the_most_recently_reported_comment_comes_first_in_the_queue(moderator_client):
    older, newer = CommentReportFactory(), CommentReportFactory()
    CommentReport.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=1))

    response = moderator_client.get(QUEUE)

    assert [obj.pk for obj in response.context["cl"].result_list] == [newer.comment_id, older.comment_id]


def test_a_reported_comments_page_lists_its_reports(moderator_client):
    report = CommentReportFactory(reason="Spam link")

    response = moderator_client.get(reverse("admin:community_reportedcomment_change", args=[report.comment_id]))

    assert response.status_code == 200
    assert "Spam link" in response.content.decode()
    assert report.reporter.username in response.content.decode()


def test_the_comment_list_filters_comments_with_open_reports(moderator_client):
    reported = CommentReportFactory().comment
    CommentFactory()

    response = moderator_client.get(COMMENTS, {"reported": "yes"})

    assert shown(response) == {reported.pk}


# Hiding keeps the text for moderators


def test_hiding_asks_for_a_reason_first(moderator_client):
    comment = CommentFactory()

    response = act(moderator_client, COMMENTS, "hide", [comment])

    assert response.status_code == 200
    assert "Hide these comments?" in response.content.decode()
    assert comment.body in response.content.decode()
    assert not Comment.objects.get(pk=comment.pk).is_hidden


def test_hiding_without_a_reason_asks_again(moderator_client):
    comment = CommentFactory()

    response = hide(moderator_client, [comment], reason="")

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Comment.objects.get(pk=comment.pk).is_hidden


def test_a_hidden_comment_keeps_its_text_for_moderators(moderator_client, scene):
    comment = comment_on(scene, body="You all have terrible taste")
    CommentReportFactory(comment=comment)

    response = hide(moderator_client, [comment], reason="Insults other fans")

    assert response.redirect_chain
    assert messages_of(response) == ["1 comment hidden."]
    comment.refresh_from_db()
    assert comment.is_hidden
    assert comment.body == "You all have terrible taste"
    assert comment.hidden_reason == "Insults other fans"
    assert not comment.reports.filter(resolved_at=None).exists()
    change_page = moderator_client.get(admin_url(Comment, "change", comment.pk)).content.decode()
    assert "You all have terrible taste" in change_page
    assert "Insults other fans" in change_page


def test_readers_see_a_placeholder_instead_of_a_hidden_comment(moderator_client, client, scene):
    comment = comment_on(scene, body="You all have terrible taste")
    hide(moderator_client, [comment])
    client.logout()

    page = client.get(scene.get_absolute_url()).content.decode()

    assert "You all have terrible taste" not in page
    assert PLACEHOLDER in page


def test_hiding_updates_the_scenes_comment_count(moderator_client, scene):
    comment = comment_on(scene)

    hide(moderator_client, [comment])

    scene.refresh_from_db()
    assert scene.comment_count == 0


def test_unhiding_brings_the_comment_back(moderator_client, client, scene):
    comment = comment_on(scene, body="Second lead syndrome is real")
    hide(moderator_client, [comment])

    response = act(moderator_client, COMMENTS, "unhide", [comment])

    assert messages_of(response) == ["1 comment shown again."]
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert comment.hidden_reason == ""
    client.logout()
    page = client.get(scene.get_absolute_url()).content.decode()
    assert "Second lead syndrome is real" in page
    assert PLACEHOLDER not in page


def test_hiding_every_comment_the_list_shows_across_its_pages(moderator_client):
    comments = CommentFactory.create_batch(3)

    act(moderator_client, COMMENTS, "hide", comments[:1], select_across="1", reason="Raid", apply="yes")

    assert Comment.objects.filter(is_hidden=True).count() == 3


def test_hiding_a_hidden_comment_again_says_nothing_changed(moderator_client):
    comment = CommentFactory(is_hidden=True)

    response = hide(moderator_client, [comment])

    assert messages_of(response) == ["0 comments hidden. 1 selected comment was already hidden."]


def test_hiding_from_the_comments_page_goes_through_the_same_rules(moderator_client, scene):
    comment = comment_on(scene)
    CommentReportFactory(comment=comment)

    response = moderator_client.post(
        admin_url(Comment, "change", comment.pk), {**no_report_rows(), "is_hidden": "on", "hidden_reason": "Spam"}
    )

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_hidden
    assert comment.hidden_reason == "Spam"
    assert comment.hidden_by.username == "modestine"
    assert not comment.reports.filter(resolved_at=None).exists()
    scene.refresh_from_db()
    assert scene.comment_count == 0


def no_report_rows() -> dict:
    """The management form of the read-only reports inline a comment's page posts."""
    return {
        "reports-TOTAL_FORMS": 0,
        "reports-INITIAL_FORMS": 0,
        "reports-MIN_NUM_FORMS": 0,
        "reports-MAX_NUM_FORMS": 1000,
    }


def test_a_moderator_cannot_rewrite_a_fans_comment(moderator_client):
    comment = CommentFactory(body="My own words")

    moderator_client.post(admin_url(Comment, "change", comment.pk), {**no_report_rows(), "body": "Other words"})

    assert Comment.objects.get(pk=comment.pk).body == "My own words"


# Dismissing and deleting


def test_dismissing_resolves_the_reports_and_keeps_the_comment(moderator_client):
    report = CommentReportFactory()
    CommentReportFactory(comment=report.comment)

    response = act(moderator_client, QUEUE, "dismiss_reports", [report.comment])

    assert messages_of(response) == ["2 reports dismissed."]
    assert not CommentReport.objects.filter(resolved_at=None).exists()
    assert CommentReport.objects.filter(resolved_by__username="modestine").count() == 2
    assert not Comment.objects.get(pk=report.comment_id).is_hidden
    assert shown(moderator_client.get(QUEUE)) == set()


def test_dismissing_from_the_reports_list(moderator_client):
    report = CommentReportFactory()

    act(moderator_client, admin_url(CommentReport, "changelist"), "dismiss", [report])

    assert CommentReport.objects.get(pk=report.pk).resolved_at is not None


def test_deleting_a_comment_in_admin_removes_it_and_recounts_the_scene(moderator_client, scene):
    comment = comment_on(scene)
    CommentReportFactory(comment=comment)
    kept = comment_on(scene)

    response = act(moderator_client, COMMENTS, "delete_selected", [comment], post="yes")

    assert messages_of(response) == ["Successfully deleted 1 comment."]
    assert list(Comment.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not CommentReport.objects.exists()
    scene.refresh_from_db()
    assert scene.comment_count == 1


def test_deleting_one_comment_from_its_page(moderator_client, scene):
    comment = comment_on(scene)

    response = moderator_client.post(admin_url(Comment, "delete", comment.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Comment.objects.exists()
    scene.refresh_from_db()
    assert scene.comment_count == 0


# Changelists stay at a fixed number of queries


def some_of_everything():
    """A reported comment on a scene and one on a drama, a vote, a trope vote, a favourite and a ban."""
    report = CommentReportFactory(comment__scene=SceneFactory())
    CommentReportFactory(comment=DramaCommentFactory())
    VoteFactory(scene=report.comment.scene)
    TropeVoteFactory(scene=report.comment.scene)
    FavouriteFactory(scene=report.comment.scene)
    FanProfile.objects.create(user=report.comment.author, is_banned=True, ban_reason="Spam")


@pytest.mark.parametrize(
    "model", [Comment, ReportedComment, CommentReport, FanProfile, Vote, TropeVote, Favourite], ids=str
)
def test_changelist_queries_do_not_grow_with_rows(moderator_client, django_assert_max_num_queries, model):
    some_of_everything()
    moderator_client.get(admin_url(model, "changelist"))  # warm the caches (content types, derived tropes)
    with CaptureQueriesContext(connection) as few_rows:
        moderator_client.get(admin_url(model, "changelist"))
    for _ in range(15):  # 32 comments and reports, 16 of the rest
        some_of_everything()

    with django_assert_max_num_queries(len(few_rows)):
        response = moderator_client.get(admin_url(model, "changelist"))

    assert response.context["cl"].result_count >= 16


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
