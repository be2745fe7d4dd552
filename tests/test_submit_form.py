"""
The submit form as a fan lives it: the drama's characters load as soon as the drama is chosen, only accepted
submissions count against the hourly limit, and reaching it brings the form back with the fan's text.
"""

import re

import pytest

from scenes.models import Scene
from tests.submission_support import hug_between_leads
from tests.test_submission import SUBMIT, png

pytestmark = pytest.mark.django_db

ROOMY = (1000, 3600)


def submission(heirs, episode: int, **fields) -> dict:
    return hug_between_leads(
        heirs, episode=str(episode), screenshot_1=png(), alt_1="He holds her from behind", **fields
    )


@pytest.fixture
def two_an_hour(settings):
    settings.RATE_LIMITS = {"submit": {"user": (2, 3600), "address": ROOMY}, "submit_attempt": {"user": ROOMY}}


def test_a_submission_sent_back_for_a_fix_does_not_count_against_the_hourly_limit(signed_in, heirs, two_an_hour):
    for _ in range(3):
        assert signed_in.post(SUBMIT, submission(heirs, 3, description="")).status_code == 400
    assert signed_in.post(SUBMIT, submission(heirs, 3)).status_code == 302
    assert signed_in.post(SUBMIT, submission(heirs, 4)).status_code == 302
    assert Scene.objects.count() == 2


def test_over_the_limit_the_form_comes_back_with_the_fans_text_and_when_to_try_again(signed_in, heirs, two_an_hour):
    signed_in.post(SUBMIT, submission(heirs, 3))
    signed_in.post(SUBMIT, submission(heirs, 4))
    response = signed_in.post(SUBMIT, submission(heirs, 5, setting="the rooftop garden", tropes=["1"]))
    html = response.content.decode()
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "as many back hugs as we take in an hour" in html
    assert re.search(r"in about (a minute|\d+ minutes)", html)
    assert 'value="the rooftop garden"' in html and "He grabs her from behind in front of everyone." in html
    assert re.search(r'name="episode"[^>]*value="5"|value="5"[^>]*name="episode"', html)
    assert '<form method="post"' in html  # The form itself, ready to send again.
    assert Scene.objects.count() == 2


def test_the_characters_load_when_the_drama_is_chosen(signed_in, heirs):
    html = signed_in.get(SUBMIT).content.decode()
    [container] = re.findall(r'<div id="characters"[^>]*>', html)
    assert 'hx-get="/scenes/submit/characters/"' in container
    assert "change from:#id_drama" in container and 'hx-include="[name=drama]"' in container
    # The copy swapped in listens in turn, so choosing another drama loads its characters too.
    swapped = signed_in.get("/scenes/submit/characters/", {"drama": "The Heirs"}, HTTP_HX_REQUEST="true")
    assert "Kim Tan" in swapped.content.decode()
    assert re.findall(r'<div id="characters"[^>]*>', swapped.content.decode()) == [container]


def test_the_button_that_shows_the_characters_stays_for_readers_without_javascript(signed_in, heirs):
    html = signed_in.get(SUBMIT).content.decode()
    assert 'formmethod="get"' in html and "Show its characters" in html
    assert "Kim Tan" in signed_in.get(SUBMIT, {"drama": "The Heirs"}).content.decode()
