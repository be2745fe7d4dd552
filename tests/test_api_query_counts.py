"""The API's lists make as many queries for 30 items as for 1."""

import pytest

from community import services
from tests.api_support import api_client, new_fan
from tests.caching import cold_cache
from tests.factories import CharacterFactory, DramaFactory, SceneFactory, SceneImageFactory

pytestmark = pytest.mark.django_db

TROPES = ["comfort", "lingering", "chin-on-shoulder", "welcomed"]


def fill(drama, count, *, offset=0):
    """``count`` more scenes of ``drama`` (and dramas), each with its characters, tropes, a screenshot, comments."""
    for number in range(offset, offset + count):
        DramaFactory()
        hugger = CharacterFactory(drama=drama)
        hugged = CharacterFactory(drama=drama, gender="female", role="female_lead")
        scene = SceneFactory(drama=drama, hugger=hugger, hugged=hugged, tropes=TROPES, episode=1 + number % 16)
        SceneImageFactory(scene=scene)
        reply_to = services.post_comment(
            author=new_fan(f"commenter{number}"), target=drama.scenes.order_by("pk").first(), body="!"
        )
        services.post_comment(author=new_fan(f"replier{number}"), target=reply_to.scene, body="?", parent=reply_to)


def queries_for(django_assert_max_num_queries, url, limit):
    cold_cache()  # A cold cache, as the first client after a deploy gets it.
    with django_assert_max_num_queries(limit) as captured:
        response = api_client().get(url)
    assert response.status_code == 200, response.content
    return len(captured), response.json()


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/api/scenes/?page_size=100", 8),
        ("/api/scenes/?trope=comfort&exclude=reluctant&q=umbrella&sort=awesome&page_size=100", 10),
        ("/api/dramas/", 4),
        ("/api/actors/?page_size=100", 4),
        ("/api/characters/?drama=the-heirs&page_size=100", 5),
        ("/api/tropes/", 12),
        ("/api/scenes/{scene}/comments/?page_size=100", 5),
        ("/api/stats/", 16),
    ],
)
def test_list_queries_stay_fixed_from_1_to_30_items(django_assert_max_num_queries, url, limit):
    drama = DramaFactory(slug="the-heirs")
    fill(drama, 1)
    url = url.format(scene=drama.scenes.order_by("pk").first().pk)
    with_one, body_one = queries_for(django_assert_max_num_queries, url, limit)
    fill(drama, 29, offset=1)
    with_thirty, body_thirty = queries_for(django_assert_max_num_queries, url, limit)
    assert with_thirty == with_one
    if "results" in body_one and "tropes" not in url:
        assert len(body_thirty["results"]) > len(body_one["results"])


@pytest.mark.parametrize("url", ["/api/scenes/{scene}/", "/api/dramas/the-heirs/", "/api/actors/{actor}/"])
def test_detail_queries_stay_fixed_however_much_hangs_under_an_item(django_assert_max_num_queries, url):
    drama = DramaFactory(slug="the-heirs")
    fill(drama, 1)
    scene = drama.scenes.order_by("pk").first()
    url = url.format(scene=scene.pk, actor=scene.hugger.actor.slug)
    with_one, _ = queries_for(django_assert_max_num_queries, url, 8)
    fill(drama, 29, offset=1)
    for _ in range(5):
        SceneImageFactory(scene=scene)
    with_thirty, _ = queries_for(django_assert_max_num_queries, url, 8)
    assert with_thirty == with_one
