"""Votes at volume: a vote moves the tallies by its difference, never counts the scene's votes again, and answers
with the widget alone."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community import scoring
from community.models import Vote
from community.services import cast_vote
from tests.community_factories import FanFactory, give_verdicts, vote_url

pytestmark = pytest.mark.django_db


def tallies(scene):
    scene.refresh_from_db()
    return (scene.awesome_count, scene.awkward_count)


def vote_queries(scene, fan, verdict):
    with CaptureQueriesContext(connection) as captured:
        cast_vote(scene=scene, fan=fan, verdict=verdict)
    return [query["sql"] for query in captured.captured_queries]


def test_a_vote_on_a_popular_scene_never_counts_its_votes_again(scene, fan):
    give_verdicts(scene, awesome=40, awkward=25)

    queries = vote_queries(scene, fan, "awesome")

    assert not [sql for sql in queries if "COUNT(" in sql.upper()]
    assert tallies(scene) == (41, 25)


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("awesome", "awkward", (5, 4)),  # changed: one down, one up
        ("awkward", "awesome", (6, 3)),
        ("awesome", None, (5, 3)),  # taken back: one down
        ("awkward", None, (5, 3)),
        ("awesome", "awesome", (6, 3)),  # the same again: nothing moves
    ],
)
def test_a_changed_or_retracted_vote_moves_the_tallies_by_its_difference(scene, fan, first, then, expected):
    give_verdicts(scene, awesome=5, awkward=3)
    cast_vote(scene=scene, fan=fan, verdict=first)

    cast_vote(scene=scene, fan=fan, verdict=then)

    assert tallies(scene) == expected
    assert tallies(scene) == (
        Vote.objects.filter(scene=scene, verdict="awesome").count(),
        Vote.objects.filter(scene=scene, verdict="awkward").count(),
    )


def test_the_scores_follow_the_moved_tallies(scene, fan):
    give_verdicts(scene, awesome=9, awkward=10)

    cast_vote(scene=scene, fan=fan, verdict="awesome")

    scene.refresh_from_db()
    assert scene.awesome_score == pytest.approx(scoring.wilson_lower_bound(10, 20))
    assert scene.awkward_score == pytest.approx(scoring.wilson_lower_bound(10, 20))
    assert scene.controversy == pytest.approx(scoring.controversy(10, 10))


def test_the_htmx_answer_to_a_vote_is_the_widget_alone_in_a_few_queries(
    client, scene, fan, django_assert_max_num_queries
):
    give_verdicts(scene, awesome=3)
    client.force_login(fan)

    with django_assert_max_num_queries(12):
        response = client.post(vote_url(scene), {"verdict": "awkward"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section class="verdict" id="verdict"')
    assert "<strong>1</strong> awkward" in html and "You said <strong>awkward</strong>" in html
    assert "<html" not in html and "site-header" not in html


def test_the_json_answer_to_a_vote_is_the_new_tallies_alone(client, scene, fan):
    give_verdicts(scene, awesome=2)
    client.force_login(fan)

    response = client.post(f"/api/scenes/{scene.pk}/vote/", {"verdict": "awesome"}, content_type="application/json")

    assert response.status_code == 200
    assert response.json() == {
        "verdict": "awesome",
        "awesome": 3,
        "awkward": 0,
        "awesome_share": 100,
        "is_controversial": False,
    }


def test_many_fans_changing_their_minds_leave_tallies_equal_to_the_votes(scene):
    fans = [FanFactory() for _ in range(12)]
    for number, fan in enumerate(fans):
        cast_vote(scene=scene, fan=fan, verdict="awesome" if number % 2 else "awkward")
    for number, fan in enumerate(fans):
        cast_vote(scene=scene, fan=fan, verdict=[None, "awesome", "awkward"][number % 3])

    assert tallies(scene) == (
        Vote.objects.filter(scene=scene, verdict="awesome").count(),
        Vote.objects.filter(scene=scene, verdict="awkward").count(),
    )
