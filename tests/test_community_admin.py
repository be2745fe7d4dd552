"""Moderating the community in admin: the reports queue, hiding, unhiding, dismissing, deleting and banning."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community.models import Comment, CommentReport, FanProfile, Favourite, ReportedComment, TropeVote, Vote
from tests.admin_support import act, messages_of, shown, some_of_everything
from tests.community_factories import (
    CommentFactory,
    CommentReportFactory,
    comment_on,
)
from tests.test_moderators import admin_url, sign_in_as_moderator

PLACEHOLDER = "Comment hidden by a moderator."
QUEUE = reverse("admin:community_reportedcomment_changelist")
COMMENTS = admin_url(Comment, "changelist")


@pytest.fixture
def moderator_client(client, db):
    sign_in_as_moderator(client)
    return client


def hide(client, comments, reason="Insults another fan", url=COMMENTS):
    return act(client, url, "hide", comments, reason=reason, apply="yes")


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


@pytest.mark.parametrize("model", [Comment, ReportedComment, FanProfile, Vote, TropeVote, Favourite], ids=str)
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
