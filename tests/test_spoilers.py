"""Spoilers: scenes marked as giving a turn of the story away hide behind a notice, and scenes past how far a fan
has watched; a fan may see them all, and their own submissions never hide from them."""

import re

import pytest

from community.models import WatchProgress
from community.preferences.viewer import Spoiler, ViewerPreferences, record_watch_progress, set_show_spoilers
from tests.discovery_support import cast_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def drama16():
    """A 16-episode drama with back hugs in episodes 4, 12, 13 (marked as a spoiler) and 15 (not marked)."""
    cast = cast_for(slug="sixteen", title="Sixteen", episodes=16, year=2009)
    cast.early = cast.scene(cast.him, cast.her, episode=4, image=True)
    cast.edge = cast.scene(cast.him, cast.her, episode=12, image=True)
    cast.late = cast.scene(cast.him, cast.her, episode=13, image=True, is_spoiler=True)
    cast.finale = cast.scene(cast.her, cast.him, episode=15, image=True)
    return cast


def spoiler_notices(html: str) -> list[str]:
    return re.findall(r"<strong>(Spoiler: episode (?:\d+ of \d+|unknown))</strong>", html)


def test_only_the_scenes_marked_as_spoilers_hide_from_readers_who_said_nothing(client, drama16):
    # The last quarter of a 2009 drama is no longer blurred for being late: only the marked twist is.
    html = client.get("/dramas/sixteen/").content.decode()
    assert spoiler_notices(html) == ["Spoiler: episode 13 of 16"]
    assert spoiler_notices(client.get("/scenes/").content.decode()) == ["Spoiler: episode 13 of 16"]


def test_the_scene_page_of_a_marked_scene_shows_blurred_behind_the_notice(client, drama16):
    html = client.get(drama16.late.get_absolute_url()).content.decode()
    assert 'class="scene scene--spoiler" data-spoiler' in html
    notice = re.search(r'<details class="spoiler spoiler--page">.*?</details>', html, re.S).group(0)
    assert "Spoiler: episode 13 of 16" in notice and "Show anyway" in notice
    assert "Marked as a spoiler: it gives away a turn of the story." in notice
    assert "<summary" in notice  # Revealed by a click without JavaScript.
    assert '<div class="scene__media" data-spoilable>' in html
    assert 'class="scene__description" data-spoilable' in html
    for plain in (drama16.early, drama16.finale):
        html = client.get(plain.get_absolute_url()).content.decode()
        assert "spoiler--page" not in html and 'class="scene"' in html


def test_a_marked_scene_of_unknown_episode_is_a_spoiler_too(client, drama16):
    unknown = drama16.scene(
        drama16.second_him, drama16.her, episode=None, start_seconds=None, end_seconds=None, is_spoiler=True
    )
    html = client.get(unknown.get_absolute_url()).content.decode()
    assert "Spoiler: episode unknown" in html
    assert "<h1>A back hug in Sixteen (spoiler)</h1>" in html


def test_a_fan_sees_spoiler_notices_on_every_scene_past_the_episode_they_watched(client, fan, drama16):
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=4)
    client.force_login(fan)
    html = client.get("/dramas/sixteen/").content.decode()
    assert spoiler_notices(html) == [
        "Spoiler: episode 12 of 16",
        "Spoiler: episode 13 of 16",
        "Spoiler: episode 15 of 16",
    ]
    assert "You have watched up to episode 4." in client.get(drama16.edge.get_absolute_url()).content.decode()


def test_a_fan_who_watched_past_a_marked_scene_sees_it_plainly(client, fan, drama16):
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=13)
    client.force_login(fan)
    assert spoiler_notices(client.get("/dramas/sixteen/").content.decode()) == ["Spoiler: episode 15 of 16"]


def test_a_fan_who_finished_the_drama_sees_no_notice(client, fan, drama16):
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=16)
    client.force_login(fan)
    assert spoiler_notices(client.get("/dramas/sixteen/").content.decode()) == []


def test_a_fan_without_progress_on_a_drama_gets_the_rule_for_everyone(client, fan, drama16):
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
    assert anonymous.spoiler(drama16.finale) is None
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=0)
    watcher = ViewerPreferences(fan)
    assert watcher.spoiler(drama16.early) == Spoiler(episode=4, episodes=16, watched=0)
    assert watcher.spoiler(drama16.early).reason == "You have not started this drama yet."


# ---- Show me all spoilers; a fan's own submissions ----


def test_a_fan_who_shows_all_spoilers_sees_every_scene_plainly(client, fan, drama16):
    record_watch_progress(fan=fan, drama=drama16.drama, last_episode=2)
    client.force_login(fan)
    assert spoiler_notices(client.get("/dramas/sixteen/").content.decode())
    response = client.post("/me/spoilers/", {"show_spoilers": "on"})
    assert response.status_code == 302 and response["Location"] == "/me/preferences/#spoilers"
    for url in ("/", "/scenes/", "/dramas/sixteen/", drama16.late.get_absolute_url()):
        html = client.get(url).content.decode()
        assert spoiler_notices(html) == [] and "data-spoiler" not in html, url
    assert f'<h1><span lang="en">{drama16.him.name}' in client.get(drama16.late.get_absolute_url()).content.decode()
    client.post("/me/spoilers/", {})  # The box unticked: the rule again.
    assert spoiler_notices(client.get("/dramas/sixteen/").content.decode())


def test_the_spoiler_setting_is_on_the_preferences_page(client, fan):
    client.force_login(fan)
    html = client.get("/me/preferences/").content.decode()
    assert (
        'action="/me/spoilers/"' in html
        and 'name="show_spoilers"' in html
        and " checked" not in html.split('id="show-spoilers"')[1].split(">")[0]
    )
    set_show_spoilers(fan=fan, show=True)
    html = client.get("/me/preferences/").content.decode()
    assert 'id="show-spoilers" aria-describedby="show-spoilers-help" checked' in html


def test_the_spoiler_setting_is_kept_with_the_fans_other_preferences(fan, drama16, django_assert_num_queries):
    set_show_spoilers(fan=fan, show=True)
    ViewerPreferences(fan).shows_all_spoilers  # noqa: B018 - loads and keeps them
    with django_assert_num_queries(0):
        assert ViewerPreferences(fan).shows_all_spoilers is True
        assert ViewerPreferences(fan).spoiler(drama16.late) is None


def test_a_fans_own_submission_is_never_blurred_to_them(client, fan, drama16):
    own = drama16.scene(drama16.second_her, drama16.him, episode=14, is_spoiler=True, submitted_by=fan, image=True)
    client.force_login(fan)
    html = client.get("/dramas/sixteen/").content.decode()
    assert spoiler_notices(html) == ["Spoiler: episode 13 of 16"]  # Another fan's marked scene still hides.
    page = client.get(own.get_absolute_url()).content.decode()
    assert '<article class="scene">' in page and f'<h1><span lang="en">{drama16.second_her.name}' in page
    client.logout()
    assert "Spoiler: episode 14 of 16" in client.get("/dramas/sixteen/").content.decode()


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
