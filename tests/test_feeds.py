"""Atom and RSS feeds of newly published scenes, filterable like the catalogue."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from scenes.models import Scene
from tests.discovery_support import cast_for, count_queries

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def catalogue():
    heirs = cast_for(slug="the-heirs", title="The Heirs", episodes=20)
    goblin = cast_for(slug="goblin", title="Goblin", episodes=16)
    now = timezone.now()
    heirs.old = heirs.scene(
        heirs.him, heirs.her, episode=2, tropes=["comfort"], published_at=now - datetime.timedelta(days=3)
    )
    heirs.new = heirs.scene(
        heirs.her, heirs.him, episode=5, tropes=["desire"], published_at=now - datetime.timedelta(days=1)
    )
    goblin.only = goblin.scene(
        goblin.him, goblin.her, episode=15, tropes=["comfort"], published_at=now, is_spoiler=True
    )
    heirs.pending = heirs.scene(heirs.him, heirs.her, status=Scene.Status.PENDING, published_at=None)
    return {"heirs": heirs, "goblin": goblin}


def atom(client, query=""):
    response = client.get(f"/feeds/scenes/{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own response, not untrusted input)


def rss(client, query=""):
    response = client.get(f"/feeds/scenes/rss/{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own response, not untrusted input)


def test_the_atom_feed_is_valid_atom_newest_scene_first(client, catalogue):
    feed = atom(client)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://testserver/feeds/scenes/"
    entries = feed.findall(f"{ATOM}entry")
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    goblin, heirs = catalogue["goblin"], catalogue["heirs"]
    assert links == [f"http://testserver{scene.get_absolute_url()}" for scene in (goblin.only, heirs.new, heirs.old)]
    for entry in entries:
        for required in ("id", "title", "updated", "published", "summary"):
            assert entry.find(f"{ATOM}{required}") is not None, required
        assert entry.find(f"{ATOM}id").text.startswith("http://testserver/scenes/")
        datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
    assert entries[1].find(f"{ATOM}title").text.endswith("The Heirs, episode 5")
    assert {category.get("term") for category in entries[1].findall(f"{ATOM}category")} >= {
        "Desire & attraction",
        "Girl-initiated",
    }


def test_the_rss_feed_is_valid_rss_2(client, catalogue):
    feed = rss(client)
    assert feed.tag == "rss" and feed.get("version") == "2.0"
    channel = feed.find("channel")
    for required in ("title", "link", "description"):
        assert channel.find(required).text, required
    items = channel.findall("item")
    assert len(items) == 3
    for item in items:
        assert item.find("title").text and item.find("link").text.startswith("http://testserver/scenes/")
        assert item.find("guid").text == item.find("link").text
        datetime.datetime.strptime(item.find("pubDate").text, "%a, %d %b %Y %H:%M:%S %z")


def test_feeds_filter_by_drama_and_trope_like_the_catalogue(client, catalogue):
    heirs, goblin = catalogue["heirs"], catalogue["goblin"]
    feed = atom(client, "?drama=the-heirs")
    assert feed.find(f"{ATOM}title").text == "tropedb: new back hugs in The Heirs"
    assert [
        entry.find(f"{ATOM}link").get("href").removeprefix("http://testserver")
        for entry in feed.findall(f"{ATOM}entry")
    ] == [
        heirs.new.get_absolute_url(),
        heirs.old.get_absolute_url(),
    ]
    channel = rss(client, "?trope=comfort").find("channel")
    assert channel.find("title").text == "tropedb: new back hugs tagged Comfort & solace"
    assert [item.find("link").text.removeprefix("http://testserver") for item in channel.findall("item")] == [
        goblin.only.get_absolute_url(),
        heirs.old.get_absolute_url(),
    ]
    assert len(atom(client, "?drama=goblin&trope=desire").findall(f"{ATOM}entry")) == 0


def test_a_scene_marked_as_a_spoiler_is_named_by_its_drama_and_episode_only_in_the_feed(client, catalogue):
    entries = atom(client).findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    summaries = [entry.find(f"{ATOM}summary").text for entry in entries]
    assert titles[0] == "A back hug in Goblin, episode 15 (spoiler)"
    assert summaries[0].startswith("Spoiler warning: it gives away a turn of the story.")
    assert catalogue["goblin"].only.description not in summaries[0]
    assert catalogue["goblin"].him.name not in titles[0] + summaries[0]
    assert [category.get("term") for category in entries[0].findall(f"{ATOM}category")] == []
    assert not summaries[1].startswith("Spoiler") and "→" in titles[1]


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?drama=no-such-drama", 404),
        ("?drama=<script>", 404),
        ("?trope=no-such-trope", 404),
        ("?year=abc", 400),
        ("?verdict=meh", 400),
    ],
)
def test_bad_filters_get_a_4xx_not_a_500(client, catalogue, query, status):
    assert client.get(f"/feeds/scenes/{query}").status_code == status
    assert client.get(f"/feeds/scenes/rss/{query}").status_code == status


def test_pages_link_to_the_feeds(client, catalogue):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in html and 'href="/feeds/scenes/"' in html
    assert 'type="application/rss+xml"' in html and 'href="/feeds/scenes/rss/"' in html
    assert 'href="/feeds/scenes/?drama=the-heirs"' in client.get("/dramas/the-heirs/").content.decode()


def test_feed_queries_stay_fixed_from_3_to_30_scenes(client, catalogue, django_assert_max_num_queries):
    with_three = count_queries(client, django_assert_max_num_queries, "/feeds/scenes/?trope=comfort", 8)
    heirs = catalogue["heirs"]
    for number in range(27):
        heirs.scene(heirs.him, heirs.her, episode=1 + number % 20, tropes=["comfort", "lingering"], image=True)
    assert count_queries(client, django_assert_max_num_queries, "/feeds/scenes/?trope=comfort", 8) == with_three
