"""Awkward or awesome: a fan's verdict on a scene, the counts every scene shows, and the lists it sorts."""

import pytest
from django.db import IntegrityError, transaction

from community import scoring
from community.models import Vote
from tests.community_factories import FanFactory, VoteFactory, comment_on, give_verdicts, vote_url
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


def counts(scene):
    scene.refresh_from_db()
    return {"awesome": scene.awesome_count, "awkward": scene.awkward_count}


def text(response):
    return response.content.decode()


def listed(client, query):
    response = client.get(f"/scenes/?{query}")
    assert response.status_code == 200
    return list(response.context["page"].object_list)


# Casting, changing and retracting


def test_a_fan_finds_a_scene_awesome(client, fan, scene):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awesome"})
    assert response.status_code == 302
    assert counts(scene) == {"awesome": 1, "awkward": 0}
    assert Vote.objects.get(scene=scene, fan=fan).verdict == "awesome"


def test_a_fan_finds_a_scene_awkward(client, fan, scene):
    client.force_login(fan)
    client.post(vote_url(scene), {"verdict": "awkward"})
    assert counts(scene) == {"awesome": 0, "awkward": 1}


def test_second_vote_by_the_same_fan_replaces_the_first(client, fan, scene):
    client.force_login(fan)
    client.post(vote_url(scene), {"verdict": "awesome"})
    client.post(vote_url(scene), {"verdict": "awkward"})
    assert counts(scene) == {"awesome": 0, "awkward": 1}
    assert Vote.objects.filter(scene=scene, fan=fan).count() == 1


def test_voting_the_same_verdict_twice_counts_once(client, fan, scene):
    client.force_login(fan)
    client.post(vote_url(scene), {"verdict": "awesome"})
    client.post(vote_url(scene), {"verdict": "awesome"})
    assert counts(scene) == {"awesome": 1, "awkward": 0}


def test_verdict_none_takes_the_vote_back(client, fan, scene):
    client.force_login(fan)
    client.post(vote_url(scene), {"verdict": "awesome"})
    response = client.post(vote_url(scene), {"verdict": "none"})
    assert response.status_code == 302
    assert counts(scene) == {"awesome": 0, "awkward": 0}
    assert not Vote.objects.filter(scene=scene, fan=fan).exists()


def test_taking_back_a_vote_never_cast_changes_nothing(client, fan, scene):
    give_verdicts(scene, awesome=2)
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "none"})
    assert response.status_code == 302
    assert counts(scene) == {"awesome": 2, "awkward": 0}


def test_each_fan_counts_once(client, scene):
    for verdict in ("awesome", "awesome", "awkward"):
        client.force_login(FanFactory())
        client.post(vote_url(scene), {"verdict": verdict})
    assert counts(scene) == {"awesome": 2, "awkward": 1}


def test_the_database_refuses_a_second_vote_row_for_the_same_fan_and_scene(fan, scene):
    VoteFactory(scene=scene, fan=fan, verdict="awesome")
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(scene=scene, fan=fan, verdict="awkward")


def test_the_database_refuses_an_unknown_verdict(fan, scene):
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(scene=scene, fan=fan, verdict="meh")


# Bad votes


@pytest.mark.parametrize("verdict", ["meh", "AWESOME", "", "awesome ", "1"])
def test_an_unknown_verdict_gets_a_400_with_a_clear_message_and_stores_nothing(client, fan, scene, verdict):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": verdict})
    assert response.status_code == 400
    assert "awesome, awkward or none" in text(response) or "Pick a verdict" in text(response)
    assert not Vote.objects.exists()
    assert counts(scene) == {"awesome": 0, "awkward": 0}


def test_a_vote_without_a_verdict_gets_a_400_asking_for_one(client, fan, scene):
    client.force_login(fan)
    response = client.post(vote_url(scene), {})
    assert response.status_code == 400
    assert "Pick a verdict" in text(response)
    assert not Vote.objects.exists()


def test_a_bad_verdict_keeps_the_fans_earlier_vote(client, fan, scene):
    client.force_login(fan)
    client.post(vote_url(scene), {"verdict": "awkward"})
    client.post(vote_url(scene), {"verdict": "meh"})
    assert counts(scene) == {"awesome": 0, "awkward": 1}


def test_voting_on_a_pending_scene_is_a_404(client, fan):
    pending = SceneFactory(status="pending", published_at=None)
    client.force_login(fan)
    response = client.post(vote_url(pending), {"verdict": "awesome"})
    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_voting_on_a_rejected_scene_is_a_404(client, fan):
    rejected = SceneFactory(status="rejected", published_at=None)
    client.force_login(fan)
    assert client.post(vote_url(rejected), {"verdict": "awesome"}).status_code == 404


def test_voting_on_a_scene_that_does_not_exist_is_a_404(client, fan):
    client.force_login(fan)
    response = client.post("/scenes/999999/vote/", {"verdict": "awesome"})
    assert response.status_code == 404


def test_the_vote_address_only_takes_posts(client, fan, scene):
    client.force_login(fan)
    assert client.get(vote_url(scene)).status_code == 405


# What the scene page shows


def test_the_scene_page_shows_both_counts_and_the_share_of_awesome(client, scene):
    give_verdicts(scene, awesome=3, awkward=1)
    page = text(client.get(scene.get_absolute_url()))
    assert "<strong>3</strong> awesome" in page
    assert "<strong>1</strong> awkward" in page
    assert "<strong>75%</strong> awesome" in page


def test_a_scene_nobody_voted_on_says_so(client, scene):
    page = text(client.get(scene.get_absolute_url()))
    assert "No votes yet" in page
    assert "<strong>0</strong> awesome" in page


def test_a_split_scene_is_marked_controversial(client, scene):
    give_verdicts(scene, awesome=3, awkward=3)
    assert "Controversial" in text(client.get(scene.get_absolute_url()))


def test_a_one_sided_scene_is_not_marked_controversial(client, scene):
    give_verdicts(scene, awesome=6, awkward=1)
    assert "Controversial" not in text(client.get(scene.get_absolute_url()))


def test_a_split_among_few_fans_is_not_yet_controversial(client, scene):
    give_verdicts(scene, awesome=2, awkward=2)
    assert "Controversial" not in text(client.get(scene.get_absolute_url()))


def test_the_scene_page_shows_the_fans_own_verdict(client, fan, scene):
    client.force_login(fan)
    client.post(vote_url(scene), {"verdict": "awkward"})
    page = text(client.get(scene.get_absolute_url()))
    assert "You said <strong>awkward</strong>" in page
    assert "Take back my vote" in page


@pytest.mark.parametrize(
    ("awesome", "awkward", "controversial"),
    [
        (3, 3, True),  # 6 votes, 50%: the fewest votes that count as a real split
        (2, 2, False),  # 50% but only 4 fans
        (3, 2, False),  # 5 fans
        (7, 13, True),  # 35%: the low edge of the band
        (13, 7, True),  # 65%: the high edge
        (6, 14, False),  # 30%
        (14, 6, False),  # 70%
        (10, 0, False),
        (0, 0, False),
    ],
)
def test_controversial_means_at_least_six_votes_between_35_and_65_percent_awesome(awesome, awkward, controversial):
    assert scoring.is_controversial(awesome, awkward) is controversial


# Lists: filtering and sorting by verdict


def test_the_verdict_filter_lists_the_mostly_awesome_scenes(client):
    loved = SceneFactory()
    give_verdicts(loved, awesome=3, awkward=1)
    cringe = SceneFactory()
    give_verdicts(cringe, awesome=1, awkward=3)
    SceneFactory()  # nobody voted
    assert listed(client, "verdict=awesome") == [loved]


def test_the_verdict_filter_lists_the_mostly_awkward_scenes(client):
    loved = SceneFactory()
    give_verdicts(loved, awesome=3)
    cringe = SceneFactory()
    give_verdicts(cringe, awkward=2)
    assert listed(client, "verdict=awkward") == [cringe]


def test_an_unknown_verdict_filter_gets_a_400_with_a_message(client):
    response = client.get("/scenes/?verdict=meh")
    assert response.status_code == 400
    assert "awesome or awkward" in text(response)


def test_the_wilson_lower_bound_ranks_forty_of_fifty_above_two_of_two():
    """40 of 50 fans (80%) beats 2 of 2 (100%): a raw ratio would put the scene with two fans on top."""
    assert scoring.wilson_lower_bound(40, 50) > scoring.wilson_lower_bound(2, 2)
    assert 40 / 50 < 2 / 2


def test_the_awesome_sort_puts_forty_of_fifty_above_two_of_two(client):
    lucky = SceneFactory()
    give_verdicts(lucky, awesome=2)
    sure = SceneFactory()
    give_verdicts(sure, awesome=40, awkward=10)
    unvoted = SceneFactory()
    assert listed(client, "sort=awesome") == [sure, lucky, unvoted]


def test_the_awkward_sort_puts_the_surest_awkward_scene_first(client):
    awesome = SceneFactory()
    give_verdicts(awesome, awesome=5)
    barely = SceneFactory()
    give_verdicts(barely, awkward=1)
    cringe = SceneFactory()
    give_verdicts(cringe, awesome=1, awkward=12)
    assert listed(client, "sort=awkward") == [cringe, barely, awesome]


def test_the_controversial_sort_puts_the_many_split_fans_first(client):
    one_sided = SceneFactory()
    give_verdicts(one_sided, awesome=9)
    small_split = SceneFactory()
    give_verdicts(small_split, awesome=1, awkward=1)
    big_split = SceneFactory()
    give_verdicts(big_split, awesome=5, awkward=5)
    leaning = SceneFactory()
    give_verdicts(leaning, awesome=8, awkward=2)
    ranked = listed(client, "sort=controversial")
    assert ranked[0] == big_split
    assert ranked[-1] == one_sided
    assert set(ranked[1:3]) == {small_split, leaning}


def test_the_discussed_sort_puts_the_most_commented_scene_first(client):
    quiet = SceneFactory()
    talked_about = SceneFactory()
    for _ in range(3):
        comment_on(talked_about)
    some = SceneFactory()
    comment_on(some)
    assert listed(client, "sort=discussed") == [talked_about, some, quiet]


def test_an_unknown_sort_gets_a_400_with_a_message(client):
    response = client.get("/scenes/?sort=loudest")
    assert response.status_code == 400
    assert "Sort by" in text(response)


# Without and with JavaScript


def test_a_vote_from_the_scene_page_redirects_back_to_the_verdict(client, fan, scene):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awesome", "next": scene.get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"] == f"{scene.get_absolute_url()}#verdict"


def test_a_vote_from_a_list_goes_back_to_the_list_it_came_from(client, fan, scene):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awesome"}, HTTP_REFERER="http://testserver/scenes/?page=2")
    assert response.status_code == 302
    assert response["Location"].startswith("http://testserver/scenes/?page=2")


def test_a_vote_without_next_or_referer_goes_back_to_the_scene(client, fan, scene):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awesome"})
    assert response["Location"] == f"{scene.get_absolute_url()}#verdict"


def test_an_htmx_vote_answers_with_the_verdict_widget_alone(client, fan, scene):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awesome"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    page = text(response)
    assert "<html" not in page
    assert 'id="verdict"' in page
    assert "<strong>1</strong> awesome" in page
    assert "<strong>100%</strong> awesome" in page


def test_an_htmx_vote_with_a_bad_verdict_answers_with_a_message_but_not_a_whole_page(client, fan, scene):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "meh"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert "awesome, awkward or none" in text(response)
    assert "<html" not in text(response)
