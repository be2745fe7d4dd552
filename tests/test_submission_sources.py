"""A fan's submission may cite a source; with one, the episode and times may stay empty."""

import pytest

from scenes.models import Scene, SceneSource
from tests.test_submission import SUBMIT, form_data

pytestmark = pytest.mark.django_db


def test_a_submission_can_cite_a_source(signed_in, heirs):
    data = form_data(
        heirs, source_url="https://recaps.example/heirs-3", source_title="Heirs ep. 3 recap", source_quote="a back hug"
    )

    response = signed_in.post(SUBMIT, data)

    assert response.status_code == 302
    source = SceneSource.objects.get()
    assert (source.scene, source.url, source.title, source.quote) == (
        Scene.objects.get(),
        "https://recaps.example/heirs-3",
        "Heirs ep. 3 recap",
        "a back hug",
    )
    assert source.checked_on is not None


def test_with_a_source_the_episode_and_times_may_stay_empty(signed_in, heirs):
    data = form_data(heirs, episode="", start="", end="", source_url="https://recaps.example/1", source_title="Recap")

    assert signed_in.post(SUBMIT, data).status_code == 302

    scene = Scene.objects.get()
    assert (scene.episode, scene.start_seconds, scene.end_seconds) == (None, None, None)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"episode": ""}, "episode", "Give the episode, or a source that documents the scene without one."),
        ({"start": "", "end": ""}, "start", "Give when the hug starts, or a source"),
        (
            {"start": "", "source_url": "https://r.example/1", "source_title": "Recap"},
            "start",
            "Give the start too, or leave both times empty.",
        ),
        ({"source_title": "Recap"}, "source_url", "Give the page&#x27;s address too"),
        ({"source_url": "https://recaps.example/1"}, "source_title", "Give the page&#x27;s title"),
        ({"source_url": "not an address", "source_title": "Recap"}, "source_url", "Enter a valid URL."),
        (
            {"source_url": "https://recaps.example/1", "source_title": "Recap", "source_quote": "word " * 13},
            "source_quote",
            "at most 12 words (this has 13)",
        ),
        (
            {"episode": "", "start": "12:00", "source_url": "https://r.example/1", "source_title": "Recap"},
            "episode",
            "A start time needs its episode.",
        ),
    ],
)
def test_a_missing_moment_or_a_bad_source_is_refused_with_a_message(signed_in, heirs, overrides, field, message):
    response = signed_in.post(SUBMIT, form_data(heirs, **overrides))

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert message in response.text
    assert not Scene.objects.exists() and not SceneSource.objects.exists()


def test_the_submit_form_offers_the_source_fields(signed_in, heirs):
    text = signed_in.get(SUBMIT, {"drama": "the-heirs"}).text

    assert 'name="source_url"' in text and 'name="source_title"' in text and 'name="source_quote"' in text
