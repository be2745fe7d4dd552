"""Fans hear of what happened for them: replies, their submissions decided, new back hugs in followed dramas."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from community import services as community
from community.follows import set_following
from community.models import FanProfile
from notifications import services
from notifications.models import Notification
from notifications.selectors import unread_count
from scenes.moderation.publishing import publish_scenes, reject_scenes, unpublish_scenes
from tests.community_factories import FanFactory, comment_on
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(fan):
    return SceneFactory(status="pending", published_at=None, submitted_by=fan)


def kinds(fan) -> list[str]:
    return list(Notification.objects.filter(recipient=fan).values_list("kind", flat=True))


def test_a_reply_to_a_comment_notifies_its_author(fan, scene):
    parent = comment_on(scene, author=fan)

    comment_on(scene, body="Totally agree!", parent=parent)

    assert kinds(fan) == ["reply"]


def test_replying_to_oneself_notifies_nobody(fan, scene):
    parent = comment_on(scene, author=fan)

    comment_on(scene, author=fan, body="And another thing.", parent=parent)

    assert kinds(fan) == []


def test_publishing_a_submission_notifies_the_submitter(fan, moderator, pending):
    publish_scenes(scenes=[pending], moderator=moderator)

    assert kinds(fan) == ["published"]


def test_a_rejection_notifies_the_submitter_with_the_reason(client, fan, moderator, pending):
    reject_scenes(scenes=[pending], moderator=moderator, reason="The same hug is already in the catalogue.")
    client.force_login(fan)

    page = client.get(reverse("notifications:list")).content.decode()

    assert "was not accepted" in page
    assert "The same hug is already in the catalogue." in page


def test_a_new_scene_in_a_followed_drama_notifies_the_follower(moderator, pending):
    follower = FanFactory()
    set_following(fan=follower, target=pending.drama, following=True)

    publish_scenes(scenes=[pending], moderator=moderator)

    assert kinds(follower) == ["followed_drama"]


def test_a_scene_published_again_is_not_news_twice(moderator, pending):
    follower = FanFactory()
    set_following(fan=follower, target=pending.drama, following=True)
    publish_scenes(scenes=[pending], moderator=moderator)
    unpublish_scenes(scenes=[pending], moderator=moderator)

    publish_scenes(scenes=[pending], moderator=moderator)

    assert kinds(follower) == ["followed_drama"]


def test_a_fan_who_turned_a_kind_off_hears_nothing_of_it(fan, scene):
    services.set_delivery(fan=fan, kind="reply", delivery="off")
    parent = comment_on(scene, author=fan)

    comment_on(scene, parent=parent)

    assert kinds(fan) == []


def test_a_banned_fan_is_sent_nothing(fan, scene):
    parent = comment_on(scene, author=fan)
    FanProfile.objects.create(user=fan, is_banned=True, ban_reason="Spam.")

    comment_on(scene, parent=parent)

    assert kinds(fan) == []


def test_a_hidden_reply_leaves_the_notifications(fan, moderator, scene):
    parent = comment_on(scene, author=fan)
    reply = comment_on(scene, body="Something nasty.", parent=parent)
    assert unread_count(fan) == 1

    community.hide_comments(comments=type(reply).objects.filter(pk=reply.pk), moderator=moderator, reason="Rude.")

    assert kinds(fan) == []
    assert unread_count(fan) == 0


def test_the_header_shows_the_unread_count(client, fan, scene):
    parent = comment_on(scene, author=fan)
    comment_on(scene, parent=parent)
    comment_on(scene, parent=parent)
    client.force_login(fan)

    page = client.get("/").content.decode()

    assert 'class="count-badge">2<' in page


def test_opening_the_notifications_marks_them_read(client, fan, scene):
    parent = comment_on(scene, author=fan)
    comment_on(scene, body="Love this reply.", parent=parent)
    client.force_login(fan)

    first = client.get(reverse("notifications:list")).content.decode()
    second = client.get(reverse("notifications:list")).content.decode()

    assert "notification--unread" in first and "Love this reply." in first
    assert "notification--unread" not in second
    assert unread_count(fan) == 0


def test_clearing_deletes_the_read_notifications(client, fan, scene):
    parent = comment_on(scene, author=fan)
    comment_on(scene, parent=parent)
    client.force_login(fan)
    client.get(reverse("notifications:list"))

    response = client.post(reverse("notifications:clear"), follow=True)

    assert "Cleared 1 read notification." in response.content.decode()
    assert kinds(fan) == []


def test_the_notifications_page_needs_a_signed_in_fan(client):
    response = client.get(reverse("notifications:list"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_page_past_the_end_is_a_404_with_a_message(client, fan):
    client.force_login(fan)

    response = client.get(reverse("notifications:list") + "?page=9")

    assert response.status_code == 404


def test_the_settings_are_saved_per_kind(client, fan):
    client.force_login(fan)
    choices = {"reply": "email", "published": "site", "rejected": "site", "followed_drama": "off"}

    client.post(reverse("notifications:settings"), choices)
    page = client.get(reverse("community:preferences")).content.decode()

    assert re.search(r'<input[^>]*name="reply" value="email"[^>]*checked', page)
    assert fan.notification_settings.get(kind="followed_drama").delivery == "off"


def test_an_unknown_setting_is_refused_with_a_message(client, fan):
    client.force_login(fan)

    response = client.post(reverse("notifications:settings"), {"reply": "carrier-pigeon"})

    assert response.status_code == 400
    assert "not one of the choices" in response.content.decode()


def test_a_fan_who_asked_for_email_gets_one_after_the_commit(fan, scene, django_capture_on_commit_callbacks):
    services.set_delivery(fan=fan, kind="reply", delivery="email")
    parent = comment_on(scene, author=fan)

    with django_capture_on_commit_callbacks(execute=True):
        comment_on(scene, body="Best hug of the year.", parent=parent)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [fan.email]
    assert "replied to your comment" in mail.outbox[0].subject
    assert "Best hug of the year." in mail.outbox[0].body


def test_no_email_about_a_reply_hidden_before_it_went_out(fan, moderator, scene):
    services.set_delivery(fan=fan, kind="reply", delivery="email")
    parent = comment_on(scene, author=fan)
    reply = comment_on(scene, parent=parent)  # on_commit never runs inside the test's transaction
    pending = Notification.objects.get(comment=reply).pk
    community.hide_comments(comments=type(reply).objects.filter(pk=reply.pk), moderator=moderator)

    from notifications.mail import send_notification_email

    assert send_notification_email(pending) is False
    assert mail.outbox == []


def test_fans_on_the_site_only_get_no_email(fan, scene, django_capture_on_commit_callbacks):
    parent = comment_on(scene, author=fan)

    with django_capture_on_commit_callbacks(execute=True):
        comment_on(scene, parent=parent)

    assert mail.outbox == []


def test_the_notifications_page_queries_stay_fixed(client, django_assert_max_num_queries, fan):
    client.force_login(fan)
    for _ in range(3):
        parent = comment_on(SceneFactory(), author=fan)
        comment_on(parent.scene, parent=parent)

    def queries():
        with django_assert_max_num_queries(8) as captured:
            assert client.get(reverse("notifications:list")).status_code == 200
        return len(captured)

    few = queries()
    for _ in range(15):
        parent = comment_on(SceneFactory(), author=fan)
        comment_on(parent.scene, parent=parent)
    assert queries() == few


def test_a_duplicate_merged_away_tells_its_submitter_which_scene_it_repeats(fan, moderator):
    from scenes.moderation.decisions import merge_scene

    kept = SceneFactory()
    duplicate = SceneFactory(drama=kept.drama, hugger=kept.hugger, hugged=kept.hugged, submitted_by=fan)

    merge_scene(duplicate=duplicate, into=kept, moderator=moderator)

    notification = Notification.objects.get(recipient=fan)
    assert notification.kind == "rejected"
    assert notification.reason == f"The same back hug is already in the catalogue as scene {kept.pk}."
