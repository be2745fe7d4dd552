"""/actors/: every actor in a published back hug, what they give and receive, by name or by hugs, searchable."""

import re

import pytest
from django.test import Client

from scenes.models import Scene
from scenes.moderation.publishing import publish_scenes
from tests.discovery_support import cast_for, count_queries
from tests.factories import ActorFactory, CharacterFactory, SceneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """
    The Heirs: Lee Min-ho hugs Park Shin-hye twice and is hugged by her once; Kim Woo-bin hugs her once.
    Goblin: Lee Min-ho is not in it, Gong Yoo hugs Kim Go-eun. An actor in a pending scene only, and one a
    fan added who waits with a submission, are not listed.
    """
    heirs = cast_for(title="The Heirs", slug="the-heirs", hangul_title="상속자들", year=2013)
    goblin = cast_for(title="Goblin", slug="goblin", hangul_title="도깨비", year=2016)
    names = {
        heirs.him: ("Lee Min-ho", "이민호"),
        heirs.her: ("Park Shin-hye", "박신혜"),
        heirs.second_him: ("Kim Woo-bin", "김우빈"),
        goblin.him: ("Gong Yoo", "공유"),
        goblin.her: ("Kim Go-eun", "김고은"),
        goblin.second_him: ("Yook Sung-jae", "육성재"),
    }
    for character, (name, hangul) in names.items():
        actor = character.actor
        actor.name, actor.hangul_name, actor.slug = name, hangul, name.lower().replace(" ", "-")
        actor.save()
    heirs.scene(heirs.him, heirs.her)
    heirs.scene(heirs.him, heirs.her, episode=2)
    heirs.scene(heirs.her, heirs.him, episode=5)
    heirs.scene(heirs.second_him, heirs.her, episode=7)
    goblin.scene(goblin.him, goblin.her)
    goblin.scene(goblin.second_him, goblin.her, status=Scene.Status.PENDING, published_at=None)
    waiting = CharacterFactory(drama=goblin.drama, actor=ActorFactory(name="Waiting Actor", is_confirmed=False))
    goblin.scene(waiting, goblin.her, status=Scene.Status.PENDING, published_at=None)
    return heirs, goblin


def cards(html: str) -> list[str]:
    return re.findall(r'<li class="card actor-card">(.*?)</li>', html, re.S)


def names_listed(html: str) -> list[str]:
    return re.findall(r'class="actor-card__name"><a href="[^"]+" lang="[^"]+">([^<]+)</a>', html)


def test_the_actor_index_lists_every_actor_in_a_published_back_hug_by_name(client, cast):
    response = client.get("/actors/")

    assert response.status_code == 200  # a 404 before the index existed
    html = response.content.decode()
    assert names_listed(html) == ["Gong Yoo", "Kim Go-eun", "Kim Woo-bin", "Lee Min-ho", "Park Shin-hye"]
    assert "5 actors give or receive a catalogued back hug." in html


def test_each_actor_shows_the_hangul_name_hugs_given_and_received_and_the_dramas(client, cast):
    html = client.get("/actors/").content.decode()
    lee = next(card for card in cards(html) if "Lee Min-ho" in card)

    assert 'href="/actors/lee-min-ho/"' in lee and '<span class="actor-card__hangul" lang="ko">이민호</span>' in lee
    assert "<strong>2</strong> back hugs given · <strong>1</strong> received" in lee
    assert '<a href="/dramas/the-heirs/">The Heirs</a> (2013)' in lee and "Goblin" not in lee


def test_the_index_sorts_by_back_hugs_given_or_received(client, cast):
    given = names_listed(client.get("/actors/?sort=given").content.decode())
    received = names_listed(client.get("/actors/?sort=received").content.decode())

    # Lee gives 2; Park, Gong Yoo and Kim Woo-bin give 1, and Park receives 3 (ties go to more received, then name).
    assert given == ["Lee Min-ho", "Park Shin-hye", "Gong Yoo", "Kim Woo-bin", "Kim Go-eun"]
    assert received[:3] == ["Park Shin-hye", "Lee Min-ho", "Kim Go-eun"]


@pytest.mark.parametrize("spelling", ["Lee Min-ho", "lee minho", "LEE MIN HO", "leeminho", "이민호", "iminho", "lee m"])
def test_the_search_forgives_romanisation_like_the_sites_search(client, cast, spelling):
    html = client.get("/actors/", {"q": spelling}).content.decode()

    assert names_listed(html) == ["Lee Min-ho"]
    assert "1 actor named" in html


def test_a_search_that_finds_nobody_says_so_and_leads_back_to_every_actor(client, cast):
    response = client.get("/actors/", {"q": "Song Joong-ki"})

    assert response.status_code == 200
    html = response.content.decode()
    assert names_listed(html) == []
    assert "No actor named “Song Joong-ki” has a catalogued back hug." in html
    assert 'see <a href="/actors/">every actor</a>' in html


def test_the_index_comes_in_pages_and_the_next_page_keeps_the_search(client, cast, settings):
    settings.ACTORS_PER_PAGE = 2
    first = client.get("/actors/", {"q": "kim", "sort": "name"}).content.decode()
    second = client.get("/actors/", {"q": "kim", "sort": "name", "page": "2"})

    assert names_listed(first) == ["Kim Go-eun", "Kim Woo-bin"]
    assert second.status_code == 404 and "There is no page 2" in second.content.decode()
    settings.ACTORS_PER_PAGE = 1
    page = client.get("/actors/", {"q": "kim", "sort": "given"}).content.decode()
    assert names_listed(page) == ["Kim Woo-bin"] and "Page 1 of 2." in page
    assert 'href="?q=kim&amp;sort=given&amp;page=2"' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [({"sort": "hugs"}, "Sort by name, given or received."), ({"q": "x" * 201}, "at most 200 characters")],
)
def test_a_bad_order_or_search_gets_a_400_with_a_message(client, cast, query, message):
    response = client.get("/actors/", query)

    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_index_is_linked_from_the_footer_and_from_actor_pages_and_in_the_sitemap(client, cast):
    heirs, _goblin = cast
    footer = re.search(r'<footer class="site-footer">.*?</footer>', client.get("/").content.decode(), re.S).group(0)
    actor_page = client.get(heirs.him.actor.get_absolute_url()).content.decode()
    sitemap = client.get("/sitemap-pages.xml").content.decode()

    assert 'href="/actors/"' in footer
    assert '<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/actors/">Actors</a>' in actor_page
    assert "<loc>http://testserver/actors/</loc>" in sitemap


def test_a_korean_reader_sees_the_hangul_names_first(client, cast):
    html = Client().get("/ko/actors/").content.decode()
    lee = next(card for card in cards(html) if "이민호" in card)

    assert 'lang="ko">이민호</a> <span class="actor-card__hangul" lang="en">Lee Min-ho</span>' in lee
    assert "상속자들 (The Heirs)" in lee


def test_the_index_is_kept_for_anonymous_readers_like_the_other_lists(client, cast, django_assert_num_queries):
    first = client.get("/actors/?q=kim")

    with django_assert_num_queries(0):
        second = Client().get("/actors/?q=kim")

    assert (first["X-Edge-Cache"], second["X-Edge-Cache"]) == ("miss", "hit")


def test_an_actor_shows_on_the_kept_index_once_a_moderator_publishes_their_first_back_hug(client, cast, moderator):
    client.get("/actors/")
    waiting = SceneFactory(
        hugger__actor=ActorFactory(name="Ahn Hyo-seop", slug="ahn-hyo-seop"),
        status=Scene.Status.PENDING,
        published_at=None,
    )
    assert "Ahn Hyo-seop" not in names_listed(Client().get("/actors/").content.decode())

    publish_scenes(scenes=[waiting], moderator=moderator)

    assert "Ahn Hyo-seop" in names_listed(Client().get("/actors/").content.decode())


def test_the_index_costs_three_queries_for_a_few_actors_or_many(client, django_assert_max_num_queries):
    few = cast_for()
    few.scene(few.him, few.her)
    with_few = count_queries(client, django_assert_max_num_queries, "/actors/", 3)
    for _number in range(20):
        more = cast_for()
        more.scene(more.him, more.her)
        more.scene(more.second_him, more.her)
        more.scene(more.her, more.him)

    assert count_queries(client, django_assert_max_num_queries, "/actors/", 3) == with_few
    assert count_queries(client, django_assert_max_num_queries, "/actors/?q=actor&sort=given", 3) == with_few


def test_the_search_forms_help_and_errors_are_the_ones_its_fields_point_to(client, cast):
    html = client.get("/actors/", {"q": "lee", "sort": "hugs"}).content.decode()
    pointed = {name for names in re.findall(r'aria-describedby="([^"]+)"', html) for name in names.split()}
    ids = set(re.findall(r'\bid="([^"]+)"', html))

    assert {"id_q_helptext", "id_sort_error"} <= pointed
    assert pointed <= ids
