"""Uploads are cheap to refuse: a submission's pixels are budgeted from the headers, and a body too large is
refused from its Content-Length before it is read."""

import io

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.test import RequestFactory
from PIL import ImageFile

from edge.request_size import RequestSizeLimitMiddleware
from scenes.models import Scene
from tests.image_support import encoded, picture, png_declaring, upload
from tests.submission_support import heirs_with_leads, hug_between_leads

pytestmark = pytest.mark.django_db

SUBMIT = "/scenes/submit/"
FORTY_MEGAPIXELS = (8000, 5000)


@pytest.fixture
def heirs():
    return heirs_with_leads()


def submission(drama, screenshots):
    data = hug_between_leads(drama)
    for number, screenshot in enumerate(screenshots, start=1):
        data[f"screenshot_{number}"] = screenshot
        data[f"alt_{number}"] = "Two students in a hallway."
    return data


def forty_megapixel_png(number: int):
    return upload(png_declaring(*FORTY_MEGAPIXELS), f"big-{number}.png", "image/png")


def test_four_forty_megapixel_screenshots_are_refused_without_decoding_any(client, fan, heirs, monkeypatch):
    client.force_login(fan)
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: pytest.fail("decoded a picture over the budget"))
    response = client.post(SUBMIT, submission(heirs, [forty_megapixel_png(n) for n in range(1, 5)]))
    assert response.status_code == 400
    assert "Together these screenshots are 160 megapixels" in response.content.decode()
    assert not Scene.objects.exists()


def test_screenshots_within_the_budget_are_accepted(client, fan, heirs):
    client.force_login(fan)
    pictures = [upload(encoded(picture(seed), "PNG"), f"s{seed}.png", "image/png") for seed in (1, 2)]
    assert client.post(SUBMIT, submission(heirs, pictures)).status_code == 302
    assert Scene.objects.get().images.count() == 2


def test_the_budget_counts_the_pictures_together(client, fan, heirs, settings):
    settings.SUBMISSION_MAX_PIXELS = 800 * 450 + 1
    client.force_login(fan)
    pictures = [upload(encoded(picture(seed), "PNG"), f"s{seed}.png", "image/png") for seed in (1, 2)]
    response = client.post(SUBMIT, submission(heirs, pictures))
    assert response.status_code == 400
    assert "one submission can hold at most" in response.content.decode()


def test_a_body_larger_than_the_cap_is_refused_from_its_length(client, fan, settings):
    settings.MAX_REQUEST_BYTES = 1000
    client.force_login(fan)
    response = client.post(SUBMIT, {"description": "x" * 2000})
    assert response.status_code == 413
    assert "more than we accept in one request" in response.content.decode()


def test_the_api_says_too_large_in_json(client, settings, scene):
    settings.MAX_REQUEST_BYTES = 10
    response = client.post(f"/api/scenes/{scene.pk}/vote/", '{"verdict": "awesome"}', content_type="application/json")
    assert response.status_code == 413 and "detail" in response.json()


class Unreadable(io.RawIOBase):
    def read(self, *args):
        raise AssertionError("the body was read")

    readline = readinto = read


def test_the_cap_answers_without_reading_a_byte_of_the_body(settings):
    settings.MAX_REQUEST_BYTES = 1000
    environ = RequestFactory()._base_environ(
        PATH_INFO="/scenes/submit/", REQUEST_METHOD="POST", CONTENT_LENGTH="5000000", CONTENT_TYPE="text/plain"
    )
    environ["wsgi.input"] = Unreadable()
    middleware = RequestSizeLimitMiddleware(lambda request: pytest.fail("the view ran"))
    assert middleware(WSGIRequest(environ)).status_code == 413


def test_a_content_length_that_is_no_number_is_a_bad_request(client):
    client.raise_request_exception = False
    response = client.generic("POST", SUBMIT, b"", CONTENT_LENGTH="lots")
    assert response.status_code == 400
