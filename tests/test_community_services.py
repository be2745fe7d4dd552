"""The community's rules as services: tallies, trope agreement and comment threads."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from community import services
from community.models import Comment, FanProfile, Vote
from scenes.models import Scene, SceneTrope, Trope
from tests.factories import DramaFactory, SceneFactory, UserFactory

pytestmark = pytest.mark.django_db


def fans(count):
    return [UserFactory() for _ in range(count)]


def test_a_vote_updates_the_scenes_tallies_and_scores(scene):
    for fan in fans(3):
        services.cast_vote(scene=scene, fan=fan, verdict="awesome")
    services.cast_vote(scene=scene, fan=UserFactory(), verdict="awkward")
    scene.refresh_from_db()
    assert (scene.awesome_count, scene.awkward_count) == (3, 1)
    assert 0 < scene.awkward_score < scene.awesome_score < 0.75
    assert scene.controversy == 0.0  # four fans are too few to call a split (scoring.controversy)
    for fan in fans(6):
        services.cast_vote(scene=scene, fan=fan, verdict="awkward")
    scene.refresh_from_db()
    assert scene.controversy > 0  # 3–7 among ten fans


def test_second_vote_by_the_same_fan_replaces_the_first(scene, fan):
    services.cast_vote(scene=scene, fan=fan, verdict="awesome")
    counts = services.cast_vote(scene=scene, fan=fan, verdict="awkward")
    assert (counts.awesome, counts.awkward) == (0, 1)
    assert Vote.objects.filter(scene=scene, fan=fan).count() == 1


def test_retracting_removes_the_vote(scene, fan):
    services.cast_vote(scene=scene, fan=fan, verdict="awesome")
    counts = services.cast_vote(scene=scene, fan=fan, verdict=None)
    assert counts.total == 0
    scene.refresh_from_db()
    assert scene.awesome_score == 0.0


def test_the_database_refuses_a_second_vote_row(scene, fan):
    Vote.objects.create(scene=scene, fan=fan, verdict="awesome")
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(scene=scene, fan=fan, verdict="awkward")


def test_pending_scenes_cannot_be_voted_on(fan):
    pending = SceneFactory(status=Scene.Status.PENDING, published_at=None)
    with pytest.raises(services.ActionRefused):
        services.cast_vote(scene=pending, fan=fan, verdict="awesome")


def test_banned_fans_are_told_why(scene, fan):
    FanProfile.objects.create(user=fan, is_banned=True, ban_reason="spam links")
    with pytest.raises(PermissionDenied, match="spam links"):
        services.cast_vote(scene=scene, fan=fan, verdict="awesome")


def test_a_curated_trope_falls_off_when_enough_fans_reject_it():
    scene = SceneFactory(tropes=["comfort"])
    comfort = Trope.objects.get(slug="comfort")
    for fan in fans(services.TROPE_VOTES_TO_DECIDE):
        services.vote_on_trope(scene=scene, trope=comfort, fan=fan, agrees=False)
    assert not SceneTrope.objects.get(scene=scene, trope=comfort).is_public
    assert comfort not in Scene.objects.get(pk=scene.pk).public_tropes()
    assert not Scene.objects.with_all_tropes([comfort]).exists()


def test_a_rejected_trope_comes_back_when_more_fans_agree():
    scene = SceneFactory(tropes=["comfort"])
    comfort = Trope.objects.get(slug="comfort")
    for fan in fans(3):
        services.vote_on_trope(scene=scene, trope=comfort, fan=fan, agrees=False)
    for fan in fans(4):
        services.vote_on_trope(scene=scene, trope=comfort, fan=fan, agrees=True)
    assert SceneTrope.objects.get(scene=scene, trope=comfort).is_public


def test_a_proposed_trope_becomes_public_once_enough_fans_agree(scene):
    lingering = Trope.objects.get(slug="lingering")
    proposer, *others = fans(services.TROPE_VOTES_TO_DECIDE)
    proposal = services.vote_on_trope(scene=scene, trope=lingering, fan=proposer, agrees=True)
    assert proposal.origin == "proposed" and not proposal.is_public
    for fan in others:
        proposal = services.vote_on_trope(scene=scene, trope=lingering, fan=fan, agrees=True)
    assert proposal.is_public
    assert list(Scene.objects.with_all_tropes([lingering])) == [scene]


def test_a_proposal_everyone_takes_back_disappears(scene, fan):
    lingering = Trope.objects.get(slug="lingering")
    services.vote_on_trope(scene=scene, trope=lingering, fan=fan, agrees=True)
    services.vote_on_trope(scene=scene, trope=lingering, fan=fan, agrees=None)
    assert not SceneTrope.objects.filter(scene=scene, trope=lingering).exists()


def test_derived_tropes_are_facts_not_votes(scene, fan):
    with pytest.raises(services.ActionRefused, match="follows from the characters"):
        services.vote_on_trope(scene=scene, trope=Trope.objects.get(slug="second-lead"), fan=fan, agrees=False)


def test_favourites_are_counted_once_per_fan(scene, fan):
    services.set_favourite(scene=scene, fan=fan, favourite=True)
    assert services.set_favourite(scene=scene, fan=fan, favourite=True) == 1
    assert services.set_favourite(scene=scene, fan=fan, favourite=False) == 0


def test_replies_nest_and_deep_replies_stay_at_the_deepest_level(scene, fan):
    root = services.post_comment(author=fan, target=scene, body="Sweet or grabby?")
    reply = services.post_comment(author=fan, target=scene, body="Sweet.", parent=root)
    deeper = services.post_comment(author=fan, target=scene, body="Grabby.", parent=reply)
    deepest = services.post_comment(author=fan, target=scene, body="Both!", parent=deeper)
    beyond = services.post_comment(author=fan, target=scene, body="Neither.", parent=deepest)
    [node] = Comment.objects.thread(scene)
    assert node.comment == root
    level3 = node.replies[0].replies[0].replies
    assert [n.comment for n in level3] == [deepest, beyond]
    assert {n.depth for n in level3} == {3}


def test_deleting_a_comment_with_replies_leaves_a_placeholder(scene, fan):
    root = services.post_comment(author=fan, target=scene, body="First!")
    services.post_comment(author=UserFactory(), target=scene, body="Second.", parent=root)
    services.delete_comment(comment=root, author=fan)
    [node] = Comment.objects.thread(scene)
    assert node.comment.is_deleted and node.comment.body == ""
    assert node.replies[0].comment.body == "Second."
    scene.refresh_from_db()
    assert scene.comment_count == 1


def test_a_reply_must_stay_in_its_thread(scene, fan):
    elsewhere = services.post_comment(author=fan, target=DramaFactory(), body="On the drama.")
    with pytest.raises(services.ActionRefused):
        services.post_comment(author=fan, target=scene, body="Reply", parent=elsewhere)


def test_hiding_keeps_the_text_and_updates_the_count(scene, fan, moderator):
    comment = services.post_comment(author=fan, target=scene, body="Rude words")
    services.hide_comments(comments=Comment.objects.filter(pk=comment.pk), moderator=moderator, reason="rude")
    comment.refresh_from_db()
    assert comment.is_hidden and comment.body == "Rude words"
    scene.refresh_from_db()
    assert scene.comment_count == 0
    services.unhide_comments(comments=Comment.objects.filter(pk=comment.pk), moderator=moderator)
    scene.refresh_from_db()
    assert scene.comment_count == 1
