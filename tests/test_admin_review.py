"""The review screen of a pending submission: what a moderator sees, and publish, reject and merge from it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from notifications.models import Notification
from scenes.models import ModerationLog, Scene
from scenes.submissions import images
from tests.admin_support import messages_of
from tests.factories import CharacterFactory, SceneFactory, SceneImageFactory, UserFactory

pytestmark = pytest.mark.django_db


def review(scene) -> str:
    return reverse("admin:scenes_scene_review", args=[scene.pk])


def decide(scene, decision: str) -> str:
    return reverse(f"admin:scenes_scene_review_{decision}", args=[scene.pk])


def pending(**kwargs):
    return SceneFactory(status="pending", published_at=None, **kwargs)


def screenshot_hashed(scene, value: int, **kwargs):
    """A screenshot whose perceptual hash is ``value``, with the bands the near-copy lookup reads."""
    image = SceneImageFactory(scene=scene, perceptual_hash=f"{value:016x}", **kwargs)
    for band, band_value in enumerate(images.hash_bands(image.perceptual_hash)):
        setattr(image, f"hash_band_{band}", band_value)
    image.save()
    return image


@pytest.fixture
def moderator(db):
    """A moderator as the site has them: staff in the Moderators group."""
    user = UserFactory(username="reviewer", is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


# What the screen shows


def test_the_review_screen_shows_screenshots_times_tropes_and_who_hugs_whom(moderator_client):
    hugger = CharacterFactory(name="Kim Tan", actor__name="Lee Min-ho")
    scene = pending(
        drama=hugger.drama,
        hugger=hugger,
        start_seconds=1290,
        end_seconds=1302,
        tropes=["comfort"],
        line_english="Don't go.",
        submitted_by=UserFactory(username="sender"),
    )
    SceneImageFactory(scene=scene, alt_text="He holds her from behind in the kitchen")

    text = moderator_client.get(review(scene)).content.decode()

    assert 'alt="He holds her from behind in the kitchen"' in text
    assert "21:30 – 21:42 (12 s)" in text
    assert "1290" not in text
    assert "Comfort" in text
    assert f"Kim Tan hugs {scene.hugged.name} from behind" in text and "Lee Min-ho" in text
    assert "Don&#x27;t go." in text and "sender" in text
    assert '<button type="submit" class="button default review-publish">Publish</button>' in text


def test_a_time_past_the_hour_reads_as_hours_minutes_and_seconds(moderator_client):
    scene = pending(start_seconds=3725, end_seconds=3740)

    assert "1:02:05 – 1:02:20" in moderator_client.get(review(scene)).content.decode()


def test_a_scene_of_the_same_minute_is_shown_beside_the_submission(moderator_client):
    kept = SceneFactory(episode=5, start_seconds=600, end_seconds=620, description="The one already published")
    SceneImageFactory(scene=kept, alt_text="The published still")
    scene = pending(drama=kept.drama, episode=5, start_seconds=630, end_seconds=650)
    SceneFactory(drama=kept.drama, episode=5, start_seconds=900, end_seconds=920, description="Minutes later")

    response = moderator_client.get(review(scene))

    [duplicate] = response.context["review"].duplicates
    assert duplicate.scene == kept and duplicate.same_moment and duplicate.can_merge_into
    text = response.content.decode()
    assert "The one already published" in text and 'alt="The published still"' in text
    assert "Minutes later" not in text
    assert f"Merge into scene {kept.pk}" in text


def test_a_scene_with_a_near_identical_screenshot_is_shown_as_a_duplicate(moderator_client):
    other = SceneFactory(episode=9, start_seconds=100, end_seconds=110)
    screenshot_hashed(other, 0x0F0F0F0F0F0F0F0F)
    scene = pending(episode=2)
    screenshot_hashed(scene, 0x0F0F0F0F0F0F0F0E)

    [duplicate] = moderator_client.get(review(scene)).context["review"].duplicates

    assert duplicate.scene == other and duplicate.similar_screenshot and not duplicate.same_moment
    assert not duplicate.can_merge_into  # another drama: shown, but no merge offered


def test_published_duplicates_come_first_then_waiting_then_turned_down(moderator_client):
    scene = pending(episode=5, start_seconds=600, end_seconds=620)
    screenshot_hashed(scene, 0x0F0F0F0F0F0F0F0F)
    turned_down = SceneFactory(drama=scene.drama, episode=8, status="rejected", published_at=None)
    screenshot_hashed(turned_down, 0x0F0F0F0F0F0F0F0F)
    waiting = pending(drama=scene.drama, episode=5, start_seconds=605, end_seconds=625)
    published = SceneFactory(drama=scene.drama, episode=5, start_seconds=610, end_seconds=630)

    duplicates = moderator_client.get(review(scene)).context["review"].duplicates

    assert [duplicate.scene for duplicate in duplicates] == [published, waiting, turned_down]
    assert [duplicate.can_merge_into for duplicate in duplicates] == [True, False, False]


def test_without_duplicates_the_screen_says_so(moderator_client):
    scene = pending()

    assert "No scene of the same episode within a minute" in moderator_client.get(review(scene)).content.decode()


def test_the_screen_says_how_the_submitters_earlier_submissions_were_decided(moderator_client):
    submitter = UserFactory(username="regular")
    for _ in range(3):
        SceneFactory(submitted_by=submitter)
    SceneFactory(submitted_by=submitter, status="rejected", published_at=None)
    scene = pending(submitted_by=submitter)

    assert "Before: 3 published, 1 rejected." in moderator_client.get(review(scene)).content.decode()


def test_the_queue_and_the_scene_pages_lead_to_the_review_screen(moderator_client):
    scene = pending()

    assert review(scene) in moderator_client.get(reverse("admin:scenes_pendingscene_changelist")).content.decode()
    assert review(scene) in moderator_client.get(reverse("admin:scenes_scene_changelist")).content.decode()
    assert review(scene) in moderator_client.get(reverse("admin:scenes_scene_change", args=[scene.pk])).content.decode()
    opened = moderator_client.get(reverse("admin:scenes_pendingscene_change", args=[scene.pk]))
    assert opened.status_code == 302 and opened["Location"] == review(scene)


def test_a_missing_scene_is_not_found(moderator_client):
    assert moderator_client.get("/admin/scenes/scene/999999/review/").status_code == 404


# Publish


def test_publishing_logs_tells_the_submitter_and_opens_the_next_submission(moderator_client):
    submitter = UserFactory(username="sender")
    scene = pending(submitted_by=submitter)
    following = pending()

    response = moderator_client.post(decide(scene, "publish"))

    assert response.status_code == 302 and response["Location"] == review(following)
    scene.refresh_from_db()
    assert scene.status == "published" and scene.published_at is not None
    assert ModerationLog.objects.get().action == "published"
    assert Notification.objects.filter(recipient=submitter, scene=scene).exists()


def test_a_published_submission_shows_on_kept_pages_at_once(moderator_client):
    scene = pending(setting="freshly accepted balcony")
    reader = Client()
    assert "Freshly accepted balcony" not in reader.get("/scenes/").content.decode()  # now kept without it

    moderator_client.post(decide(scene, "publish"))

    assert "Freshly accepted balcony" in reader.get("/scenes/").content.decode()


def test_the_last_decision_returns_to_the_queue_saying_it_is_empty(moderator_client):
    scene = pending()

    response = moderator_client.post(decide(scene, "publish"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("admin:scenes_pendingscene_changelist")
    assert "No other submission is waiting." in messages_of(response)


def test_a_submission_decided_meanwhile_is_left_as_it_is(moderator_client):
    scene = pending()
    Scene.objects.filter(pk=scene.pk).update(status="rejected", rejection_reason="Blurry")

    response = moderator_client.post(decide(scene, "publish"), follow=True)

    assert Scene.objects.get(pk=scene.pk).status == "rejected"
    assert f"Scene {scene.pk} was already decided." in messages_of(response)
    assert not ModerationLog.objects.exists()


def test_a_decision_must_be_posted(moderator_client):
    scene = pending()

    assert moderator_client.get(decide(scene, "publish")).status_code == 405
    assert Scene.objects.get(pk=scene.pk).status == "pending"


def test_a_decision_needs_the_csrf_token(moderator):
    scene = pending()
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    assert client.post(decide(scene, "publish")).status_code == 403
    assert Scene.objects.get(pk=scene.pk).status == "pending"


# Reject


def test_rejecting_without_a_reason_changes_nothing_and_asks_for_one(moderator_client):
    scene = pending()

    response = moderator_client.post(decide(scene, "reject"), {"reason": "  "})

    assert response.status_code == 400
    assert "Nothing was rejected: the fan needs a reason." in messages_of(response)
    assert "Say why the submission is rejected" in response.content.decode()
    assert Scene.objects.get(pk=scene.pk).status == "pending"
    assert not ModerationLog.objects.exists()


def test_rejecting_with_a_reason_tells_the_submitter_why(moderator_client):
    submitter = UserFactory(username="sender")
    scene = pending(submitted_by=submitter)

    response = moderator_client.post(decide(scene, "reject"), {"reason": "They hug face to face."})

    assert response.status_code == 302
    scene.refresh_from_db()
    assert scene.status == "rejected" and scene.rejection_reason == "They hug face to face."
    assert Notification.objects.get(recipient=submitter).reason == "They hug face to face."
    assert ModerationLog.objects.get().reason == "They hug face to face."


# Merge


def test_merging_into_a_published_duplicate_folds_the_submission_in(moderator_client):
    kept = SceneFactory(episode=5, start_seconds=600, end_seconds=620)
    scene = pending(drama=kept.drama, episode=5, start_seconds=610, end_seconds=640, submitted_by=UserFactory())
    SceneImageFactory(scene=scene)

    response = moderator_client.post(decide(scene, "merge"), {"into": kept.pk, "reason": "Same hug"})

    assert response.status_code == 302
    scene.refresh_from_db()
    assert scene.merged_into == kept and scene.status == "rejected"
    assert kept.images.count() == 1
    assert ModerationLog.objects.get().action == "merged"
    assert Notification.objects.get(recipient=scene.submitted_by).kind == "rejected"


def test_a_duplicate_the_screen_did_not_find_can_be_merged_into_by_its_number(moderator_client):
    kept = SceneFactory(episode=2, start_seconds=100, end_seconds=120)
    scene = pending(drama=kept.drama, episode=7, start_seconds=1500, end_seconds=1520)
    page = moderator_client.get(review(scene))
    assert page.context["review"].duplicates == [] and 'id="merge-into-number"' in page.content.decode()

    moderator_client.post(decide(scene, "merge"), {"into": str(kept.pk)})

    assert Scene.objects.get(pk=scene.pk).merged_into == kept


@pytest.mark.parametrize("target", ["pending", "self", "another drama", "missing", "not a number", "empty"])
def test_merging_into_a_scene_that_cannot_take_it_is_refused(moderator_client, target):
    scene = pending()
    into = {
        "pending": lambda: pending(drama=scene.drama).pk,
        "self": lambda: scene.pk,
        "another drama": lambda: SceneFactory().pk,
        "missing": lambda: 999999,
        "not a number": lambda: "twelve",
        "empty": lambda: "",
    }[target]()

    response = moderator_client.post(decide(scene, "merge"), {"into": into})

    assert response.status_code == 400
    [message] = messages_of(response)
    assert message.startswith("Nothing was merged:") and "required" not in message
    scene.refresh_from_db()
    assert scene.status == "pending" and scene.merged_into is None


# Who may


def test_a_moderator_who_may_only_look_cannot_decide(client):
    onlooker = UserFactory(username="onlooker", is_staff=True)
    onlooker.user_permissions.add(Permission.objects.get(codename="view_scene", content_type__app_label="scenes"))
    client.force_login(onlooker)
    scene = pending()

    page = client.get(review(scene))
    refusals = [client.post(decide(scene, decision), {"reason": "x", "into": 1}) for decision in ("publish", "reject")]

    assert page.status_code == 200 and "Publish</button>" not in page.content.decode()
    assert [response.status_code for response in refusals] == [403, 403]
    assert client.post(decide(scene, "merge"), {"into": SceneFactory(drama=scene.drama).pk}).status_code == 403
    assert Scene.objects.get(pk=scene.pk).status == "pending"


def test_staff_without_scene_permissions_cannot_open_the_review_screen(client):
    client.force_login(UserFactory(username="newstaff", is_staff=True))

    assert client.get(review(pending())).status_code == 403


# Cheap


def test_the_review_screen_costs_a_fixed_number_of_queries(moderator_client, django_assert_max_num_queries):
    kept = SceneFactory(episode=5, start_seconds=600, end_seconds=620)
    screenshot_hashed(kept, 0x00FF00FF00FF00FF)
    scene = pending(
        drama=kept.drama,
        episode=5,
        start_seconds=630,
        end_seconds=650,
        tropes=["comfort", "lingering"],
        submitted_by=UserFactory(),
    )
    for value in range(4):  # a fan sends up to four screenshots
        screenshot_hashed(scene, 0x00FF00FF00FF00F0 + value)
    for _ in range(3):
        SceneFactory(drama=kept.drama, episode=5, start_seconds=610, end_seconds=640)
    moderator_client.get(review(scene))  # warm the taxonomy and content types

    # The user and their permissions (3), the scene, its screenshots and tropes (3), the same-minute ids, one
    # near-copy lookup per screenshot (4, a fan sends at most four), the duplicates and their screenshots (2), the
    # queue's count, the next submission (at most 2) and the submitter's record: the duplicates' number changes
    # nothing.
    with django_assert_max_num_queries(17):
        response = moderator_client.get(review(scene))

    assert len(response.context["review"].duplicates) == 4


def test_the_review_screen_says_whether_the_submitter_marked_a_spoiler(moderator_client):
    marked = pending(is_spoiler=True)
    assert "Marked as a spoiler" in moderator_client.get(review(marked)).content.decode()
    plain = pending()
    assert "Not marked: it shows plainly to every reader." in moderator_client.get(review(plain)).content.decode()
