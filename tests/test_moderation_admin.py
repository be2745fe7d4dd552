"""The moderators' queues in admin: pending submissions, fans' edits, proposed dramas, the log."""

import pytest
from django.contrib.auth.models import Group

from scenes.models import DramaProposal, ModerationLog, Scene, SceneEdit
from tests.factories import SceneFactory, SceneImageFactory, UserFactory

pytestmark = pytest.mark.django_db

QUEUE = "/admin/scenes/pendingscene/"


@pytest.fixture
def moderator_client(client):
    moderator = UserFactory(username="queue-keeper", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    return client


def pending(**kwargs):
    return SceneFactory(status="pending", published_at=None, **kwargs)


def test_the_queue_lists_pending_submissions_with_their_screenshots(moderator_client):
    scene = pending(description="Waiting scene")
    SceneImageFactory(scene=scene, alt_text="Queue still")
    SceneFactory(description="Already public")
    text = moderator_client.get(QUEUE).content.decode()
    assert "Waiting scene" in text and 'alt="Queue still"' in text
    assert "Already public" not in text


def test_the_queue_points_out_a_scene_in_the_same_minute(moderator_client):
    first = SceneFactory(episode=5, start_seconds=600, end_seconds=620)
    pending(drama=first.drama, episode=5, start_seconds=630, end_seconds=650)
    assert f"scene {first.pk}</a> (same minute)" in moderator_client.get(QUEUE).content.decode()


def test_publishing_from_the_queue_is_logged(moderator_client):
    scene = pending()
    data = {"action": "publish", "_selected_action": [scene.pk]}
    moderator_client.post(QUEUE, data)
    assert Scene.objects.get(pk=scene.pk).status == "published"
    assert ModerationLog.objects.get().action == "published"


def test_rejecting_asks_for_a_reason_that_the_submitter_then_sees(moderator_client, client):
    submitter = UserFactory(username="submitter")
    scene = pending(submitted_by=submitter)
    data = {"action": "reject", "_selected_action": [scene.pk]}
    assert "Reject these submissions?" in moderator_client.post(QUEUE, data).content.decode()
    moderator_client.post(QUEUE, {**data, "apply": "yes", "reason": "Not a back hug: they hug face to face."})
    scene.refresh_from_db()
    assert scene.status == "rejected" and scene.rejection_reason.startswith("Not a back hug")
    client.force_login(submitter)
    assert "Not a back hug: they hug face to face." in client.get("/accounts/submitter/").content.decode()
    assert "Not a back hug" in client.get("/moderation/log/").content.decode()


def test_merging_from_the_queue_folds_the_duplicate_in(moderator_client):
    kept = SceneFactory()
    duplicate = pending(drama=kept.drama, hugger=kept.hugger, hugged=kept.hugged)
    data = {"action": "merge", "_selected_action": [duplicate.pk], "apply": "yes", "into": kept.pk, "reason": "dupe"}
    moderator_client.post(QUEUE, data)
    assert Scene.objects.get(pk=duplicate.pk).merged_into == kept


def test_merging_into_a_missing_scene_explains_itself(moderator_client):
    duplicate = pending()
    data = {"action": "merge", "_selected_action": [duplicate.pk], "apply": "yes", "into": 99999}
    assert "There is no scene with that number." in moderator_client.post(QUEUE, data).content.decode()


def test_accepting_an_edit_from_admin(moderator_client):
    scene = SceneFactory(description="Old words")
    edit = SceneEdit.objects.create(scene=scene, editor=UserFactory(), changes={"description": "New words"})
    moderator_client.post("/admin/scenes/sceneedit/", {"action": "accept", "_selected_action": [edit.pk]})
    scene.refresh_from_db()
    assert scene.description == "New words"


def test_adding_a_proposed_drama_from_admin(moderator_client):
    proposal = DramaProposal.objects.create(
        proposer=UserFactory(), title="Fight for My Way", year=2017, network="KBS2", episodes=16
    )
    moderator_client.post("/admin/scenes/dramaproposal/", {"action": "add_dramas", "_selected_action": [proposal.pk]})
    assert moderator_client.get("/dramas/fight-for-my-way/").status_code == 200
