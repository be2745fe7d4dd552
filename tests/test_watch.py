"""Where a drama streams, and "watch this moment": a scene's links start at its second where the provider allows."""

import pytest
from django.core.exceptions import ValidationError

from scenes.catalogue.watch import watch_options
from scenes.models import Scene, StreamingLink
from tests.api_support import api_client
from tests.factories import DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db


def link(drama, provider, url, *, episode=None, region=""):
    return StreamingLink.objects.create(drama=drama, provider=provider, url=url, episode=episode, region=region)


@pytest.fixture
def scene():
    return SceneFactory(episode=3, start_seconds=1234, end_seconds=1250)


def test_a_youtube_episode_link_starts_at_the_hugs_second(scene):
    link(scene.drama, "youtube", "https://www.youtube.com/watch?v=abc123", episode=3)

    [option] = watch_options(scene, list(scene.drama.streaming_links.all()))

    assert option.url == "https://www.youtube.com/watch?v=abc123&t=1234s"
    assert option.starts_at_moment
    assert option.note == "Starts at 20:34, as the hug begins."


def test_a_time_already_in_the_address_is_replaced(scene):
    link(scene.drama, "youtube", "https://www.youtube.com/watch?v=abc123&t=5s", episode=3)

    [option] = watch_options(scene, list(scene.drama.streaming_links.all()))

    assert option.url == "https://www.youtube.com/watch?v=abc123&t=1234s"


def test_vimeo_takes_the_second_in_the_fragment(scene):
    link(scene.drama, "vimeo", "https://vimeo.com/76979871", episode=3)

    [option] = watch_options(scene, list(scene.drama.streaming_links.all()))

    assert option.url == "https://vimeo.com/76979871#t=1234s"


def test_a_provider_without_such_links_says_so_plainly(scene):
    link(scene.drama, "viki", "https://www.viki.com/videos/1234v-episode-3", episode=3)

    [option] = watch_options(scene, list(scene.drama.streaming_links.all()))

    assert option.url == "https://www.viki.com/videos/1234v-episode-3"
    assert not option.starts_at_moment
    assert option.note == "Opens episode 3; Viki links cannot start at a given second: skip to 20:34."


def test_a_link_to_the_whole_drama_names_the_episode_and_time(scene):
    link(scene.drama, "netflix", "https://www.netflix.com/title/80990668")

    [option] = watch_options(scene, list(scene.drama.streaming_links.all()))

    assert not option.starts_at_moment
    assert option.note == "Opens the drama: the hug is in episode 3 at 20:34."


def test_the_scenes_own_episode_wins_over_the_drama_link_and_other_episodes_are_left_out(scene):
    link(scene.drama, "youtube", "https://www.youtube.com/playlist?list=PL1")
    link(scene.drama, "youtube", "https://www.youtube.com/watch?v=ep3", episode=3)
    link(scene.drama, "youtube", "https://www.youtube.com/watch?v=ep4", episode=4)

    options = watch_options(scene, list(scene.drama.streaming_links.all()))

    assert [option.url for option in options] == ["https://www.youtube.com/watch?v=ep3&t=1234s"]


def test_a_scene_without_a_start_time_opens_the_episode_and_says_why():
    drama = DramaFactory()
    timeless = Scene(drama=drama, episode=2, start_seconds=None)
    link(drama, "youtube", "https://youtu.be/xyz", episode=2)

    [option] = watch_options(timeless, list(drama.streaming_links.all()))

    assert option.url == "https://youtu.be/xyz"
    assert not option.starts_at_moment
    assert option.note == "Opens episode 2; no start time is recorded for this hug."


@pytest.mark.parametrize(
    ("provider", "url", "field"),
    [
        ("netflix", "https://evil.example/netflix.com", "url"),
        ("youtube", "https://notyoutube.com/watch?v=1", "url"),
        ("youtube", "http://www.youtube.com/watch?v=1", "url"),
        ("other", "https://example.com/", None),
    ],
)
def test_an_address_must_be_on_the_providers_site(provider, url, field):
    candidate = StreamingLink(drama=DramaFactory(), provider=provider, url=url)

    if field is None:
        candidate.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            candidate.full_clean()
        assert field in error.value.message_dict


def test_a_region_is_a_two_letter_code_and_an_episode_within_the_drama():
    candidate = StreamingLink(
        drama=DramaFactory(episodes=16), provider="viki", url="https://www.viki.com/x", region="korea", episode=17
    )

    with pytest.raises(ValidationError) as error:
        candidate.full_clean()

    assert set(error.value.message_dict) == {"region", "episode"}


def test_the_scene_page_links_to_the_moment(client, scene):
    link(scene.drama, "youtube", "https://www.youtube.com/watch?v=abc123", episode=3, region="KR")

    page = client.get(scene.get_absolute_url()).content.decode()

    assert 'href="https://www.youtube.com/watch?v=abc123&amp;t=1234s"' in page
    assert "Starts at 20:34" in page


def test_the_scene_page_says_when_there_is_nowhere_to_watch(client, scene):
    page = client.get(scene.get_absolute_url()).content.decode()

    assert "We know of no place to stream" in page


def test_the_drama_page_lists_where_it_streams(client, scene):
    link(scene.drama, "netflix", "https://www.netflix.com/title/1", region="US")

    page = client.get(scene.drama.get_absolute_url()).content.decode()

    assert 'href="https://www.netflix.com/title/1"' in page


def test_the_api_carries_the_links_of_a_drama_and_a_scene(scene):
    link(scene.drama, "youtube", "https://www.youtube.com/watch?v=abc123", episode=3)
    client = api_client()

    drama = client.get(f"/api/dramas/{scene.drama.slug}/").json()
    detail = client.get(f"/api/scenes/{scene.pk}/").json()

    assert drama["streaming"] == [
        {
            "provider": "youtube",
            "provider_name": "YouTube",
            "region": "",
            "episode": 3,
            "url": "https://www.youtube.com/watch?v=abc123",
            "starts_at_second": True,
        }
    ]
    assert detail["watch"][0]["url"] == "https://www.youtube.com/watch?v=abc123&t=1234s"
    assert detail["watch"][0]["starts_at_moment"] is True


def test_moderators_edit_links_in_the_drama_admin(moderator_client, scene):
    page = moderator_client.get(f"/admin/scenes/drama/{scene.drama.pk}/change/").content.decode()

    assert "streaming_links-0-url" in page


def test_a_new_link_shows_at_once_though_the_links_are_kept_in_the_cache(client, scene):
    client.get(scene.get_absolute_url())

    link(scene.drama, "youtube", "https://www.youtube.com/watch?v=fresh", episode=3)
    page = client.get(scene.get_absolute_url()).content.decode()

    assert "v=fresh" in page
