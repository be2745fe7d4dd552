"""A signed-in fan's pages stay cheap: their own parts (vote, favourite, hidden tropes, spoiler progress) on top of
shared parts kept for everyone; at most FAN_PAGE_QUERIES queries on any page, whatever the catalogue's size."""

import pytest
from django.db import connection
from django.test import Client

from community.preferences.viewer import record_watch_progress, set_trope_hidden
from community.services import cast_vote, post_comment, set_favourite
from scenes.models import Trope
from tests.bulk_rows import add_a_million_rows
from tests.caching import cold_cache
from tests.community_factories import FanFactory
from tests.discovery_support import cast_for

pytestmark = pytest.mark.django_db

FAN_PAGE_QUERIES = 8


def catalogue(size: int):
    cast = cast_for(slug="the-heirs", episodes=16)
    lead, heroine = cast.him, cast.her
    scenes = [
        cast.scene(lead, heroine, episode=1 + number % 16, tropes=["comfort", "lingering"], image=True)
        for number in range(size)
    ]
    return cast.drama, scenes


def fan_with_a_life(drama, scene):
    """A fan who hides a trope, has watched part of the drama, voted, holds a favourite and commented."""
    fan = FanFactory(username="busyfan")
    set_trope_hidden(fan=fan, trope=Trope.objects.get(slug="reluctant"), hidden=True)
    record_watch_progress(fan=fan, drama=drama, last_episode=4)
    cast_vote(scene=scene, fan=fan, verdict="awesome")
    set_favourite(scene=scene, fan=fan, favourite=True)
    post_comment(author=fan, target=scene, body="Chin on the shoulder, every time.")
    return fan


def pages(drama, scene, fan):
    return [
        "/",
        "/scenes/",
        "/scenes/?trope=comfort&sort=awesome",
        "/scenes/?q=umbrella",
        "/scenes/?page=2",
        scene.get_absolute_url(),
        "/dramas/",
        drama.get_absolute_url(),
        scene.hugger.actor.get_absolute_url(),
        "/tropes/",
        "/tropes/comfort/",
        "/stats/",
        "/help-classify/",
        f"/accounts/{fan.username}/",
        "/me/preferences/",
        "/api/scenes/",
        f"/api/scenes/{scene.pk}/",
    ]


def queries_per_page(client, django_assert_max_num_queries, urls) -> dict:
    """Each page's queries for the fan once the shared parts are kept (as they are for a busy site's fans)."""
    cold_cache()
    counts = {}
    for url in urls:
        Client().get(url)  # Another reader was here first: the shared parts are kept.
        client.get(url)  # And so was this fan (their session is read once, then kept).
        with django_assert_max_num_queries(FAN_PAGE_QUERIES) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(captured)
    return counts


def test_a_fans_pages_cost_at_most_eight_queries(client, django_assert_max_num_queries):
    drama, scenes = catalogue(30)
    fan = fan_with_a_life(drama, scenes[0])
    client.force_login(fan)

    queries_per_page(client, django_assert_max_num_queries, pages(drama, scenes[0], fan))


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="A million rows in seconds needs PostgreSQL's set-based SQL"
)
def test_a_fans_pages_cost_the_same_queries_with_a_page_of_scenes_and_with_a_million_rows(
    client, django_assert_max_num_queries
):
    drama, scenes = catalogue(25)  # Two pages of the catalogue, so ?page=2 is there on both sides.
    fan = fan_with_a_life(drama, scenes[0])
    client.force_login(fan)
    urls = pages(drama, scenes[0], fan)
    with_one = queries_per_page(client, django_assert_max_num_queries, urls)

    added = add_a_million_rows(drama, scenes[0].hugger, scenes[0].hugged)
    with_a_million = queries_per_page(client, django_assert_max_num_queries, urls)

    assert added > 1_000_000
    assert with_a_million == with_one


def test_the_trope_guide_is_worked_out_once_for_every_fan_who_hides_the_same_tropes(django_assert_max_num_queries):
    drama, scenes = catalogue(6)
    cast_vote(scene=scenes[0], fan=FanFactory(), verdict="awesome")  # a best scene for its tropes
    first, second = Client(), Client()
    first.force_login(FanFactory(username="firstreader"))
    second.force_login(FanFactory(username="secondreader"))
    cold_cache()
    first.get("/tropes/")  # Works out the groups, tallies and each trope's best scenes.
    second.get("/tropes/")  # Reads the fan's session and hidden tropes once.

    with django_assert_max_num_queries(1) as captured:  # the fan's own: none of the guide's
        response = second.get("/tropes/")

    assert response.status_code == 200
    assert scenes[0].get_absolute_url() in response.content.decode()
    assert not [query for query in captured if "scenes_scene" in query["sql"]]
