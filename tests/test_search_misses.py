"""Searches that found nothing: counted once per normalised query, shown to moderators as what is missing."""

import pytest

from scenes.models import SearchMiss
from scenes.search.misses import record_search_miss
from tests.factories import SceneFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/scenes/"


def misses():
    return dict(SearchMiss.objects.values_list("query", "count"))


def test_a_search_that_finds_nothing_is_counted_once_per_normalised_query(client):
    SceneFactory()
    client.get(LIST, {"q": "Secret Garden"})
    client.get(LIST, {"q": "  secret   GARDEN "})
    client.get(LIST, {"q": "Sécret-Garden"})
    assert misses() == {"secret garden": 3}
    miss = SearchMiss.objects.get()
    assert miss.last_seen >= miss.first_seen


def test_a_search_that_finds_something_is_not_counted(client):
    SceneFactory(setting="a rooftop")
    client.get(LIST, {"q": "rooftop"})
    assert misses() == {}


def test_searches_narrowed_by_other_filters_are_not_counted(client):
    SceneFactory(setting="a rooftop")
    client.get(LIST, {"q": "rooftop", "verdict": "awkward"})
    client.get(LIST, {"q": "garden", "trope": "comfort"})
    assert misses() == {}


@pytest.mark.parametrize("text", ["", "   ", "!!!", "a\x01b"])
def test_empty_and_invalid_searches_are_not_counted(client, text):
    client.get(LIST, {"q": text})
    assert misses() == {}


def test_a_long_search_is_stored_cut_short():
    record_search_miss("garden " * 100)
    (query,) = misses()
    assert len(query) <= SearchMiss.QUERY_MAX_LENGTH


def test_the_count_adds_up_when_recorded_repeatedly():
    for _ in range(3):
        record_search_miss("Goblin")
    assert misses() == {"goblin": 3}


def test_moderators_read_the_misses_most_wanted_first(client):
    record_search_miss("Goblin")
    for _ in range(4):
        record_search_miss("Crash Landing")
    client.force_login(UserFactory(username="helper", is_staff=True))
    response = client.get("/admin/scenes/searchmiss/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("crash landing") < html.index("goblin")
    assert "/admin/scenes/searchmiss/add/" not in html


def test_misses_cannot_be_added_or_edited_in_admin(client, moderator):
    miss = record_search_miss("Goblin")
    client.force_login(moderator)
    assert client.get("/admin/scenes/searchmiss/add/").status_code == 403
    response = client.post(f"/admin/scenes/searchmiss/{miss.pk}/change/", {"query": "edited", "count": 1})
    assert response.status_code == 403
    assert misses() == {"goblin": 1}


def test_fans_cannot_see_the_misses(client, fan):
    client.force_login(fan)
    assert client.get("/admin/scenes/searchmiss/").status_code == 302


def test_the_misses_list_takes_the_same_queries_for_1_or_30(client, moderator, django_assert_max_num_queries):
    client.force_login(moderator)
    record_search_miss("query 0")
    with django_assert_max_num_queries(12) as one:
        assert client.get("/admin/scenes/searchmiss/").status_code == 200
    for number in range(1, 30):
        record_search_miss(f"query {number}")
    with django_assert_max_num_queries(12) as thirty:
        assert client.get("/admin/scenes/searchmiss/").status_code == 200
    assert len(thirty) == len(one)
