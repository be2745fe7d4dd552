"""Public pages as a reader sees them."""

import html
import re
from urllib.parse import urljoin

import pytest
from django.db import DatabaseError

from tests.factories import ActorFactory, CharacterFactory, DramaFactory, SceneFactory, SceneImageFactory

pytestmark = pytest.mark.django_db


def page_text(response):
    return response.content.decode()


def test_front_page_shows_featured_and_latest_scenes(client):
    featured = SceneFactory(is_featured=True, hugger__name="Kim Tan")
    SceneFactory(hugger__name="Choi Young-do")
    response = client.get("/")
    assert response.status_code == 200
    assert list(response.context["featured"]) == [featured]
    assert "Awkward" in page_text(response) and "awesome" in page_text(response)
    assert "Choi Young-do" in page_text(response)


def test_scene_page_shows_who_hugs_whom_tropes_and_screenshot(client):
    scene = SceneFactory(
        hugger__name="Kim Tan",
        hugger__actor__name="Lee Min-ho",
        hugged__name="Cha Eun-sang",
        line_korean="가지 마",
        line_english="Don't go.",
        tropes=["reluctant"],
    )
    SceneImageFactory(scene=scene, alt_text="He holds her from behind in the hallway")
    text = page_text(client.get(scene.get_absolute_url()))
    for expected in ("Kim Tan", "Lee Min-ho", "Cha Eun-sang", "가지 마", "Don&#x27;t go.", "Reluctant / captured"):
        assert expected in text
    assert 'alt="He holds her from behind in the hallway"' in text
    assert "Boy-initiated" in text


def test_a_pending_scene_is_hidden_from_readers_but_shown_to_its_submitter(client, fan):
    scene = SceneFactory(status="pending", published_at=None, submitted_by=fan)
    assert client.get(scene.get_absolute_url()).status_code == 404
    client.force_login(fan)
    response = client.get(scene.get_absolute_url())
    assert response.status_code == 200
    assert "only you and the moderators can see it" in page_text(response)


@pytest.mark.parametrize("url", ["/scenes/999999/", "/dramas/no-such-drama/", "/actors/nobody/", "/tropes/no-trope/"])
def test_missing_things_get_a_404_in_the_sites_design(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "This back hug slipped away" in page_text(response)
    assert "tropedb" in page_text(response)


def test_drama_page_lists_characters_with_actors_and_scenes(client):
    drama = DramaFactory(title="The Heirs", slug="the-heirs", episodes=20, network="SBS", year=2013)
    tan = CharacterFactory(drama=drama, name="Kim Tan", actor=ActorFactory(name="Lee Min-ho", hangul_name="이민호"))
    eun_sang = CharacterFactory(drama=drama, name="Cha Eun-sang", gender="female", role="female_lead")
    SceneFactory(drama=drama, hugger=tan, hugged=eun_sang, description="In the school hallway.")
    SceneFactory(drama=drama, hugger=eun_sang, hugged=tan, description="On the rooftop.")
    response = client.get("/dramas/the-heirs/")
    text = page_text(response)
    assert response.status_code == 200
    for expected in ("Kim Tan", "Lee Min-ho", "이민호", "Cha Eun-sang", "2013", "SBS", "20 episodes"):
        assert expected in text
    assert response.context["stats"]["scenes"] == 2
    assert response.context["stats"]["girl_initiated_share"] == 50


def test_drama_list_counts_published_scenes(client):
    drama = DramaFactory(title="Love Rain")
    SceneFactory.create_batch(2, drama=drama)
    SceneFactory(drama=drama, status="pending", published_at=None)
    DramaFactory(title="Quiet Drama")
    response = client.get("/dramas/")
    assert [(d.title, d.scene_count) for d in response.context["page"]] == [("Love Rain", 2), ("Quiet Drama", 0)]
    assert "2 back hugs" in page_text(response) and "0 back hugs" in page_text(response)


def test_the_drama_list_comes_in_pages_by_title(client, settings):
    settings.DRAMAS_PER_PAGE = 2
    for title in ("Goblin", "Another Miss Oh", "Coffee Prince", "Boys Over Flowers", "Descendants of the Sun"):
        DramaFactory(title=title)
    first = client.get("/dramas/")
    assert [d.title for d in first.context["page"]] == ["Another Miss Oh", "Boys Over Flowers"]
    assert "5 dramas and their back hugs, by title: page 1 of 3." in page_text(first)
    second = follow(client, "/dramas/", first, "next")
    assert [d.title for d in second.context["page"]] == ["Coffee Prince", "Descendants of the Sun"]
    assert [d.title for d in follow(client, "/dramas/", second, "next").context["page"]] == ["Goblin"]
    assert follow(client, "/dramas/", second, "prev").context["page"].number == 1


def follow(client, path, response, rel):
    """Click the page's "next" or "prev" link, as a browser resolves it against ``path``."""
    [href] = re.findall(rf'<a rel="{rel}" href="([^"]*)"', response.content.decode())
    return client.get(urljoin(f"http://testserver{path}", html.unescape(href)))


@pytest.mark.parametrize("path", ["/scenes/", "/tropes/comfort/"])
def test_the_next_page_link_keeps_the_filters(client, settings, path):
    settings.SCENES_PER_PAGE = 2
    scenes = [SceneFactory(description="Under the umbrella.", tropes=["comfort"]) for _ in range(3)]
    SceneFactory(description="No umbrella here.")
    query = "?q=under&sort=new" if path == "/scenes/" else ""
    first = client.get(path + query)
    second = follow(client, path + query, first, "next")
    assert second.context["page"].number == 2
    assert list(second.context["page"].object_list) == [scenes[0]]
    if query:
        assert second.wsgi_request.GET["q"] == "under"


@pytest.mark.parametrize(
    ("page", "status", "message"),
    [
        ("two", 400, "The page must be a whole number"),
        ("0", 400, "Pages are numbered from 1."),
        ("9", 404, "There is no page 9"),
    ],
)
def test_a_bad_drama_list_page_gets_a_message(client, page, status, message):
    DramaFactory()
    response = client.get("/dramas/", {"page": page})
    assert response.status_code == status
    assert message in page_text(response)


def test_actor_page_separates_hugs_given_and_received(client):
    actor = ActorFactory(slug="park-shin-hye", name="Park Shin-hye")
    given = SceneFactory(hugger__actor=actor)
    received = SceneFactory(hugged__actor=actor)
    response = client.get("/actors/park-shin-hye/")
    assert list(response.context["given"]) == [given]
    assert list(response.context["received"]) == [received]


def test_trope_guide_explains_each_group_with_counts(client):
    SceneFactory(tropes=["comfort"])
    text = page_text(client.get("/tropes/"))
    for expected in ("Classification", "Meaning", "Anatomy", "Consent", "Comfort &amp; solace", "Chin on the shoulder"):
        assert expected in text


def test_trope_page_lists_its_scenes(client):
    comforting = SceneFactory(tropes=["comfort"], hugger__name="Seo In-ha")
    SceneFactory(hugger__name="Someone Else")
    response = client.get("/tropes/comfort/")
    assert list(response.context["page"].object_list) == [comforting]
    assert "Seo In-ha" in page_text(response)


def test_a_derived_trope_page_lists_scenes_from_the_characters(client):
    hers = SceneFactory(hugger__gender="female")
    SceneFactory()
    response = client.get("/tropes/girl-initiated/")
    assert list(response.context["page"].object_list) == [hers]


def test_an_alias_redirects_to_the_canonical_trope_page(client):
    response = client.get("/tropes/captured/")
    assert response.status_code == 301
    assert response["Location"] == "/tropes/reluctant/"


def test_trope_page_with_a_bad_page_number_explains_itself(client):
    response = client.get("/tropes/comfort/", {"page": "two"})
    assert response.status_code == 400
    assert "The page must be a whole number" in page_text(response)


def test_catalogue_facets_count_tropes_and_keep_exclusions_removable(client):
    SceneFactory(tropes=["comfort", "lingering"])
    SceneFactory(tropes=["comfort", "reluctant"])
    response = client.get("/scenes/", {"trope": "comfort", "exclude": "reluctant"})
    facets = {facet.trope.slug: facet for group in response.context["facet_groups"] for facet in group.facets}
    assert facets["comfort"].state == "included" and facets["comfort"].count == 1
    assert facets["reluctant"].state == "excluded"
    assert facets["reluctant"].remove_url == "?trope=comfort"
    assert facets["lingering"].include_url == "?trope=comfort&trope=lingering&exclude=reluctant"
    assert "?trope=comfort&amp;trope=lingering&amp;exclude=reluctant" in page_text(response)


def test_a_filtered_catalogue_counts_its_facets_once_until_a_scene_changes(
    client, django_assert_max_num_queries, without_response_cache
):
    def facets():
        response = client.get("/scenes/", {"trope": "comfort"})
        return {facet.trope.slug: facet.count for group in response.context["facet_groups"] for facet in group.facets}

    def counting(captured):
        return [query for query in captured if "GROUP BY" in query["sql"] or "FILTER (WHERE" in query["sql"]]

    SceneFactory(tropes=["comfort"])
    with django_assert_max_num_queries(20) as first:
        assert facets()["comfort"] == 1
    with django_assert_max_num_queries(20) as again:
        assert facets()["comfort"] == 1
    assert len(counting(first.captured_queries)) == 2  # Attached and derived tropes.
    assert counting(again.captured_queries) == []  # Kept.
    other = SceneFactory(tropes=["comfort", "lingering"])
    assert (facets()["comfort"], facets()["lingering"]) == (2, 1)
    other.delete()
    assert facets()["comfort"] == 1 and "lingering" not in facets()


def test_facet_links_drop_the_page_number(client):
    SceneFactory(tropes=["comfort"])
    response = client.get("/scenes/", {"page": "1"})
    facets = {facet.trope.slug: facet for group in response.context["facet_groups"] for facet in group.facets}
    assert facets["comfort"].include_url == "?trope=comfort"


def test_write_methods_are_refused_on_read_only_pages(client):
    assert client.post("/scenes/").status_code in (403, 405)
    assert client.delete("/dramas/").status_code == 405


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_fails_when_the_database_is_unreachable(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"
