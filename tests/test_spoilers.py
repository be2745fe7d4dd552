"""Spoilers: scenes past how far a fan has watched (or, for everyone else, in a drama's last quarter) hide."""

import re

import pytest

from community.models import WatchProgress
from community.preferences.viewer import Spoiler, ViewerPreferences, is_late_episode, record_watch_progress
from tests.discovery_support import cast_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def drama16():
    """A 16-episode drama with back hugs in episodes 4, 12 and 13 (the last quarter starts after 12)."""
    cast = cast_for(slug="sixteen", title="Sixteen", episodes=16)
    cast.early = cast.scene(cast.him, cast.her, episode=4, image=True)
    cast.edge = cast.scene(cast.him, cast.her, episode=12, image=True)
    cast.late = cast.scene(cast.him, cast.her, episode=13, image=True)
    return cast


@pytest.mark.parametrize(
    ("episode", "episodes", "late"),
    [(12, 16, False), (13, 16, True), (15, 20, False), (16, 20, True), (1, 1, True), (3, 4, False), (4, 4, True)],
)
def test_the_last_quarter_is_after_three_quarters_of_the_episodes(episode, episodes, late):
    assert is_late_episode(episode, episodes) is late


def spoiler_notices(html: str) -> list[str]:
    return re.findall(r"<strong>(Spoiler: episode \d+ of \d+)</strong>", html)


def test_readers_without_an_account_get_the_notice_on_the_last_quarter(client, drama16):
    html = client.get("/dramas/sixteen/").content.decode()
    assert spoiler_notices(html) == ["Spoiler: episode 13 of 16"]


def test_the_scene_page_of_a_late_scene_shows_blurred_behind_the_notice(client, drama16):
    html = client.get(drama16.late.get_absolute_url()).content.decode()
    assert 'class="scene scene--spoiler" data-spoiler' in html
    notice = re.search(r'<details class="spoiler spoiler--page">.*?</details>', html, re.S).group(0)
    assert "Spoiler: episode 13 of 16" in notice and "Show anyway" in notice
    assert "<summary" in notice  # Revealed by a click without JavaScript.
    assert '<div class="scene__media" data-spoilable>' in html
    assert 'class="scene__description" data-spoilable' in html
    early = client.get(drama16.early.get_absolute_url()).content.decode()
    assert "spoiler--page" not in early and 'class="scene"' in early


def test_a_fan_sees_spoiler_notices_on_scenes_past_the_episode_they_watched(client, fan, drama16):
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=4)
    client.force_login(fan)
    html = client.get("/dramas/sixteen/").content.decode()
    assert spoiler_notices(html) == ["Spoiler: episode 12 of 16", "Spoiler: episode 13 of 16"]
    assert "You have watched up to episode 4." in client.get(drama16.edge.get_absolute_url()).content.decode()


def test_a_fan_who_finished_the_drama_sees_no_notice(client, fan, drama16):
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=16)
    client.force_login(fan)
    assert spoiler_notices(client.get("/dramas/sixteen/").content.decode()) == []


def test_a_fan_without_progress_on_a_drama_gets_the_last_quarter_rule(client, fan, drama16):
    other = cast_for(episodes=10)
    record_watch_progress(fan=fan, drama=other.drama, last_episode=2)
    client.force_login(fan)
    assert spoiler_notices(client.get("/dramas/sixteen/").content.decode()) == ["Spoiler: episode 13 of 16"]


def test_spoiler_notices_follow_the_scene_everywhere_it_is_listed(client, drama16):
    for url in ("/scenes/", "/scenes/?drama=sixteen", drama16.him.actor.get_absolute_url()):
        assert spoiler_notices(client.get(url).content.decode()) == ["Spoiler: episode 13 of 16"], url


def test_the_spoiler_rule_in_one_place(drama16, fan):
    anonymous = ViewerPreferences(None)
    assert anonymous.spoiler(drama16.late) == Spoiler(episode=13, episodes=16)
    assert anonymous.spoiler(drama16.edge) is None
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=0)
    watcher = ViewerPreferences(fan)
    assert watcher.spoiler(drama16.early) == Spoiler(episode=4, episodes=16, watched=0)
    assert watcher.spoiler(drama16.early).reason == "You have not started this drama yet."


# ---- Recording how far a fan has watched ----


def test_a_fan_records_how_far_they_watched_from_the_drama_page(client, fan, drama16):
    client.force_login(fan)
    html = client.get("/dramas/sixteen/").content.decode()
    assert 'action="/me/watching/sixteen/"' in html and 'name="last_episode"' in html
    response = client.post("/me/watching/sixteen/", {"last_episode": "12", "next": "/dramas/sixteen/"})
    assert response.status_code == 302 and response["Location"] == "/dramas/sixteen/"
    assert WatchProgress.objects.get(fan=fan, drama=drama16.drama).last_episode_watched == 12
    client.post("/me/watching/sixteen/", {"last_episode": "14"})
    assert WatchProgress.objects.get(fan=fan).last_episode_watched == 14  # Changed, not added.


def test_forgetting_a_drama_removes_the_progress(client, fan, drama16):
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=3)
    client.force_login(fan)
    assert client.post("/me/watching/sixteen/", {"forget": "1"}).status_code == 302
    assert not WatchProgress.objects.filter(fan=fan).exists()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("17", "Sixteen has 16 episodes: pick one from 0 to 16."),
        ("-1", "Sixteen has 16 episodes: pick one from 0 to 16."),
        ("two", "The episode is a whole number, like 8."),
        ("", "Say which episode you have watched up to, or forget this drama."),
    ],
)
def test_an_episode_the_drama_does_not_have_gets_a_400_and_nothing_is_stored(client, fan, drama16, value, message):
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=3)
    client.force_login(fan)
    response = client.post("/me/watching/sixteen/", {"last_episode": value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert WatchProgress.objects.get(fan=fan).last_episode_watched == 3


def test_progress_on_an_unknown_drama_is_a_404(client, fan):
    client.force_login(fan)
    assert client.post("/me/watching/no-such-drama/", {"last_episode": "1"}).status_code == 404


def test_readers_without_an_account_are_asked_to_sign_in(client, drama16):
    response = client.post("/me/watching/sixteen/", {"last_episode": "3"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not WatchProgress.objects.exists()
    assert "Sign in</a> to tell us how far you have watched" in client.get("/dramas/sixteen/").content.decode()


def test_the_spoiler_queries_do_not_grow_with_the_scenes(client, fan, drama16, django_assert_max_num_queries):
    from tests.discovery_support import count_queries

    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=4)
    client.force_login(fan)
    with_three = count_queries(client, django_assert_max_num_queries, "/scenes/", 20)
    for episode in range(1, 17):
        drama16.scene(drama16.him, drama16.her, episode=episode, image=True)
    assert count_queries(client, django_assert_max_num_queries, "/scenes/", 20) == with_three
