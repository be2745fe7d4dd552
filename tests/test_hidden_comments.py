"""A comment a moderator hid keeps its text for the moderators: its author cannot erase it."""

import pytest
from django.urls import reverse

from community.models import Comment
from community.services import ActionRefused, delete_comment, hide_comments
from tests.community_factories import comment_on

pytestmark = pytest.mark.django_db


def delete_url(comment):
    return reverse("community:comment-delete", args=[comment.pk])


def test_the_author_cannot_delete_a_comment_a_moderator_hid(client, fan, scene, moderator):
    comment = comment_on(scene, author=fan, body="Something a moderator hid.")
    hide_comments(comments=Comment.objects.filter(pk=comment.pk), moderator=moderator, reason="Spoiler.")
    client.force_login(fan)
    response = client.post(delete_url(comment))
    assert response.status_code == 403
    assert Comment.objects.get(pk=comment.pk).body == "Something a moderator hid."


def test_the_delete_service_keeps_a_hidden_comments_text_for_moderators(fan, scene, moderator):
    comment = comment_on(scene, author=fan, body="Kept for the moderators.")
    hide_comments(comments=Comment.objects.filter(pk=comment.pk), moderator=moderator)
    with pytest.raises(ActionRefused):
        delete_comment(comment=comment, author=fan)
    assert Comment.objects.get(pk=comment.pk).body == "Kept for the moderators."
