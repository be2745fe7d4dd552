"""/help-classify/: where one more fan's vote matters most."""

import pytest

from community.services import TROPE_VOTES_TO_DECIDE
from tests.community_factories import give_verdicts, vote_on_trope
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


def sections(client):
    response = client.get("/help-classify/")
    assert response.status_code == 200
    return {name: list(response.context[name]) for name in ("few_votes", "split", "undecided_tropes")}


def settled_scene(**kwargs):
    """Plenty of fans, all of one mind, and no trope in question."""
    scene = SceneFactory(**kwargs)
    give_verdicts(scene, awesome=10)
    return scene


def test_the_page_explains_why_these_scenes_need_votes(client):
    response = client.get("/help-classify/")
    assert response.status_code == 200
    page = response.content.decode()
    for heading in ("Help classify", "Hardly anyone has voted", "Fans are split", "Tropes still undecided"):
        assert heading in page


def test_the_site_navigation_links_to_the_page(client):
    assert 'href="/help-classify/"' in client.get("/").content.decode()


def test_a_scene_with_few_votes_is_listed(client):
    lonely = SceneFactory(hugger__name="Lonely Hugger")
    give_verdicts(lonely, awesome=1)
    settled_scene()
    assert sections(client)["few_votes"] == [lonely]
    assert "Lonely Hugger" in client.get("/help-classify/").content.decode()


def test_scenes_with_the_fewest_votes_come_first(client):
    one_vote = SceneFactory()
    give_verdicts(one_vote, awkward=1)
    no_votes = SceneFactory()
    three_votes = SceneFactory()
    give_verdicts(three_votes, awesome=3)
    assert sections(client)["few_votes"] == [no_votes, one_vote, three_votes]


def test_a_scene_split_down_the_middle_is_listed(client):
    split = SceneFactory()
    give_verdicts(split, awesome=5, awkward=5)
    settled_scene()
    assert sections(client)["split"] == [split]


def test_a_scene_the_fans_agree_on_is_not_listed_as_split(client):
    """Nine of ten fans agreeing is a verdict, not a 50/50 split."""
    split = SceneFactory()
    give_verdicts(split, awesome=5, awkward=5)
    lopsided = SceneFactory()
    give_verdicts(lopsided, awesome=9, awkward=1)
    assert sections(client)["split"] == [split]


def test_a_scene_with_a_proposed_trope_awaiting_votes_is_listed(client):
    proposed = SceneFactory()
    vote_on_trope(proposed, "lingering", agree=1)
    settled_scene(tropes=["comfort"])
    assert sections(client)["undecided_tropes"] == [proposed]


def test_a_scene_whose_trope_fans_argue_over_evenly_is_listed(client):
    argued = SceneFactory(tropes=["comfort"])
    vote_on_trope(argued, "comfort", agree=2, disagree=2)
    assert sections(client)["undecided_tropes"] == [argued]


def test_a_scene_whose_trope_the_fans_settled_is_not_listed(client):
    accepted = SceneFactory()
    vote_on_trope(accepted, "lingering", agree=TROPE_VOTES_TO_DECIDE)
    rejected = SceneFactory(tropes=["comfort"])
    vote_on_trope(rejected, "comfort", disagree=TROPE_VOTES_TO_DECIDE)
    assert sections(client)["undecided_tropes"] == []


def test_a_settled_scene_appears_nowhere_on_the_page(client):
    settled = settled_scene(tropes=["comfort"], hugger__name="Settled Hugger")
    assert all(settled not in scenes for scenes in sections(client).values())
    assert "Settled Hugger" not in client.get("/help-classify/").content.decode()


def test_pending_scenes_are_never_listed(client):
    SceneFactory(status="pending", published_at=None)
    assert sections(client) == {"few_votes": [], "split": [], "undecided_tropes": []}


def test_an_empty_catalogue_says_every_scene_is_settled(client):
    page = client.get("/help-classify/").content.decode()
    assert "Every scene has plenty of votes." in page
    assert "No close calls right now." in page
    assert "Every trope is settled." in page


def test_the_page_lists_at_most_eight_scenes_per_section(client):
    SceneFactory.create_batch(10)
    assert len(sections(client)["few_votes"]) == 8
