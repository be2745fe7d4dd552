"""Moderators merge duplicates, accept edits and add proposed dramas; every decision is in the public log."""

import pytest
from django.core.exceptions import ValidationError

from community import services as community
from community.models import Comment, Favourite, TropeVote, Vote
from scenes.models import DramaProposal, ModerationLog, Scene, SceneEdit, SceneTrope, Trope
from scenes.moderation import decisions as moderation
from scenes.moderation.log import confirm_characters
from tests.factories import SceneFactory, SceneImageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    kept = SceneFactory(tropes=["comfort"])
    duplicate = SceneFactory(drama=kept.drama, hugger=kept.hugger, hugged=kept.hugged, tropes=["comfort", "lingering"])
    return kept, duplicate


def test_a_merge_moves_votes_favourites_comments_tropes_and_screenshots(pair, moderator):
    kept, duplicate = pair
    fans = [UserFactory() for _ in range(3)]
    for fan in fans:
        community.cast_vote(scene=duplicate, fan=fan, verdict="awkward")
        community.set_favourite(scene=duplicate, fan=fan, favourite=True)
    community.vote_on_trope(scene=duplicate, trope=Trope.objects.get(slug="lingering"), fan=fans[0], agrees=True)
    comment = community.post_comment(author=fans[0], target=duplicate, body="Same hug as the other one!")
    image = SceneImageFactory(scene=duplicate)

    kept = moderation.merge_scene(duplicate=duplicate, into=kept, moderator=moderator, reason="same moment")

    assert (kept.awkward_count, kept.favourite_count, kept.comment_count) == (3, 3, 1)
    assert Comment.objects.get(pk=comment.pk).scene == kept
    assert image.__class__.objects.get(pk=image.pk).scene == kept
    assert set(SceneTrope.objects.filter(scene=kept).values_list("trope__slug", flat=True)) == {"comfort", "lingering"}
    assert TropeVote.objects.filter(scene=kept).count() == 1
    assert not Vote.objects.filter(scene=duplicate).exists()
    duplicate.refresh_from_db()
    assert duplicate.status == "rejected" and duplicate.merged_into == kept


def test_a_fan_who_voted_on_both_keeps_one_vote_on_the_kept_scene(pair, moderator, fan):
    kept, duplicate = pair
    community.cast_vote(scene=kept, fan=fan, verdict="awesome")
    community.cast_vote(scene=duplicate, fan=fan, verdict="awkward")
    community.set_favourite(scene=kept, fan=fan, favourite=True)
    community.set_favourite(scene=duplicate, fan=fan, favourite=True)

    kept = moderation.merge_scene(duplicate=duplicate, into=kept, moderator=moderator)

    assert Vote.objects.get(fan=fan).verdict == "awesome"
    assert (kept.awesome_count, kept.awkward_count, kept.favourite_count) == (1, 0, 1)
    assert Favourite.objects.filter(fan=fan).count() == 1


def test_the_duplicates_address_leads_to_the_kept_scene(client, pair, moderator):
    kept, duplicate = pair
    moderation.merge_scene(duplicate=duplicate, into=kept, moderator=moderator)
    response = client.get(duplicate.get_absolute_url())
    assert response.status_code == 301 and response["Location"] == kept.get_absolute_url()


def test_scenes_of_different_dramas_cannot_be_merged(moderator):
    with pytest.raises(ValidationError):
        moderation.merge_scene(duplicate=SceneFactory(), into=SceneFactory(), moderator=moderator)


def test_a_fan_cannot_merge(pair, fan):
    kept, duplicate = pair
    with pytest.raises(moderation.PermissionDenied):
        moderation.merge_scene(duplicate=duplicate, into=kept, moderator=fan)


def test_accepting_an_edit_changes_the_published_scene(moderator, fan):
    scene = SceneFactory(submitted_by=fan, description="Before.")
    edit = SceneEdit.objects.create(scene=scene, editor=fan, changes={"description": "After.", "tropes": ["lingering"]})
    moderation.accept_edit(edit=edit, moderator=moderator)
    scene.refresh_from_db()
    assert scene.description == "After."
    assert [t.slug for t in scene.tropes.all()] == ["lingering"]
    assert ModerationLog.objects.get().action == "edit_accepted"


def test_an_invalid_edit_is_refused_and_changes_nothing(moderator, fan):
    scene = SceneFactory(submitted_by=fan)
    edit = SceneEdit.objects.create(scene=scene, editor=fan, changes={"episode": 99})
    with pytest.raises(ValidationError):
        moderation.accept_edit(edit=edit, moderator=moderator)
    scene.refresh_from_db()
    assert scene.episode == 3
    assert SceneEdit.objects.get().status == "pending"


def test_adding_a_proposed_drama_creates_it(moderator, fan):
    proposal = DramaProposal.objects.create(
        proposer=fan, title="Fight for My Way", year=2017, network="KBS2", episodes=16
    )
    drama = moderation.add_proposed_drama(proposal=proposal, moderator=moderator)
    assert drama.slug == "fight-for-my-way" and drama.episodes == 16
    assert DramaProposal.objects.get().status == "added"


def test_the_public_log_shows_decisions_and_reasons_but_not_who(client, pair):
    moderator = UserFactory(username="tanuki-keeper", email="keeper@example.com", is_staff=True, is_superuser=True)
    kept, duplicate = pair
    moderation.merge_scene(duplicate=duplicate, into=kept, moderator=moderator, reason="same moment, two uploads")
    comment = community.post_comment(author=UserFactory(), target=kept, body="rude")
    community.hide_comments(comments=Comment.objects.filter(pk=comment.pk), moderator=moderator, reason="insults")
    text = client.get("/moderation/log/").content.decode()
    assert "same moment, two uploads" in text and "insults" in text
    assert "merged into another scene" in text and "hid a comment" in text
    assert moderator.username not in text and moderator.email not in text


def test_the_moderation_log_pages_like_every_list(client):
    assert client.get("/moderation/log/", {"page": "x"}).status_code == 400
    assert client.get("/moderation/log/", {"page": "5"}).status_code == 404


def test_publishing_confirms_characters_a_fan_added(moderator):
    scene = SceneFactory(status="pending", published_at=None, hugger__is_confirmed=False)
    confirm_characters([scene])
    scene.hugger.refresh_from_db()
    assert scene.hugger.is_confirmed


def test_rejected_scenes_stay_out_of_the_catalogue(client):
    SceneFactory(status=Scene.Status.REJECTED, rejection_reason="Not a back hug.")
    assert client.get("/scenes/").context["page"].paginator.count == 0
