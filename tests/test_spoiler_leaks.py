"""A spoiler gives nothing away where it cannot blur: a scene page's title, heading, description and Open Graph
tags, the stats page's charts, a drama's superlatives, the feeds and the API say which scenes are spoilers and name
them by drama and episode only, to the readers whose cards blur them."""

import re

import pytest
from django.core.cache import cache

from community.preferences.viewer import record_watch_progress, set_show_spoilers
from scenes.models import Scene
from scenes.stats import numbers as stats
from tests.discovery_support import cast_for, set_tallies

pytestmark = pytest.mark.django_db

NEUTRAL = "A back hug in Twist, episode 15 (spoiler)"


@pytest.fixture
def twist():
    """A drama whose episode-15 back hug (marked as a spoiler) gives its ending away."""
    cast = cast_for(slug="twist", title="Twist", episodes=16)
    cast.him.name, cast.her.name = "Secret Brother", "Lost Sister"
    cast.him.save(), cast.her.save()
    cast.reveal = cast.scene(
        cast.him,
        cast.her,
        episode=15,
        image=True,
        is_spoiler=True,
        setting="the hospital roof",
        description="He holds her from behind and tells her he is her long-lost brother.",
    )
    cast.plain = cast.scene(cast.her, cast.him, episode=2, image=True, description="A plain hug at the bus stop.")
    return cast


def head(html: str) -> str:
    return html.split("</head>")[0]


def meta(html: str, name: str) -> str:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return found.group(1) if found else ""


def test_a_spoilers_title_heading_and_description_give_nothing_away(client, twist):
    html = client.get(twist.reveal.get_absolute_url()).content.decode()
    assert re.search(r"<title>([^<]*)</title>", html).group(1).startswith(NEUTRAL)
    assert f"<h1>{NEUTRAL}</h1>" in html
    assert meta(html, "og:title") == NEUTRAL
    for name in ("description", "og:description"):
        assert meta(html, name).startswith("Spoiler: episode 15 of 16."), name
    assert "brother" not in head(html) and "Secret Brother" not in head(html) and "roof" not in head(html)


def test_a_spoilers_open_graph_picture_is_the_sites_not_the_screenshot(client, twist):
    html = client.get(twist.reveal.get_absolute_url()).content.decode()
    assert meta(html, "og:image").endswith("/static/img/og-default.png")
    assert "/media/" not in head(html)
    plain = client.get(twist.plain.get_absolute_url()).content.decode()
    assert "/media/" in meta(plain, "og:image")


def test_who_hugs_whom_and_where_blur_with_the_rest_of_a_spoiler(client, twist):
    html = client.get(twist.reveal.get_absolute_url()).content.decode()
    facts = re.search(r'<dl class="facts">.*?</dl>', html, re.S).group(0)
    for name in ("Secret Brother", "Lost Sister", "The hospital roof"):
        assert re.search(rf"<dd data-spoilable>(<span[^>]*>)?{name}", facts), name
    assert '<p class="lead" data-spoilable>The hospital roof</p>' in html


def test_a_reader_who_watched_past_it_or_shows_all_spoilers_gets_the_full_title(client, fan, twist):
    record_watch_progress(fan=fan, drama=twist.drama, last_episode=16)
    client.force_login(fan)
    html = client.get(twist.reveal.get_absolute_url()).content.decode()
    assert meta(html, "og:title").startswith("Secret Brother → Lost Sister")
    record_watch_progress(fan=fan, drama=twist.drama, last_episode=None)
    set_show_spoilers(fan=fan, show=True)
    assert '<h1><span lang="en">Secret Brother' in client.get(twist.reveal.get_absolute_url()).content.decode()


def test_the_kept_anonymous_page_follows_a_moderators_spoiler_mark_at_once(client, twist):
    plain_url = twist.plain.get_absolute_url()
    assert '<h1><span lang="en">Lost Sister' in client.get(plain_url).content.decode()
    assert client.get(plain_url)["X-Edge-Cache"] == "hit"  # one copy, kept for every anonymous reader
    twist.plain.is_spoiler = True
    twist.plain.save()
    assert "<h1>A back hug in Twist, episode 2 (spoiler)</h1>" in client.get(plain_url).content.decode()


def controversial_chart(html: str) -> str:
    return re.search(r'<figure class="chart" id="chart-controversial".*?</figure>', html, re.S).group(0)


def test_the_controversial_chart_names_a_spoiler_by_its_drama_and_episode(client, fan, twist):
    set_tallies(twist.reveal, awesome=5, awkward=5)
    cache.clear()
    stats.refresh_site_stats()
    chart = controversial_chart(client.get("/stats/").content.decode())
    assert NEUTRAL in chart and "Secret Brother" not in chart and "Lost Sister" not in chart
    set_show_spoilers(fan=fan, show=True)
    client.force_login(fan)
    assert "Secret Brother → Lost Sister" in controversial_chart(client.get("/stats/").content.decode())


def test_the_controversial_chart_follows_a_spoiler_mark_made_after_the_count(client, twist):
    set_tallies(twist.plain, awesome=6, awkward=6)
    cache.clear()
    stats.refresh_site_stats()
    assert "Lost Sister → Secret Brother" in controversial_chart(client.get("/stats/").content.decode())
    plain = Scene.objects.get(pk=twist.plain.pk)  # as a moderator's admin page reads and saves it
    plain.is_spoiler = True
    plain.save()
    chart = controversial_chart(client.get("/stats/").content.decode())
    assert "A back hug in Twist, episode 2 (spoiler)" in chart and "Lost Sister" not in chart


def test_a_dramas_most_awesome_scene_is_named_neutrally_when_it_is_a_spoiler(client, twist):
    set_tallies(twist.reveal, awesome=12, awkward=0)
    html = client.get("/dramas/twist/").content.decode()
    profile = html.split('class="highlight__link"')[1].split("</a>")[0]
    assert "A back hug in episode 15" in profile and "Secret Brother" not in profile


def test_the_api_says_which_scenes_are_spoilers(client, twist):
    rows = {row["id"]: row for row in client.get("/api/scenes/").json()["results"]}
    assert rows[twist.reveal.pk]["is_spoiler"] is True
    assert rows[twist.plain.pk]["is_spoiler"] is False
    assert client.get(f"/api/scenes/{twist.reveal.pk}/").json()["is_spoiler"] is True


def test_a_fan_shows_all_spoilers_through_the_api(client, fan):
    client.force_login(fan)
    assert client.get("/api/me/preferences/").json()["show_spoilers"] is False
    response = client.put("/api/me/preferences/", {"show_spoilers": True}, content_type="application/json")
    assert response.status_code == 200 and response.json()["show_spoilers"] is True
    assert client.get("/api/me/preferences/").json()["show_spoilers"] is True


def test_a_fans_feed_names_a_spoiler_by_its_drama_and_episode(client, fan, twist):
    from community.follows import set_following

    set_following(fan=fan, target=twist.drama, following=True)
    client.force_login(fan)
    html = client.get("/me/feed/").content.decode()
    assert f"New back hug: {NEUTRAL}" in html
    assert "Secret Brother → Lost Sister" not in html and "long-lost brother" not in html
    assert "Lost Sister → Secret Brother" in html  # the plain one keeps its names


def test_the_moderation_log_names_a_spoiler_by_its_drama_and_episode(client, moderator, twist):
    from scenes.moderation.log import describe, record

    record(action="publish", moderator=moderator, subject=describe(twist.reveal), scene=twist.reveal)
    html = client.get("/moderation/log/").content.decode()
    assert NEUTRAL in html and "Secret Brother → Lost Sister" not in html


def test_a_followers_notification_of_a_new_spoiler_names_its_drama_and_episode_only(client, fan, twist):
    from community.follows import set_following
    from notifications.services import notify_submissions_published

    set_following(fan=fan, target=twist.drama, following=True)
    notify_submissions_published(scene_ids=[twist.reveal.pk, twist.plain.pk])
    client.force_login(fan)
    html = client.get("/me/notifications/").content.decode()
    assert f"A new back hug in Twist: {NEUTRAL}" in html
    assert "Secret Brother → Lost Sister" not in html and "Lost Sister → Secret Brother" in html
    texts = [row["text"] for row in client.get("/api/me/notifications/").json()["results"]]
    assert f"A new back hug in Twist: {NEUTRAL}" in texts
