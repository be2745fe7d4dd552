"""A page's database queries do not grow with the number of items on it."""

import pytest

from tests.caching import cold_cache
from tests.factories import CharacterFactory, DramaFactory, SceneFactory, SceneImageFactory, SceneSourceFactory

pytestmark = pytest.mark.django_db

TROPES = ["comfort", "lingering", "chin-on-shoulder", "welcomed"]


def fill(drama, count):
    hugger = CharacterFactory(drama=drama)
    hugged = CharacterFactory(drama=drama, gender="female", role="female_lead")
    for number in range(count):
        scene = SceneFactory(drama=drama, hugger=hugger, hugged=hugged, tropes=TROPES, episode=1 + number % 16)
        SceneImageFactory(scene=scene)
    return hugger


def queries_for(client, django_assert_max_num_queries, url, limit):
    cold_cache()  # Measure every page with a cold cache, as the first reader after a deploy gets it.
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/", 16),  # + back hug of the day (its count, its row) and the fans' splits, cards prefetched together
        ("/scenes/", 15),  # cold: its facet counts are the site stats, counted and kept in their snapshot
        ("/scenes/?trope=comfort&exclude=reluctant&q=umbrella", 14),  # + the ranked search over the index
        ("/dramas/", 4),
        ("/dramas/the-heirs/", 12),  # + the back-hug profile: totals, episode strip, two highlights
        ("/tropes/", 13),
        ("/tropes/comfort/", 10),
        ("/scenes/?drama=the-heirs&trope=girl-initiated&sort=story", 12),
    ],
)
def test_page_queries_stay_fixed_from_1_to_30_items(client, django_assert_max_num_queries, url, limit):
    drama = DramaFactory(slug="the-heirs")
    fill(drama, 1)
    with_one = queries_for(client, django_assert_max_num_queries, url, limit)
    fill(drama, 29)
    with_thirty = queries_for(client, django_assert_max_num_queries, url, limit)
    assert with_thirty == with_one


def test_scene_and_actor_pages_stay_fixed(client, django_assert_max_num_queries):
    drama = DramaFactory(slug="the-heirs")
    hugger = fill(drama, 1)
    scene = drama.scenes.first()
    urls = [scene.get_absolute_url(), hugger.actor.get_absolute_url()]
    SceneSourceFactory(scene=scene)
    # 10, + where the drama streams on the scene page, read once and then kept in the cache, + its sources.
    with_one = [queries_for(client, django_assert_max_num_queries, url, 12) for url in urls]
    fill(drama, 29)
    with_thirty = [queries_for(client, django_assert_max_num_queries, url, 12) for url in urls]
    # The scene page's "more from this drama" skips its prefetches while it is empty, hence <=.
    assert with_thirty[0] <= with_one[0] + 2
    assert with_thirty[1] == with_one[1]
