"""Comments like a fan blog's: threads per scene and drama, replies, permalinks, edit, delete and reports."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from community.models import Comment, CommentReport
from tests.caching import cold_cache
from tests.community_factories import (
    CommentFactory,
    CommentReportFactory,
    FanFactory,
    FavouriteFactory,
    comment_on,
    comments_url,
    give_verdicts,
    report_url,
)
from tests.factories import DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def edit_url(comment):
    return reverse("community:comment-edit", args=[comment.pk])


def delete_url(comment):
    return reverse("community:comment-delete", args=[comment.pk])


class CommentNesting(HTMLParser):
    """For each ``<li id="comment-N">``, the ids of the comment items it sits inside, outermost first."""

    def __init__(self):
        super().__init__()
        self.open_items = []
        self.ancestors = {}

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            item_id = dict(attrs).get("id") or ""
            if item_id.startswith("comment-"):
                self.ancestors[item_id] = [open_id for open_id in self.open_items if open_id]
            self.open_items.append(item_id)

    def handle_endtag(self, tag):
        if tag == "li":
            self.open_items.pop()


def nesting(response):
    parser = CommentNesting()
    parser.feed(text(response))
    return parser.ancestors


# Posting


def test_a_fan_comments_on_a_scene_and_lands_on_the_comments_permalink(client, fan, scene):
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "The umbrella tilt!"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{scene.get_absolute_url()}#comment-{comment.pk}"
    assert (comment.author, comment.scene, comment.body) == (fan, scene, "The umbrella tilt!")


def test_the_scene_page_shows_the_comment_under_its_permalink_anchor(client, fan, scene):
    comment = comment_on(scene, author=fan, body="The umbrella tilt!")
    page = text(client.get(scene.get_absolute_url()))
    assert f'id="comment-{comment.pk}"' in page
    assert f'href="#comment-{comment.pk}"' in page
    assert "The umbrella tilt!" in page
    assert "hugfan" in page


def test_a_fan_comments_on_a_drama(client, fan):
    drama = DramaFactory(slug="the-heirs")
    client.force_login(fan)
    response = client.post(comments_url(drama), {"body": "Every episode has one."})
    comment = Comment.objects.get()
    assert response["Location"] == f"/dramas/the-heirs/#comment-{comment.pk}"
    assert comment.drama == drama and comment.scene is None
    assert "Every episode has one." in text(client.get("/dramas/the-heirs/"))


def test_commenting_on_an_unknown_drama_is_a_404(client, fan):
    client.force_login(fan)
    assert client.post("/dramas/no-such-drama/comments/", {"body": "Hello"}).status_code == 404


def test_commenting_on_a_pending_scene_is_a_404(client, fan):
    pending = SceneFactory(status="pending", published_at=None)
    client.force_login(fan)
    assert client.post(comments_url(pending), {"body": "First!"}).status_code == 404
    assert not Comment.objects.exists()


def test_a_comment_counts_towards_the_scenes_comment_count(client, fan, scene):
    client.force_login(fan)
    client.post(comments_url(scene), {"body": "One"})
    client.post(comments_url(scene), {"body": "Two"})
    scene.refresh_from_db()
    assert scene.comment_count == 2


# Replies


def test_a_reply_lands_on_its_own_permalink(client, fan, scene):
    parent = comment_on(scene, body="Awkward, surely?")
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "No, awesome.", "parent": parent.pk})
    reply = Comment.objects.get(parent=parent)
    assert response["Location"] == f"{scene.get_absolute_url()}#comment-{reply.pk}"


def test_replies_nest_two_levels_deep_in_the_thread(scene):
    first = comment_on(scene, body="Awkward.")
    reply = comment_on(scene, body="Awesome.", parent=first)
    reply_to_reply = comment_on(scene, body="Both.", parent=reply)
    thread = Comment.objects.thread(scene)
    assert [node.comment for node in thread] == [first]
    assert [node.comment for node in thread[0].replies] == [reply]
    assert [node.comment for node in thread[0].replies[0].replies] == [reply_to_reply]
    assert thread[0].replies[0].replies[0].depth == 2


def test_a_reply_to_a_reply_is_nested_inside_both_on_the_page(client, scene):
    first = comment_on(scene, body="Awkward.")
    reply = comment_on(scene, body="Awesome.", parent=first)
    reply_to_reply = comment_on(scene, body="Both.", parent=reply)
    sibling = comment_on(scene, body="Another thread.")
    ancestors = nesting(client.get(scene.get_absolute_url()))
    assert ancestors[f"comment-{first.pk}"] == []
    assert ancestors[f"comment-{reply.pk}"] == [f"comment-{first.pk}"]
    assert ancestors[f"comment-{reply_to_reply.pk}"] == [f"comment-{first.pk}", f"comment-{reply.pk}"]
    assert ancestors[f"comment-{sibling.pk}"] == []


def test_replying_to_a_comment_in_another_thread_gets_a_message(client, fan, scene):
    elsewhere = comment_on(SceneFactory(), body="Elsewhere")
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "Wrong place", "parent": elsewhere.pk})
    assert response.status_code == 400
    assert "same thread" in text(response)
    assert not Comment.objects.filter(body="Wrong place").exists()


def test_replying_to_a_comment_that_no_longer_exists_gets_a_message(client, fan, scene):
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "Hello?", "parent": 999999})
    assert response.status_code == 400
    assert "no longer exists" in text(response)
    assert not Comment.objects.exists()


# Editing and deleting


def test_the_author_edits_their_comment_and_the_page_says_edited(client, fan, scene):
    comment = comment_on(scene, author=fan, body="Awkward.")
    client.force_login(fan)
    response = client.post(edit_url(comment), {"body": "Actually, awesome."})
    assert response.status_code == 302
    assert response["Location"] == f"{scene.get_absolute_url()}#comment-{comment.pk}"
    page = text(client.get(scene.get_absolute_url()))
    assert "Actually, awesome." in page
    assert "(edited)" in page


def test_an_unedited_comment_is_not_marked_edited(client, fan, scene):
    comment_on(scene, author=fan, body="Awkward.")
    assert "(edited)" not in text(client.get(scene.get_absolute_url()))


def test_the_edit_page_starts_with_the_current_text(client, fan, scene):
    comment = comment_on(scene, author=fan, body="Awkward.")
    client.force_login(fan)
    response = client.get(edit_url(comment))
    assert response.status_code == 200
    assert "Awkward.</textarea>" in text(response)


def test_editing_to_an_empty_comment_gets_a_message_and_keeps_the_old_text(client, fan, scene):
    comment = comment_on(scene, author=fan, body="Awkward.")
    client.force_login(fan)
    response = client.post(edit_url(comment), {"body": "   "})
    assert response.status_code == 400
    assert "Write something before posting." in text(response)
    comment.refresh_from_db()
    assert comment.body == "Awkward."
    assert comment.edited_at is None


def test_another_fan_cannot_edit_a_comment(client, fan, scene):
    comment = comment_on(scene, body="Mine.")
    client.force_login(fan)
    assert client.get(edit_url(comment)).status_code == 403
    assert client.post(edit_url(comment), {"body": "Yours now."}).status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Mine."


def test_another_fan_cannot_delete_a_comment(client, fan, scene):
    comment = comment_on(scene, body="Mine.")
    client.force_login(fan)
    assert client.post(delete_url(comment)).status_code == 403
    assert Comment.objects.filter(pk=comment.pk, is_deleted=False).exists()


def test_the_author_deletes_a_comment_nobody_answered_and_it_disappears(client, fan, scene):
    comment = comment_on(scene, author=fan, body="Regrettable take.")
    client.force_login(fan)
    response = client.post(delete_url(comment))
    assert response.status_code == 302
    assert not Comment.objects.filter(pk=comment.pk).exists()
    page = text(client.get(scene.get_absolute_url()))
    assert "Regrettable take." not in page
    assert "Comment deleted by its author." not in page
    scene.refresh_from_db()
    assert scene.comment_count == 0


def test_deleting_a_comment_with_replies_leaves_a_placeholder_and_the_replies(client, fan, scene):
    comment = comment_on(scene, author=fan, body="Regrettable take.")
    reply = comment_on(scene, body="I disagree entirely.", parent=comment)
    client.force_login(fan)
    client.post(delete_url(comment))
    page = text(client.get(scene.get_absolute_url()))
    assert "Regrettable take." not in page
    assert "Comment deleted by its author." in page
    assert "I disagree entirely." in page
    assert nesting(client.get(scene.get_absolute_url()))[f"comment-{reply.pk}"] == [f"comment-{comment.pk}"]


def test_the_delete_page_asks_before_deleting(client, fan, scene):
    comment = comment_on(scene, author=fan, body="Regrettable take.")
    client.force_login(fan)
    response = client.get(delete_url(comment))
    assert response.status_code == 200
    assert "Delete your comment?" in text(response)
    assert Comment.objects.filter(pk=comment.pk).exists()


# Reports


def test_a_signed_in_fan_reports_a_comment_with_a_reason(client, fan, scene):
    comment = comment_on(scene, body="Spoilers for episode 16!")
    client.force_login(fan)
    response = client.post(report_url(comment), {"reason": "Unmarked spoilers."}, follow=True)
    assert response.status_code == 200
    assert "the moderators will take a look" in text(response)
    report = CommentReport.objects.get()
    assert (report.comment, report.reporter, report.reason) == (comment, fan, "Unmarked spoilers.")


def test_a_report_redirects_so_reloading_the_page_does_not_send_it_again(client, fan, scene):
    comment = comment_on(scene, body="Spoilers for episode 16!")
    client.force_login(fan)
    response = client.post(report_url(comment), {"reason": "Unmarked spoilers."})
    assert response.status_code == 302
    assert not response["Location"].startswith(("http://", "https://", "//"))


def test_reporting_the_same_comment_twice_gets_a_message_and_one_report(client, fan, scene):
    comment = comment_on(scene)
    client.force_login(fan)
    client.post(report_url(comment), {"reason": "Rude."})
    response = client.post(report_url(comment), {"reason": "Still rude."})
    assert response.status_code == 400
    assert "You already reported this comment" in text(response)
    assert CommentReport.objects.get().reason == "Rude."


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_report_without_a_reason_gets_a_message_and_stores_nothing(client, fan, scene, reason):
    comment = comment_on(scene)
    client.force_login(fan)
    response = client.post(report_url(comment), {"reason": reason})
    assert response.status_code == 400
    assert "Tell the moderators what is wrong with this comment." in text(response)
    assert not CommentReport.objects.exists()


def test_a_fan_cannot_report_their_own_comment(client, fan, scene):
    comment = comment_on(scene, author=fan)
    client.force_login(fan)
    response = client.post(report_url(comment), {"reason": "Oops."})
    assert response.status_code == 400
    assert not CommentReport.objects.exists()


def test_other_fans_see_a_report_link_and_the_author_sees_edit_and_delete(client, fan, scene):
    comment = comment_on(scene, author=fan)
    client.force_login(fan)
    own_view = text(client.get(scene.get_absolute_url()))
    assert edit_url(comment) in own_view and delete_url(comment) in own_view
    assert report_url(comment) not in own_view
    client.force_login(FanFactory())
    other_view = text(client.get(scene.get_absolute_url()))
    assert report_url(comment) in other_view
    assert edit_url(comment) not in other_view


def test_the_report_factory_makes_an_open_report():
    report = CommentReportFactory()
    assert report.resolved_at is None and report.comment.scene is not None


# Without and with JavaScript


def test_an_htmx_comment_answers_with_the_discussion_alone(client, fan, scene):
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": "Posted in place."}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    page = text(response)
    assert "<html" not in page
    assert 'id="comments"' in page
    assert "Posted in place." in page


def test_an_htmx_comment_with_a_problem_answers_with_the_discussion_and_the_message(client, fan, scene):
    client.force_login(fan)
    response = client.post(comments_url(scene), {"body": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "<html" not in text(response)
    assert "Write something before posting." in text(response)


def test_the_comment_factory_makes_a_scene_comment():
    comment = CommentFactory()
    assert comment.target == comment.scene
    assert comment.get_absolute_url() == f"{comment.scene.get_absolute_url()}#comment-{comment.pk}"


# Query counts


# 16, + on a cold cache where the drama streams and (signed in) the header's unread notifications, both kept after.
def scene_page_queries(client, django_assert_max_num_queries, scene, limit=18):
    cold_cache()  # Measure with a cold cache, as the first reader after a deploy gets it.
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(scene.get_absolute_url())
    assert response.status_code == 200
    return len(captured)


def fill_scene(scene, count):
    """``count`` threads of a comment, a reply and a reply to the reply, plus votes and favourites."""
    for number in range(count):
        comment = comment_on(scene, body=f"Comment {number}")
        reply = comment_on(scene, body=f"Reply {number}", parent=comment)
        comment_on(scene, body=f"Reply to reply {number}", parent=reply)
        give_verdicts(scene, awesome=1, awkward=number % 2)
        FavouriteFactory(scene=scene)


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_scene_page_runs_a_fixed_number_of_queries_however_many_comments_votes_and_favourites(
    client, fan, django_assert_max_num_queries, signed_in
):
    scene = SceneFactory(tropes=["comfort", "lingering"])
    if signed_in:
        client.force_login(fan)
    fill_scene(scene, 1)
    with_one = scene_page_queries(client, django_assert_max_num_queries, scene)
    fill_scene(scene, 29)
    with_thirty = scene_page_queries(client, django_assert_max_num_queries, scene)
    assert with_thirty == with_one


def test_the_drama_page_runs_a_fixed_number_of_queries_however_many_comments(client, django_assert_max_num_queries):
    drama = DramaFactory()
    comment_on(drama, body="One")
    cold_cache()
    with django_assert_max_num_queries(12) as with_one:
        assert client.get(drama.get_absolute_url()).status_code == 200
    for number in range(29):
        parent = comment_on(drama, body=f"Comment {number}")
        comment_on(drama, body=f"Reply {number}", parent=parent)
    cold_cache()
    with django_assert_max_num_queries(12) as with_thirty:
        assert client.get(drama.get_absolute_url()).status_code == 200
    assert len(with_thirty) == len(with_one)
