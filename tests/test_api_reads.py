"""The read API: scenes with the catalogue's filters, dramas, actors, characters, tropes, comments, stats."""

import pytest
from django.core.cache import cache
from django.http import QueryDict

from community import services
from scenes.catalogue.filters import SceneFilter
from scenes.models import Scene
from tests.api_support import api_client, full_scene, new_fan
from tests.factories import ActorFactory, CharacterFactory, DramaFactory, SceneFactory, SceneImageFactory

pytestmark = pytest.mark.django_db


def get(url, status=200, **headers):
    response = api_client().get(url, **headers)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def ids(url):
    return [scene["id"] for scene in get(url)["results"]]


# Scenes


def test_a_scene_carries_its_drama_characters_tropes_verdict_and_absolute_urls(settings):
    scene = full_scene()
    body = get(f"/api/scenes/{scene.pk}/")
    assert body["id"] == scene.pk
    assert body["url"] == f"http://testserver/api/scenes/{scene.pk}/"
    assert body["web_url"] == f"http://testserver/scenes/{scene.pk}/"
    assert body["drama"]["slug"] == scene.drama.slug
    assert body["drama"]["url"] == f"http://testserver/api/dramas/{scene.drama.slug}/"
    assert body["hugger"]["name"] == scene.hugger.name
    assert body["hugger"]["actor"]["slug"] == scene.hugger.actor.slug
    assert body["hugged"]["role"] == "female_lead"
    assert body["timecode"] == "20:34"
    assert body["duration_seconds"] == 16
    assert [trope["slug"] for trope in body["tropes"]] == ["boy-initiated", "comfort"]
    assert body["verdict"] == {
        "awesome": 1,
        "awkward": 0,
        "awesome_share": 100,
        "awesome_score": pytest.approx(scene.awesome_score),
        "is_controversial": False,
    }
    assert body["comment_count"] == 1


def test_screenshots_have_absolute_urls_for_the_image_and_its_sizes():
    scene = full_scene()
    [screenshot] = get(f"/api/scenes/{scene.pk}/")["screenshots"]
    image = scene.images.get()
    assert screenshot["url"] == f"http://testserver{image.image.url}"
    assert screenshot["thumbnail_url"].startswith("http://testserver/")
    assert screenshot["alt_text"] == image.alt_text
    assert (screenshot["width"], screenshot["height"]) == (320, 180)
    assert screenshot["thumbnails"] == [{"url": f"http://testserver{image.image.url}", "width": 320}]
    assert screenshot["srcset"] == f"http://testserver{image.image.url} 320w"


def test_the_scene_list_shows_published_scenes_only():
    published = SceneFactory()
    SceneFactory(status=Scene.Status.PENDING, published_at=None)
    assert ids("/api/scenes/") == [published.pk]


def test_a_pending_scene_is_a_json_404():
    pending = SceneFactory(status=Scene.Status.PENDING, published_at=None)
    body = get(f"/api/scenes/{pending.pk}/", status=404)
    assert "no published back-hug scene" in body["detail"]


@pytest.mark.parametrize(
    "query",
    [
        "trope=comfort",
        "trope=comforting",  # an alias, as on the pages
        "exclude=comfort",
        "trope=girl-initiated",
        "drama=the-heirs",
        "verdict=awesome",
        "q=umbrella",
        "sort=story",
        "sort=awesome&exclude=lingering",
    ],
)
def test_scene_filters_give_the_same_scenes_as_the_catalogue_filterset(query):
    heirs = DramaFactory(slug="the-heirs")
    full_scene(drama=heirs)
    SceneFactory(tropes=["lingering"], setting="a rooftop", hugger__gender="female")
    SceneFactory(drama=heirs, description="Under an umbrella at night.")
    expected = SceneFilter(QueryDict(query), queryset=Scene.objects.published()).qs
    assert ids(f"/api/scenes/?{query}") == [scene.pk for scene in expected]


def test_invalid_filters_are_a_400_with_the_filtersets_own_messages():
    query = "drama=nowhere&trope=no-such-trope&sort=sideways"
    body = get(f"/api/scenes/?{query}", status=400)
    expected = SceneFilter(QueryDict(query), queryset=Scene.objects.all()).errors
    assert body["errors"] == {field: list(messages) for field, messages in expected.items()}
    assert "No drama by that name in the catalogue." in body["detail"]


def test_scene_pages_link_to_each_other_and_honour_page_size():
    scenes = [SceneFactory() for _ in range(5)]
    first = get("/api/scenes/?page_size=2")
    assert first["count"] == 5
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/scenes/?page=2&page_size=2"
    second = get(first["next"])
    assert second["previous"] == "http://testserver/api/scenes/?page_size=2"
    assert len(first["results"]) + len(second["results"]) == 4
    assert {scene.pk for scene in scenes} >= {s["id"] for s in first["results"] + second["results"]}


@pytest.mark.parametrize(
    ("query", "status", "field"),
    [("page=0", 400, "page"), ("page=two", 400, "page"), ("page_size=101", 400, "page_size"), ("page=7", 404, None)],
)
def test_bad_pages_are_json_errors(query, status, field):
    SceneFactory()
    body = get(f"/api/scenes/?{query}", status=status)
    assert list(body["errors"]) == ([field] if field else [])


# Dramas, actors, characters, tropes


def test_dramas_list_with_their_scene_counts():
    drama = DramaFactory(slug="the-heirs", other_titles="Heirs; The Inheritors")
    SceneFactory(drama=drama)
    [listed] = get("/api/dramas/")["results"]
    assert listed["slug"] == "the-heirs"
    assert listed["other_titles"] == ["Heirs", "The Inheritors"]
    assert listed["scene_count"] == 1
    assert listed["scenes_url"] == "http://testserver/api/scenes/?drama=the-heirs"


def test_a_drama_has_its_characters_and_numbers():
    scene = full_scene(drama=DramaFactory(slug="the-heirs"))
    body = get("/api/dramas/the-heirs/")
    assert {character["name"] for character in body["characters"]} == {scene.hugger.name, scene.hugged.name}
    assert body["stats"]["scenes"] == 1
    assert body["stats"]["awesome_votes"] == 1
    assert get("/api/dramas/nothing-here/", status=404)["detail"]


def test_an_actor_has_roles_and_back_hugs_given_and_received():
    scene = SceneFactory()
    actor = scene.hugger.actor
    body = get(f"/api/actors/{actor.slug}/")
    assert [role["drama"]["slug"] for role in body["roles"]] == [scene.drama.slug]
    assert (body["hugs_given"], body["hugs_received"]) == (1, 0)
    assert actor.slug in [listed["slug"] for listed in get("/api/actors/")["results"]]


def test_the_actor_list_gives_the_actor_index_search_order_and_counts():
    lee = ActorFactory(name="Lee Min-ho", slug="lee-min-ho", hangul_name="이민호")
    scene = SceneFactory(hugger__actor=lee)
    SceneFactory(drama=scene.drama, hugger=scene.hugger, hugged=scene.hugged)
    ActorFactory(name="Lee Idle", slug="lee-idle")  # in no back hug

    found = get("/api/actors/?q=leeminho")["results"]
    by_given = get("/api/actors/?in_back_hugs=true&sort=given")["results"]

    assert [(actor["slug"], actor["hugs_given"], actor["hugs_received"]) for actor in found] == [("lee-min-ho", 2, 0)]
    assert [actor["slug"] for actor in get("/api/actors/?q=이민호")["results"]] == ["lee-min-ho"]
    assert [actor["slug"] for actor in by_given] == ["lee-min-ho", scene.hugged.actor.slug]
    assert get("/api/actors/?sort=hugs", status=400)["errors"]["sort"]


def test_characters_filter_by_drama_with_the_catalogues_messages():
    heirs = DramaFactory(slug="the-heirs")
    CharacterFactory(drama=heirs, name="Kim Tan")
    CharacterFactory(name="Someone Else")
    assert [character["name"] for character in get("/api/characters/?drama=the-heirs")["results"]] == ["Kim Tan"]
    body = get("/api/characters/?drama=nowhere", status=400)
    assert body["errors"] == {"drama": ["No drama by that name in the catalogue."]}


def test_tropes_come_with_group_aliases_and_scene_counts():
    SceneFactory(tropes=["comfort"])
    body = get("/api/tropes/")
    assert body["next"] is None  # the whole taxonomy on one page
    comfort = next(trope for trope in body["results"] if trope["slug"] == "comfort")
    assert comfort["group"] == {"slug": "meaning", "name": "Meaning"}
    assert "solace" in comfort["aliases"]
    assert comfort["scene_count"] == 1
    assert get("/api/tropes/comfort/") == comfort
    assert get("/api/tropes/boy-initiated/")["scene_count"] == 1  # derived from the hugger


# Comments and stats


def test_comments_come_in_reading_order_with_removed_ones_as_placeholders():
    scene = SceneFactory()
    first = services.post_comment(author=new_fan("ana"), target=scene, body="First!")
    reply = services.post_comment(author=new_fan("bo"), target=scene, body="A reply.", parent=first)
    services.delete_comment(comment=first, author=first.author)
    hidden = services.post_comment(author=new_fan("cy"), target=scene, body="Rude words.")
    services.hide_comments(comments=type(hidden).objects.filter(pk=hidden.pk), moderator=new_fan("mod"))
    body = get(f"/api/scenes/{scene.pk}/comments/")
    assert [(c["id"], c["parent"], c["depth"]) for c in body["results"]] == [
        (first.pk, None, 0),
        (reply.pk, first.pk, 1),
        (hidden.pk, None, 0),
    ]
    placeholder, answer, removed = body["results"]
    assert (placeholder["author"], placeholder["body"], placeholder["removed"]) == (None, None, "deleted")
    assert (answer["author"], answer["body"], answer["removed"]) == ("bo", "A reply.", None)
    assert (removed["body"], removed["removed"]) == (None, "hidden")
    assert answer["web_url"] == f"http://testserver/scenes/{scene.pk}/#comment-{reply.pk}"


def test_stats_count_published_scenes_votes_and_tropes():
    scene = full_scene(drama=DramaFactory(slug="the-heirs", year=2013))
    SceneFactory(status=Scene.Status.PENDING, published_at=None)
    SceneImageFactory(scene=scene)
    body = get("/api/stats/")
    assert body["totals"]["scenes"] == 1
    assert body["totals"]["awesome_votes"] == 1
    assert body["totals"]["comments"] == 1
    assert {"slug": "the-heirs", "title": scene.drama.title, "hangul_title": "드라마", "year": 2013, "scenes": 1} | {
        "awesome_votes": 1,
        "awkward_votes": 0,
        "awesome_share": 100,
    } in body["dramas"]
    assert {"year": 2013, "scenes": 1, "girl_initiated": 0} in body["years"]
    assert next(trope for trope in body["tropes"] if trope["slug"] == "comfort")["scene_count"] == 1


def test_stats_are_counted_every_few_minutes_not_on_every_request(django_assert_max_num_queries):
    full_scene()
    first = get("/api/stats/")
    SceneFactory()
    with django_assert_max_num_queries(0):
        assert get("/api/stats/") == first  # Kept, as the stats page keeps its numbers.
    cache.clear()  # As when they expire.
    assert get("/api/stats/")["totals"]["scenes"] == 2


# Conditional GET


def test_reads_carry_an_etag_and_answer_304_while_nothing_changed(without_response_cache):
    scene = SceneFactory()
    client = api_client()
    response = client.get("/api/scenes/")
    etag = response["ETag"]
    again = client.get("/api/scenes/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    services.cast_vote(scene=scene, fan=new_fan("late-voter"), verdict="awkward")
    changed = client.get("/api/scenes/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


@pytest.mark.parametrize("path", ["/api/dramas/", "/api/tropes/comfort/", "/api/stats/", "/api/characters/"])
def test_every_read_has_an_etag(path):
    response = api_client().get(path)
    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert api_client().get(path, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
