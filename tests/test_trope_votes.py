"""Fans agree or disagree that a trope applies to a scene; enough of them decide what the scene shows."""

import pytest

from community.models import TropeVote
from community.services import TROPE_VOTES_TO_DECIDE
from scenes.models import SceneTrope
from tests.community_factories import FanFactory, trope_vote_url, vote_on_trope
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def public_slugs(scene):
    return {trope.slug for trope in scene.public_tropes()}


def listed_with_trope(client, slug):
    response = client.get(f"/scenes/?trope={slug}")
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def scene_trope(scene, slug):
    return SceneTrope.objects.get(scene=scene, trope__slug=slug)


# Agreeing and disagreeing


def test_a_fan_agrees_that_a_curated_trope_applies(client, fan):
    scene = SceneFactory(tropes=["comfort"])
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "agree"})
    assert response.status_code == 302
    assert TropeVote.objects.get(scene=scene, fan=fan).agrees is True
    assert (scene_trope(scene, "comfort").agree_count, scene_trope(scene, "comfort").disagree_count) == (1, 0)


def test_the_scene_page_shows_how_many_fans_agree(client):
    scene = SceneFactory(tropes=["comfort"])
    vote_on_trope(scene, "comfort", agree=3, disagree=1)
    page = text(client.get(scene.get_absolute_url()))
    assert "75% agree (3–1)" in page


def test_a_trope_nobody_voted_on_says_so(client):
    scene = SceneFactory(tropes=["comfort"])
    assert "no votes yet" in text(client.get(scene.get_absolute_url()))


def test_changing_a_trope_vote_replaces_it(client, fan):
    scene = SceneFactory(tropes=["comfort"])
    client.force_login(fan)
    client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "agree"})
    client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "disagree"})
    assert TropeVote.objects.filter(scene=scene, fan=fan).count() == 1
    assert (scene_trope(scene, "comfort").agree_count, scene_trope(scene, "comfort").disagree_count) == (0, 1)


def test_vote_none_takes_a_trope_vote_back(client, fan):
    scene = SceneFactory(tropes=["comfort"])
    client.force_login(fan)
    client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "disagree"})
    client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "none"})
    assert not TropeVote.objects.exists()
    assert scene_trope(scene, "comfort").disagree_count == 0


# Curated tropes the fans reject


def test_a_curated_trope_stays_public_until_enough_fans_reject_it():
    scene = SceneFactory(tropes=["comfort"])
    vote_on_trope(scene, "comfort", disagree=TROPE_VOTES_TO_DECIDE - 1)
    assert "comfort" in public_slugs(scene)


def test_a_curated_trope_enough_fans_reject_falls_off_the_scenes_public_tropes():
    scene = SceneFactory(tropes=["comfort", "lingering"])
    vote_on_trope(scene, "comfort", disagree=TROPE_VOTES_TO_DECIDE)
    assert "comfort" not in public_slugs(scene)
    assert "lingering" in public_slugs(scene)


def test_a_rejected_trope_no_longer_finds_the_scene_in_the_catalogue(client, without_response_cache):
    scene = SceneFactory(tropes=["comfort"])
    other = SceneFactory(tropes=["comfort"])
    assert set(listed_with_trope(client, "comfort")) == {scene, other}
    vote_on_trope(scene, "comfort", disagree=TROPE_VOTES_TO_DECIDE)
    assert listed_with_trope(client, "comfort") == [other]


def test_a_rejected_trope_no_longer_lists_the_scene_on_the_trope_page(client):
    scene = SceneFactory(tropes=["comfort"], hugger__name="Rejected Hugger")
    vote_on_trope(scene, "comfort", disagree=TROPE_VOTES_TO_DECIDE)
    assert "Rejected Hugger" not in text(client.get("/tropes/comfort/"))


def test_the_scene_page_marks_a_trope_the_fans_rejected(client):
    scene = SceneFactory(tropes=["comfort"])
    vote_on_trope(scene, "comfort", disagree=TROPE_VOTES_TO_DECIDE)
    assert "rejected by fans" in text(client.get(scene.get_absolute_url()))


def test_a_curated_trope_more_fans_agree_with_than_reject_stays_public():
    scene = SceneFactory(tropes=["comfort"])
    vote_on_trope(scene, "comfort", agree=TROPE_VOTES_TO_DECIDE + 1, disagree=TROPE_VOTES_TO_DECIDE)
    assert "comfort" in public_slugs(scene)


def test_a_rejected_trope_comes_back_when_fans_change_their_minds(client):
    scene = SceneFactory(tropes=["comfort"])
    vote_on_trope(scene, "comfort", disagree=TROPE_VOTES_TO_DECIDE)
    vote_on_trope(scene, "comfort", agree=TROPE_VOTES_TO_DECIDE + 1)
    assert listed_with_trope(client, "comfort") == [scene]


# Proposed tropes


def test_agreeing_with_a_trope_the_scene_lacks_proposes_it_without_making_it_public(client, fan, scene):
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": "lingering", "vote": "agree"})
    assert response.status_code == 302
    proposal = scene_trope(scene, "lingering")
    assert proposal.origin == "proposed"
    assert not proposal.is_public
    assert listed_with_trope(client, "lingering") == []
    assert "proposed, needs votes" in text(client.get(scene.get_absolute_url()))


def test_a_proposed_trope_becomes_public_once_enough_fans_agree(client, scene):
    vote_on_trope(scene, "lingering", agree=TROPE_VOTES_TO_DECIDE)
    assert "lingering" in public_slugs(scene)
    assert listed_with_trope(client, "lingering") == [scene]


def test_a_proposed_trope_short_of_enough_agreement_stays_off_the_public_tropes(client, scene):
    vote_on_trope(scene, "lingering", agree=TROPE_VOTES_TO_DECIDE - 1)
    assert "lingering" not in public_slugs(scene)
    assert listed_with_trope(client, "lingering") == []


def test_a_proposal_everyone_takes_back_leaves_nothing_behind(client, fan, scene):
    client.force_login(fan)
    client.post(trope_vote_url(scene), {"trope": "lingering", "vote": "agree"})
    client.post(trope_vote_url(scene), {"trope": "lingering", "vote": "none"})
    assert not SceneTrope.objects.filter(scene=scene).exists()


def test_disagreeing_with_a_trope_the_scene_lacks_gets_a_400_with_a_message(client, fan, scene):
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": "lingering", "vote": "disagree"})
    assert response.status_code == 400
    assert "not on this scene" in text(response)
    assert not SceneTrope.objects.filter(scene=scene).exists()


# What cannot be voted on


@pytest.mark.parametrize("slug", ["second-lead", "girl-initiated", "boy-initiated"])
def test_a_derived_trope_cannot_be_voted_on(client, fan, slug):
    scene = SceneFactory(hugger__gender="female", hugger__role="second_female_lead")
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": slug, "vote": "disagree"})
    assert response.status_code == 400
    assert "follows from the characters" in text(response)
    assert not TropeVote.objects.exists()


def test_agreeing_with_a_derived_trope_proposes_nothing(client, fan, scene):
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": "girl-initiated", "vote": "agree"})
    assert response.status_code == 400
    assert not SceneTrope.objects.filter(scene=scene).exists()


def test_an_unknown_trope_gets_a_400_with_a_message(client, fan, scene):
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": "no-such-trope", "vote": "agree"})
    assert response.status_code == 400
    assert "No trope by that name" in text(response)
    assert not SceneTrope.objects.filter(scene=scene).exists()


@pytest.mark.parametrize("slug", ["", "<script>", "comfort and joy"])
def test_a_trope_that_is_not_a_slug_gets_a_400(client, fan, scene, slug):
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": slug, "vote": "agree"})
    assert response.status_code == 400
    assert not SceneTrope.objects.filter(scene=scene).exists()


def test_an_unknown_trope_vote_gets_a_400_with_a_message(client, fan):
    scene = SceneFactory(tropes=["comfort"])
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "maybe"})
    assert response.status_code == 400
    assert "agree, disagree or none" in text(response)
    assert not TropeVote.objects.exists()


def test_trope_votes_on_a_pending_scene_are_a_404(client, fan):
    pending = SceneFactory(status="pending", published_at=None, tropes=["comfort"])
    client.force_login(fan)
    assert client.post(trope_vote_url(pending), {"trope": "comfort", "vote": "agree"}).status_code == 404


# Without and with JavaScript


def test_a_trope_vote_redirects_back_to_the_scenes_tropes(client, fan):
    scene = SceneFactory(tropes=["comfort"])
    client.force_login(fan)
    response = client.post(
        trope_vote_url(scene), {"trope": "comfort", "vote": "agree", "next": scene.get_absolute_url()}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{scene.get_absolute_url()}#tropes"


def test_an_htmx_trope_vote_answers_with_the_tropes_section_alone(client, fan):
    scene = SceneFactory(tropes=["comfort"])
    client.force_login(fan)
    response = client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "agree"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    page = text(response)
    assert "<html" not in page
    assert 'id="tropes"' in page
    assert "100% agree (1–0)" in page


def test_each_fan_counts_once_per_trope(client):
    scene = SceneFactory(tropes=["comfort"])
    fan = FanFactory()
    client.force_login(fan)
    for _ in range(TROPE_VOTES_TO_DECIDE):
        client.post(trope_vote_url(scene), {"trope": "comfort", "vote": "disagree"})
    assert scene_trope(scene, "comfort").disagree_count == 1
    assert "comfort" in public_slugs(scene)
