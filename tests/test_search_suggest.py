"""Suggestions as a reader types in the header search: dramas, actors and tropes, as HTML or JSON."""

import pytest
from django.db import connection

from scenes.models import Trope
from tests.factories import ActorFactory, DramaFactory

pytestmark = pytest.mark.django_db

SUGGEST = "/search/suggest/"


def suggested(client, text, kind):
    response = client.get(SUGGEST, {"q": text, "format": "json"})
    assert response.status_code == 200
    return [item["label"] for item in response.json()[kind]]


@pytest.fixture
def catalogue():
    DramaFactory(title="The Heirs", slug="the-heirs", hangul_title="상속자들", other_titles="The Inheritors")
    DramaFactory(title="Boys Over Flowers", slug="boys-over-flowers", hangul_title="꽃보다 남자")
    ActorFactory(name="Lee Min-ho", slug="lee-min-ho", hangul_name="이민호")
    ActorFactory(name="Park Shin-hye", slug="park-shin-hye", hangul_name="박신혜")


@pytest.mark.parametrize("text", ["heirs", "The He", "상속", "inherit", "THE HEIRS"])
def test_dramas_are_suggested_by_any_title_and_a_start(client, catalogue, text):
    assert suggested(client, text, "dramas") == ["The Heirs"]


@pytest.mark.parametrize("text", ["Lee Min-ho", "lee minho", "leemin", "lee m", "이민", "LEE MIN HO"])
def test_actors_are_suggested_by_any_spelling(client, catalogue, text):
    assert suggested(client, text, "actors") == ["Lee Min-ho"]


@pytest.mark.parametrize("text", ["reluct", "captured", "capt", "짝사랑", "unrequited"])
def test_tropes_are_suggested_by_name_alias_and_hangul(client, text):
    labels = suggested(client, text, "tropes")
    assert len(labels) == 1
    assert labels[0] in {trope.name for trope in Trope.objects.all()}


def test_a_trope_found_by_name_and_alias_is_suggested_once(client):
    reluctant = Trope.objects.get(slug="reluctant")
    reluctant.aliases.create(name="reluctant hug", slug="reluctant-hug")
    assert suggested(client, "reluctant", "tropes") == [reluctant.name]


def test_json_is_also_chosen_by_the_accept_header(client, catalogue):
    response = client.get(SUGGEST, {"q": "heirs"}, HTTP_ACCEPT="application/json")
    assert response.json() == {
        "query": "heirs",
        "dramas": [{"label": "The Heirs", "hint": "상속자들 · 2013", "url": "/dramas/the-heirs/"}],
        "actors": [],
        "tropes": [],
    }


def test_the_html_partial_links_to_the_pages_and_to_the_full_search(client, catalogue):
    html = client.get(SUGGEST, {"q": "lee"}).content.decode()
    assert 'href="/actors/lee-min-ho/"' in html
    assert 'href="/scenes/?q=lee"' in html
    assert "이민호" in html


def test_nothing_is_suggested_for_nothing(client, catalogue):
    response = client.get(SUGGEST, {"q": "", "format": "json"})
    assert response.json() == {"query": "", "dramas": [], "actors": [], "tropes": []}
    assert b"suggestions__link" not in client.get(SUGGEST, {"q": "zzzzqqq"}).content


@pytest.mark.parametrize("text", ["a\x1fb", "x" * 5000, "' OR 1=1 --", '"', "*", "AND OR NOT", "(((", "a:*"])
def test_odd_input_never_fails(client, catalogue, text):
    assert client.get(SUGGEST, {"q": text}).status_code == 200
    assert client.get(SUGGEST, {"q": text, "format": "json"}).status_code == 200


def test_a_nul_character_is_refused_with_a_400(client, catalogue):
    assert client.get(SUGGEST, {"q": "\x00"}).status_code == 400


def test_suggestions_are_at_most_five_per_kind_in_one_query(client, django_assert_num_queries):
    for number in range(8):
        DramaFactory(title=f"Secret Garden {number}", slug=f"secret-garden-{number}")
    with django_assert_num_queries(1):
        labels = suggested(client, "secret", "dramas")
    assert len(labels) == 5


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Trigram similarity is PostgreSQL's (pg_trgm).")
def test_a_misspelt_name_is_still_suggested_on_postgresql(client, catalogue):
    assert suggested(client, "park shinhey", "actors") == ["Park Shin-hye"]


def test_suggestions_follow_edits(client, catalogue):
    from scenes.models import Actor, Drama

    actor = Actor.objects.get(slug="lee-min-ho")
    actor.name = "Lee Minho"
    actor.save()
    assert suggested(client, "lee minho", "actors") == ["Lee Minho"]
    Drama.objects.get(slug="boys-over-flowers").delete()
    assert suggested(client, "flowers", "dramas") == []


def test_every_page_has_the_search_box_wired_for_suggestions(client):
    html = client.get("/tropes/").content.decode()
    assert 'hx-get="/search/suggest/"' in html
    assert 'id="site-search-suggestions"' in html
    assert 'aria-controls="site-search-suggestions"' in html


def test_an_alias_moved_to_another_trope_suggests_the_new_one(client):
    alias = Trope.objects.get(slug="one-sided").aliases.get(name="unrequited")
    alias.trope = Trope.objects.get(slug="comfort")
    alias.save()
    assert suggested(client, "unrequited", "tropes") == [alias.trope.name]
