"""
Readers' pages from the response cache (edge/), and each freshness rule of README "Freshness of pages" as a reader
would notice it.
"""

import gzip

import pytest
from django.db import OperationalError, connection
from django.test import Client

from community import services
from edge import store
from edge.freshness import LIST_SECONDS
from scenes.moderation.decisions import merge_scene
from scenes.moderation.publishing import reject_scenes
from tests.community_factories import CommentFactory, DramaCommentFactory, FanFactory, comment_on
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


class Clock:
    """The edge's clock, moved on by hand (the pages' ages; nothing else of the site's time)."""

    def __init__(self, monkeypatch):
        self.now = 1_800_000_000.0
        monkeypatch.setattr(store, "now", lambda: self.now)

    def advance(self, seconds: float):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def served(response) -> str:
    return response["X-Edge-Cache"]


def text(response) -> str:
    return response.content.decode()


def test_a_second_anonymous_reader_gets_the_kept_page_without_a_database_query(
    client, scene, django_assert_num_queries
):
    first = client.get(scene.get_absolute_url())

    with django_assert_num_queries(0):
        second = Client().get(scene.get_absolute_url())

    assert (served(first), served(second)) == ("miss", "hit")
    assert second.content == first.content


def test_api_reads_are_kept_too(client, scene, django_assert_num_queries):
    client.get("/api/scenes/")

    with django_assert_num_queries(0):
        response = client.get("/api/scenes/")

    assert served(response) == "hit"
    assert response.json()["results"][0]["id"] == scene.pk


def test_a_signed_in_fan_never_gets_a_kept_page(client, scene, fan):
    Client().get(scene.get_absolute_url())
    client.force_login(fan)

    response = client.get(scene.get_absolute_url())

    assert "X-Edge-Cache" not in response
    assert fan.username in text(response)


def test_a_kept_page_holds_no_csrf_token_and_sets_no_cookie(client, scene):
    response = client.get(scene.get_absolute_url())

    assert "csrfmiddlewaretoken" not in text(response)
    assert "X-CSRFToken" not in text(response)
    assert not response.cookies


def test_a_page_with_a_form_for_anonymous_readers_is_never_kept(client):
    client.get("/accounts/login/")  # The reader has a CSRF cookie from now on.

    again = client.get("/accounts/login/")

    assert again.status_code == 200
    assert "X-Edge-Cache" not in again  # Its CSRF token is this reader's alone.
    assert again.cookies["csrftoken"]


def test_each_query_string_is_a_page_of_its_own(client):
    SceneFactory(tropes=["comfort"], setting="rooftop")
    SceneFactory(tropes=["reluctant"], setting="umbrella lane")

    comfort = client.get("/scenes/", {"trope": "comfort"})
    reluctant = client.get("/scenes/", {"trope": "reluctant"})

    assert "Rooftop" in text(comfort) and "Umbrella lane" not in text(comfort)
    assert "Umbrella lane" in text(reluctant) and served(reluctant) == "miss"


def test_kept_pages_are_kept_per_language(client, scene):
    Client().get("/api/scenes/", HTTP_ACCEPT_LANGUAGE="en")  # kept in English

    korean = client.get("/api/scenes/", HTTP_ACCEPT_LANGUAGE="ko")
    again = Client().get("/api/scenes/", HTTP_ACCEPT_LANGUAGE="ko")

    assert (served(korean), korean["Content-Language"]) == ("miss", "ko")
    assert (served(again), again["Content-Language"]) == ("hit", "ko")


def test_a_kept_english_page_is_never_handed_to_a_reader_whose_language_is_korean(client, scene):
    Client().get("/scenes/")  # kept in English

    korean = client.get("/scenes/", HTTP_ACCEPT_LANGUAGE="ko")
    korean_page = client.get(korean["Location"])

    assert korean.status_code == 302
    assert (served(korean_page), korean_page["Content-Language"]) == ("miss", "ko")
    assert '<html lang="ko">' in text(korean_page)


# ---- Freshness: a removal leaves every page at once ----


def test_a_comment_a_moderator_hides_leaves_the_scene_page_and_the_authors_profile_at_once(client, moderator):
    comment = CommentFactory(body="Something nobody should read")
    scene_page, profile = comment.scene.get_absolute_url(), f"/accounts/{comment.author.username}/"
    assert "Something nobody should read" in text(client.get(scene_page))
    assert "Something nobody should read" in text(client.get(profile))

    services.hide_comments(comments=type(comment).objects.filter(pk=comment.pk), moderator=moderator, reason="rude")

    assert "Something nobody should read" not in text(client.get(scene_page))
    assert "Something nobody should read" not in text(client.get(profile))


def test_a_rejected_scene_leaves_the_catalogue_and_its_own_page_at_once(client, moderator):
    scene = SceneFactory(setting="forbidden balcony")
    assert "Forbidden balcony" in text(client.get("/scenes/"))
    assert client.get(scene.get_absolute_url()).status_code == 200

    reject_scenes(scenes=[scene], moderator=moderator, reason="Not a back hug")

    assert "Forbidden balcony" not in text(client.get("/scenes/"))
    assert client.get(scene.get_absolute_url()).status_code == 404


def test_a_merged_duplicate_leads_to_the_scene_it_became_part_of_at_once(client, moderator):
    kept = SceneFactory()
    duplicate = SceneFactory(drama=kept.drama, hugger=kept.hugger, hugged=kept.hugged)
    assert client.get(duplicate.get_absolute_url()).status_code == 200

    merge_scene(duplicate=duplicate, into=kept, moderator=moderator)

    response = client.get(duplicate.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == kept.get_absolute_url()


def test_a_ban_makes_every_kept_page_out_of_date(client, scene, moderator):
    client.get("/")
    client.get(scene.get_absolute_url())

    services.ban_fan(fan=FanFactory(), moderator=moderator, reason="spam")

    assert served(client.get("/")) == "miss"
    assert served(client.get(scene.get_absolute_url())) == "miss"


def test_a_comment_deleted_in_the_admin_leaves_its_page_at_once(client):
    comment = CommentFactory(body="Posted by mistake")
    assert "Posted by mistake" in text(client.get(comment.scene.get_absolute_url()))

    comment.delete()

    assert "Posted by mistake" not in text(client.get(comment.scene.get_absolute_url()))


# ---- Freshness: a scene's own page and a fan's own view at once ----


def test_a_vote_shows_at_once_on_the_scenes_own_page(client, scene, fan):
    assert "<strong>0</strong> awesome" in text(client.get(scene.get_absolute_url()))

    services.cast_vote(scene=scene, fan=fan, verdict="awesome")

    assert "<strong>1</strong> awesome" in text(client.get(scene.get_absolute_url()))


def test_a_comment_shows_at_once_on_the_scene_page_and_in_the_api(client, scene, fan):
    client.get(scene.get_absolute_url())
    client.get(f"/api/scenes/{scene.pk}/comments/")

    comment_on(scene, author=fan, body="The umbrella tilt!")

    assert "The umbrella tilt!" in text(client.get(scene.get_absolute_url()))
    assert "The umbrella tilt!" in text(client.get(f"/api/scenes/{scene.pk}/comments/"))


def test_a_comment_on_a_drama_shows_at_once_on_the_dramas_page(client, fan):
    drama = DramaCommentFactory().drama
    client.get(drama.get_absolute_url())

    comment_on(drama, author=fan, body="Best second lead ever")

    assert "Best second lead ever" in text(client.get(drama.get_absolute_url()))


def test_a_fans_own_vote_shows_at_once_on_every_page_they_open(client, scene, fan):
    client.force_login(fan)
    client.get("/scenes/")

    client.post(f"/scenes/{scene.pk}/vote/", {"verdict": "awkward"})

    assert "You said <strong>awkward</strong>" in text(client.get(scene.get_absolute_url()))
    assert "<strong>1</strong> awkward" in text(client.get(scene.get_absolute_url()))


# ---- Freshness: counts on lists at most LIST_SECONDS old ----


def test_counts_on_the_catalogue_catch_up_within_ten_seconds(client, clock, scene, fan):
    client.get("/scenes/")
    services.cast_vote(scene=scene, fan=fan, verdict="awesome")

    clock.advance(LIST_SECONDS - 1)
    still_kept = client.get("/scenes/")
    clock.advance(1)
    caught_up = client.get("/scenes/")

    assert served(still_kept) == "hit"
    assert served(caught_up) == "miss"
    assert caught_up.context["page"].object_list[0].awesome_count == 1
    assert LIST_SECONDS == 10


def test_every_reader_page_but_a_scenes_own_is_kept_at_most_ten_seconds(client, clock, scene, fan):
    urls = ["/", "/scenes/", "/dramas/", scene.drama.get_absolute_url(), "/tropes/", "/tropes/comfort/", "/api/scenes/"]
    urls += [scene.hugger.actor.get_absolute_url(), "/actors/", f"/accounts/{fan.username}/", "/stats/"]
    urls += ["/help-classify/"]
    for url in urls:
        client.get(url)

    clock.advance(LIST_SECONDS)

    assert {url: served(client.get(url)) for url in urls} == dict.fromkeys(urls, "miss")


# ---- Freshness: a busy scene leaves the other pages alone ----


def test_a_stream_of_votes_on_one_scene_leaves_every_other_page_kept(client, scene):
    other = SceneFactory()
    urls = ["/", "/scenes/", "/tropes/", other.get_absolute_url(), other.drama.get_absolute_url()]
    for url in urls:
        client.get(url)

    for number in range(30):
        services.cast_vote(scene=scene, fan=FanFactory(), verdict="awesome" if number % 3 else "awkward")

    assert {url: served(client.get(url)) for url in urls} == dict.fromkeys(urls, "hit")
    assert served(client.get(scene.get_absolute_url())) == "miss"


# ---- Freshness: the last copy while the database is unreachable ----


def unreachable(execute, sql, params, many, context):
    raise OperationalError("could not connect to server: Connection refused")


def test_readers_get_the_last_kept_page_while_the_database_is_unreachable(clock, scene, fan):
    reader = Client(raise_request_exception=False)
    kept = reader.get(scene.get_absolute_url())
    services.cast_vote(scene=scene, fan=fan, verdict="awesome")  # The kept page is out of date now.
    clock.advance(3600)

    with connection.execute_wrapper(unreachable):
        response = reader.get(scene.get_absolute_url())

    assert response.status_code == 200
    assert served(response) == "stale"
    assert response.content == kept.content
    assert "s-maxage=0" in response["Cache-Control"]


def test_a_page_never_kept_is_still_an_error_while_the_database_is_unreachable(scene):
    reader = Client(raise_request_exception=False)

    with connection.execute_wrapper(unreachable):
        response = reader.get(scene.get_absolute_url())

    assert response.status_code >= 500


def test_pages_are_rendered_as_usual_when_the_shared_cache_fails(client, scene, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("the cache server is gone")

    monkeypatch.setattr(store, "find", broken)

    response = client.get(scene.get_absolute_url())

    assert response.status_code == 200
    assert scene.hugger.name in text(response)


# ---- HTTP caching ----


def test_an_anonymous_page_may_be_kept_briefly_by_shared_caches(client, scene):
    response = client.get(scene.get_absolute_url())

    control = response["Cache-Control"]
    assert "public" in control and "max-age=0" in control
    assert "s-maxage=2" in control and "stale-while-revalidate=" in control
    assert {"Cookie", "Accept-Encoding", "HX-Request"} <= {part.strip() for part in response["Vary"].split(",")}


def test_a_signed_in_page_is_kept_by_no_cache(client, scene, fan):
    client.force_login(fan)

    response = client.get(scene.get_absolute_url())

    assert response["Cache-Control"] == "private, no-store"
    assert "Cookie" in response["Vary"]


def test_a_reader_who_has_the_page_gets_304_with_no_body(client, scene):
    etag = client.get(scene.get_absolute_url())["ETag"]

    again = client.get(scene.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_a_reader_whose_copy_is_out_of_date_gets_the_new_page(client, scene, fan):
    etag = client.get(scene.get_absolute_url())["ETag"]
    services.cast_vote(scene=scene, fan=fan, verdict="awkward")

    again = client.get(scene.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 200
    assert again["ETag"] != etag


def test_browsers_that_accept_gzip_get_the_kept_page_compressed(client, scene):
    plain = client.get(scene.get_absolute_url())

    compressed = client.get(scene.get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert int(compressed["Content-Length"]) == len(compressed.content)


def test_a_kept_page_says_how_old_it_is(client, clock, scene):
    client.get("/scenes/")
    clock.advance(4)

    response = client.get("/scenes/")

    assert response["Age"] == "4"
    assert "s-maxage=2" in response["Cache-Control"]


def test_the_edge_counts_hits_and_misses_for_metrics(client, scene):
    before = store.counts()
    client.get(scene.get_absolute_url())
    client.get(scene.get_absolute_url())

    after = store.counts()

    assert after["miss"] - before["miss"] == 1
    assert after["hit"] - before["hit"] == 1
