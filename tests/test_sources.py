"""A scene's sources, documented scenes, and scenes whose episode or start time no source gives."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from community.preferences.viewer import ViewerPreferences
from scenes.catalogue.watch import watch_options
from scenes.models import Scene, SceneSource, StreamingLink
from tests.factories import SceneFactory, SceneSourceFactory

pytestmark = pytest.mark.django_db


def unknown_moment(**fields):
    """A documented scene whose sources name neither its episode nor a time."""
    return SceneFactory(episode=None, start_seconds=None, end_seconds=None, **fields)


def test_a_scene_lists_its_sources_in_the_order_they_were_added(scene):
    first = SceneSourceFactory(scene=scene, title="Recap of episode 3")
    second = SceneSourceFactory(scene=scene, title="A clip of the scene")

    assert list(scene.sources.all()) == [first, second]


def test_a_quote_longer_than_a_dozen_words_is_refused(scene):
    source = SceneSourceFactory.build(scene=scene, quote=" ".join(["word"] * 13))

    with pytest.raises(ValidationError) as caught:
        source.full_clean()

    assert "at most 12 words (this has 13)" in str(caught.value)


def test_a_quote_of_a_dozen_words_is_accepted(scene):
    SceneSourceFactory.build(scene=scene, quote=" ".join(["word"] * 12)).full_clean()


def test_documented_means_a_source_and_not_illustrative():
    documented = SceneSourceFactory().scene
    SceneSourceFactory(scene__is_illustrative=True)  # invented, whatever it cites
    SceneFactory()  # no source

    assert list(Scene.objects.documented()) == [documented]
    assert documented.is_documented
    assert set(Scene.objects.undocumented()) == set(Scene.objects.exclude(pk=documented.pk))


def test_a_scene_may_have_no_episode_and_no_times():
    scene = unknown_moment()
    scene.full_clean()

    assert scene.moment == "Episode unknown"
    assert scene.timecode == ""
    assert scene.duration_seconds is None
    assert str(scene).startswith(f"{scene.drama.title}, Episode unknown:")


def test_a_scene_may_have_an_episode_and_no_start_time():
    scene = SceneFactory(episode=4, start_seconds=None, end_seconds=None)

    assert scene.moment == "Episode 4 · no start time"


@pytest.mark.parametrize(
    ("episode", "start", "end"),
    [
        (3, None, 1250),  # an end needs a start
        (None, 1234, 1250),  # a start needs an episode
        (3, 1250, 1250),  # the end comes after the start
    ],
)
def test_the_database_refuses_times_that_do_not_hold_together(episode, start, end):
    with pytest.raises(IntegrityError), transaction.atomic():
        SceneFactory(episode=episode, start_seconds=start, end_seconds=end)


@pytest.mark.parametrize(
    ("episode", "start", "end", "field"),
    [(3, None, 1250, "start_seconds"), (None, 1234, None, "episode")],
)
def test_clean_explains_times_that_do_not_hold_together(episode, start, end, field):
    scene = SceneFactory()
    scene.episode, scene.start_seconds, scene.end_seconds = episode, start, end

    with pytest.raises(ValidationError) as caught:
        scene.full_clean()

    assert field in caught.value.message_dict


def test_story_order_puts_unknown_episodes_and_times_last():
    known = SceneFactory(episode=2, start_seconds=100, end_seconds=110)
    drama = known.drama
    no_time = SceneFactory(
        drama=drama, hugger=known.hugger, hugged=known.hugged, episode=2, start_seconds=None, end_seconds=None
    )
    no_episode = unknown_moment(drama=drama, hugger=known.hugger, hugged=known.hugged)
    earlier = SceneFactory(drama=drama, hugger=known.hugger, hugged=known.hugged, episode=1)

    assert list(Scene.objects.filter(drama=drama).in_story_order()) == [earlier, known, no_time, no_episode]


def test_the_scene_page_says_plainly_that_the_episode_is_unknown(client):
    scene = unknown_moment()

    response = client.get(scene.get_absolute_url())

    assert response.status_code == 200
    assert "Episode unknown" in response.text
    assert "None" not in response.text


def test_the_scene_page_says_when_no_start_time_is_known(client):
    scene = SceneFactory(episode=5, start_seconds=None, end_seconds=None)

    response = client.get(scene.get_absolute_url())

    assert "Episode 5 · no start time" in response.text


def test_cards_say_episode_unknown_or_no_start_time(client):
    unknown_moment()
    SceneFactory(episode=5, start_seconds=None, end_seconds=None)

    response = client.get("/scenes/")

    assert response.status_code == 200
    assert "Episode unknown" in response.text
    assert "Ep. 5 · no start time" in response.text
    assert "Ep. None" not in response.text


def test_the_feeds_carry_a_scene_without_an_episode(client):
    scene = unknown_moment()

    for path in ("/feeds/scenes/", "/feeds/scenes/rss/"):
        response = client.get(path)
        assert response.status_code == 200
        assert f"{scene.hugger.name} → {scene.hugged.name}: {scene.drama.title}<" in response.text


def test_the_api_gives_null_for_an_unknown_episode_and_time(client):
    scene = unknown_moment()

    data = client.get(f"/api/scenes/{scene.pk}/").json()

    assert (data["episode"], data["start_seconds"], data["timecode"], data["duration_seconds"]) == (
        None,
        None,
        None,
        None,
    )


def test_a_scene_of_unknown_episode_is_watched_from_the_drama_page():
    scene = unknown_moment()
    StreamingLink.objects.create(
        drama=scene.drama, provider="youtube", url="https://www.youtube.com/watch?v=e3", episode=3
    )
    StreamingLink.objects.create(drama=scene.drama, provider="netflix", url="https://www.netflix.com/title/1")

    [option] = watch_options(scene, list(scene.drama.streaming_links.all()))

    assert option.url == "https://www.netflix.com/title/1"
    assert option.note == "Opens the drama: no source says which episode the hug is in."


def test_a_scene_of_unknown_episode_is_no_spoiler():
    scene = unknown_moment(drama__episodes=16)

    assert ViewerPreferences(None).spoiler(scene) is None


def test_the_moderation_queue_shows_a_scene_of_unknown_episode(moderator_client):
    unknown_moment(status=Scene.Status.PENDING, published_at=None)

    response = moderator_client.get("/admin/scenes/pendingscene/")

    assert response.status_code == 200
    assert "Episode unknown" in response.text


def test_moderators_edit_a_scenes_sources_on_its_page(moderator_client, scene):
    SceneSourceFactory(scene=scene, title="Recap of episode 3")

    response = moderator_client.get(f"/admin/scenes/scene/{scene.pk}/change/")

    assert response.status_code == 200
    assert 'name="sources-0-url"' in response.text
    assert "Recap of episode 3" in response.text


def test_moderators_filter_the_scenes_by_documented(moderator_client):
    documented = SceneSourceFactory(scene__description="documented one").scene
    SceneFactory(description="undocumented one")

    response = moderator_client.get("/admin/scenes/scene/?documented=1")

    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == [documented]


# The scene page, cards, API and feeds cite the sources.


def test_the_scene_page_cites_its_sources(client):
    scene = SceneSourceFactory(
        title="Recap: the umbrella",
        publisher="Drama Recaps",
        quote="he hugs her from behind",
        url="https://recaps.example/8",
    ).scene

    text = client.get(scene.get_absolute_url()).text

    assert '<a href="https://recaps.example/8" rel="noopener noreferrer external">Recap: the umbrella</a>' in text
    assert "Drama Recaps" in text and "<q" in text and "he hugs her from behind" in text
    assert "Checked on" in text
    assert "Documented: see the sources" in text


def test_an_illustrative_scene_says_so_and_not_documented(client):
    scene = SceneSourceFactory(scene__is_illustrative=True).scene

    text = client.get(scene.get_absolute_url()).text

    assert "Illustrative example" in text and "Documented: see the sources" not in text


def test_cards_say_documented(client):
    SceneSourceFactory()

    assert 'badge--documented"' in client.get("/scenes/").text


def test_readers_filter_the_catalogue_by_documented(client):
    documented = SceneSourceFactory(scene__setting="documented hallway").scene
    SceneFactory(setting="undocumented rooftop")

    only = client.get("/scenes/", {"documented": "1"})
    others = client.get("/scenes/", {"documented": "0"})

    assert "Documented hallway" in only.text and "Undocumented rooftop" not in only.text
    assert "Undocumented rooftop" in others.text and "Documented hallway" not in others.text
    assert 'name="documented"' in only.text  # a visible control in the filter form
    assert documented.pk


def test_a_bad_documented_value_is_a_400_with_a_message(client):
    response = client.get("/scenes/", {"documented": "maybe"})

    assert response.status_code == 400
    assert "The documented filter is 1 (documented scenes) or 0 (the others)." in response.text


def test_the_api_carries_sources_and_filters_by_documented(client):
    source = SceneSourceFactory(title="Recap", published_on=None)
    SceneFactory()

    data = client.get("/api/scenes/", {"documented": "1"}).json()

    [scene] = data["results"]
    assert scene["id"] == source.scene_id and scene["is_documented"] is True
    assert scene["sources"] == [
        {
            "url": source.url,
            "title": "Recap",
            "publisher": "Example News",
            "published_on": None,
            "quote": "he hugs her from behind at the bus stop",
            "checked_on": "2026-12-01",
        }
    ]


def test_the_api_schema_describes_sources_and_the_documented_filter(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()

    assert "sources" in schema["components"]["schemas"]["Scene"]["properties"]
    parameters = [parameter["name"] for parameter in schema["paths"]["/api/scenes/"]["get"]["parameters"]]
    assert "documented" in parameters


def test_the_feeds_cite_the_sources(client):
    SceneSourceFactory(title="Recap: the umbrella", url="https://recaps.example/8")

    for path in ("/feeds/scenes/", "/feeds/scenes/rss/"):
        text = client.get(path).text
        assert "Sources: Recap: the umbrella (Example News, 2024-02-14)" in text
        assert "https://recaps.example/8" in text


def test_a_merged_duplicate_brings_its_sources(moderator):
    from scenes.moderation.decisions import merge_scene

    kept = SceneSourceFactory(url="https://a.example/1").scene
    duplicate = SceneFactory(drama=kept.drama, hugger=kept.hugger, hugged=kept.hugged)
    SceneSourceFactory(scene=duplicate, url="https://a.example/1")  # the same page: not cited twice
    SceneSourceFactory(scene=duplicate, url="https://b.example/2")

    merge_scene(duplicate=duplicate, into=kept, moderator=moderator)

    assert sorted(kept.sources.values_list("url", flat=True)) == ["https://a.example/1", "https://b.example/2"]


def test_a_source_added_shows_on_the_kept_scene_page_at_once(client, scene):
    assert "Recap of episode 3" not in client.get(scene.get_absolute_url()).text  # now kept for anonymous readers

    SceneSourceFactory(scene=scene, title="Recap of episode 3")

    assert "Recap of episode 3" in client.get(scene.get_absolute_url()).text


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_bulk_export_and_import_keep_an_unknown_episode_and_time(tmp_path, file_format):
    from django.core.management import call_command

    scene = SceneFactory(episode=5, start_seconds=None, end_seconds=None)
    unknown_moment(drama=scene.drama, hugger=scene.hugger, hugged=scene.hugged)
    path = tmp_path / f"scenes.{file_format}"
    call_command("export_scenes", "--output", str(path), stdout=io.StringIO())
    Scene.objects.all().delete()

    call_command("import_scenes", str(path), stdout=io.StringIO())

    moments = Scene.objects.values_list("episode", "start_seconds", "end_seconds")
    assert sorted(moments, key=str) == sorted([(5, None, None), (None, None, None)], key=str)


@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_the_scene_export_carries_the_sources_and_the_import_restores_them(tmp_path, file_format):
    from django.core.management import call_command

    source = SceneSourceFactory(published_on=None, quote='she says "stay", he does')
    path = tmp_path / f"scenes.{file_format}"
    call_command("export_scenes", "--output", str(path), stdout=io.StringIO())
    Scene.objects.all().delete()

    call_command("import_scenes", str(path), stdout=io.StringIO())

    [restored] = SceneSource.objects.all()
    fields = ("url", "title", "publisher", "published_on", "quote", "checked_on")
    assert [getattr(restored, name) for name in fields] == [getattr(source, name) for name in fields]
    assert restored.scene.is_documented


def test_bad_sources_in_an_import_are_reported_by_line_and_nothing_is_imported(tmp_path):
    from django.core.management import CommandError, call_command

    scene = SceneFactory()
    path = tmp_path / "scenes.csv"
    call_command("export_scenes", "--output", str(path), stdout=io.StringIO())
    Scene.objects.all().delete()
    sources = '"[{""url"": ""https://a.example/1""}, {""url"": ""nope"", ""title"": ""x"", ""checked_on"": ""soon""}]"'
    path.write_text(path.read_text().rstrip("\n") + sources + "\n")

    with pytest.raises(CommandError) as caught:
        call_command("import_scenes", str(path), stdout=io.StringIO())

    message = str(caught.value)
    assert "line 2, sources: source 1: title: This field cannot be blank." in message
    assert "line 2, sources: source 2: checked_on “soon” is not a date like 2024-02-14." in message
    assert "line 2, sources: source 2: url: Enter a valid URL." in message
    assert not Scene.objects.exists() and scene.pk
