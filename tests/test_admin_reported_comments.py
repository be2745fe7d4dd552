"""Reported comments have one entry in the admin: the queue, each comment with its reports, hidden or dismissed."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import NoReverseMatch, reverse

from community.models import Comment, CommentReport
from tests.admin_support import messages_of, shown
from tests.community_factories import CommentReportFactory, comment_on
from tests.factories import UserFactory
from tests.test_community_admin import no_report_rows
from tests.test_moderators import sign_in_as_moderator

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:community_reportedcomment_changelist")


@pytest.fixture
def moderator_client(client, db):
    sign_in_as_moderator(client)
    return client


def page_of(comment) -> str:
    return reverse("admin:community_reportedcomment_change", args=[comment.pk])


def test_reports_have_no_entry_of_their_own(moderator_client):
    index = moderator_client.get(reverse("admin:index")).content.decode()

    assert index.count(f'href="{QUEUE}"') >= 1
    assert "/admin/community/commentreport/" not in index
    with pytest.raises(NoReverseMatch):
        reverse("admin:community_commentreport_changelist")


def test_the_queue_finds_a_comment_by_the_words_of_a_report(moderator_client):
    wanted = CommentReportFactory(reason="Links to a betting site").comment
    CommentReportFactory(reason="Spoils the finale")

    assert shown(moderator_client.get(QUEUE, {"q": "betting"})) == {wanted.pk}


def test_a_reported_comments_page_shows_the_comment_its_reports_and_the_dismiss_button(moderator_client):
    report = CommentReportFactory(reason="Spam link", comment__body="Visit my shop for umbrellas")

    text = moderator_client.get(page_of(report.comment)).content.decode()

    assert "Visit my shop for umbrellas" in text and "Spam link" in text and report.reporter.username in text
    assert 'name="_dismiss_reports"' in text


def test_dismissing_from_the_comments_page_resolves_its_reports_and_keeps_the_comment(moderator_client, scene):
    comment = comment_on(scene)
    CommentReportFactory(comment=comment)
    CommentReportFactory(comment=comment)

    response = moderator_client.post(
        page_of(comment), {**no_report_rows(), "hidden_reason": "", "_dismiss_reports": "Dismiss"}, follow=True
    )

    assert response.redirect_chain[-1][0] == QUEUE
    assert messages_of(response) == ["2 reports dismissed."]
    assert not CommentReport.objects.filter(resolved_at=None).exists()
    assert not Comment.objects.get(pk=comment.pk).is_hidden
    scene.refresh_from_db()
    assert scene.comment_count == 1


def test_hiding_from_the_reported_comments_page_resolves_its_reports(moderator_client, scene):
    comment = comment_on(scene)
    CommentReportFactory(comment=comment)

    response = moderator_client.post(page_of(comment), {**no_report_rows(), "is_hidden": "on", "hidden_reason": "Ads"})

    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.is_hidden and comment.hidden_reason == "Ads"
    assert not comment.reports.filter(resolved_at=None).exists()


def test_a_moderator_who_may_only_look_gets_no_dismiss_button(client):
    onlooker = UserFactory(username="lookeronly", is_staff=True)
    onlooker.user_permissions.add(Permission.objects.get(codename="view_reportedcomment"))
    client.force_login(onlooker)
    report = CommentReportFactory()

    response = client.get(page_of(report.comment))

    assert response.status_code == 200 and "_dismiss_reports" not in response.content.decode()
    refused = client.post(page_of(report.comment), {**no_report_rows(), "_dismiss_reports": "Dismiss"})
    assert refused.status_code == 403
    assert CommentReport.objects.get().resolved_at is None
