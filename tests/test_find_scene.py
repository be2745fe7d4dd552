"""Find a scene from a screenshot: the closest published scenes by perceptual hash, nothing of the upload kept."""

import io

import pytest
from django.urls import reverse

from scenes.models import Scene, SceneImage
from scenes.submissions.images import store_screenshot
from tests.api_support import api_client, error_of
from tests.caching import cold_cache
from tests.factories import SceneFactory
from tests.image_support import encoded, files_under, picture, png_declaring, upload

pytestmark = pytest.mark.django_db

URL = reverse("scenes:find")


def screenshot_of(scene, seed: int) -> None:
    store_screenshot(scene=scene, uploaded_file=upload(encoded(picture(seed), "JPEG")), alt_text="A hug.")


def find(client, data: bytes, name: str = "shot.png"):
    return client.post(URL, {"screenshot": upload(data, name, "image/png")})


@pytest.fixture
def catalogue():
    scenes = [SceneFactory() for _ in range(3)]
    for seed, scene in enumerate(scenes, start=1):
        screenshot_of(scene, seed)
    return scenes


def test_a_screenshot_finds_its_scene_first_and_says_how_close(client, catalogue):
    # The same picture, smaller and as a PNG: a reader's own screenshot of the moment.
    response = find(client, encoded(picture(2).resize((640, 360)), "PNG"))
    page = response.content.decode()

    assert response.status_code == 200
    results = response.context["results"]
    assert results[0][0].scene == catalogue[1]
    assert results[0][0].distance <= 4
    assert "The same picture" in page and "of 64 bits differ" in page


def test_an_unrelated_picture_finds_nothing_and_says_so(client, catalogue):
    response = find(client, encoded(picture(99), "PNG"))

    assert response.context["results"] == []
    assert "No catalogued screenshot is close to this one" in response.content.decode()


def test_unpublished_scenes_are_never_found(client):
    pending = SceneFactory(status=Scene.Status.PENDING, published_at=None)
    screenshot_of(pending, 5)

    response = find(client, encoded(picture(5), "PNG"))

    assert response.context["results"] == []


def test_nothing_uploaded_is_stored(client, catalogue, settings):
    files_before, rows_before = files_under(settings.MEDIA_ROOT), SceneImage.objects.count()

    find(client, encoded(picture(1), "PNG"))

    assert files_under(settings.MEDIA_ROOT) == files_before
    assert SceneImage.objects.count() == rows_before


def test_a_file_that_is_not_a_picture_is_a_400_with_the_submissions_message(client):
    response = find(client, b"%PDF-1.4 not a picture", name="shot.pdf")

    assert response.status_code == 400
    assert "This file is not a JPEG, PNG, WebP or GIF image." in response.content.decode()


def test_a_picture_with_too_many_pixels_is_refused_like_a_submission(client):
    response = find(client, png_declaring(9000, 9000))

    assert response.status_code == 400
    assert "megapixels" in response.content.decode()


def test_a_file_over_the_size_limit_is_refused_without_being_kept(client, settings):
    settings.SCREENSHOT_MAX_BYTES = 1000

    response = find(client, encoded(picture(1), "PNG"))

    assert response.status_code == 400
    assert "a screenshot can be at most" in response.content.decode()


def test_no_file_is_a_400_asking_for_one(client):
    response = client.post(URL, {})

    assert response.status_code == 400
    assert "Choose a screenshot, or paste one" in response.content.decode()


def test_the_form_needs_its_csrf_token(catalogue):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)

    assert strict.post(URL, {"screenshot": upload(encoded(picture(1), "PNG"), "a.png", "image/png")}).status_code == 403


def test_searches_are_rate_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "find_scene": {"address": (2, 60)}}
    data = encoded(picture(1), "PNG")

    statuses = [find(client, data).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_the_page_loads_the_paste_script_from_a_static_file(client):
    page = client.get(URL).content.decode()

    assert 'src="/static/js/paste-screenshot.js"' in page
    assert "onpaste" not in page


def test_the_search_queries_stay_fixed(client, django_assert_max_num_queries):
    def queries():
        cold_cache()
        with django_assert_max_num_queries(8) as captured:
            assert find(client, encoded(picture(1), "PNG")).status_code == 200
        return len(captured)

    scene = SceneFactory()
    screenshot_of(scene, 1)
    one = queries()
    for _ in range(6):
        screenshot_of(SceneFactory(), 1)
    assert queries() == one


def test_the_api_finds_a_scene_from_a_screenshot(catalogue):
    client = api_client()

    response = client.post(
        "/api/scenes/find/",
        {"screenshot": upload(encoded(picture(3), "PNG"), "a.png", "image/png")},
        format="multipart",
    )

    assert response.status_code == 200
    body = response.json()
    assert len(body["perceptual_hash"]) == 16
    first = body["results"][0]
    assert first["scene"]["id"] == catalogue[2].pk
    assert first["distance"] <= 4 and first["similarity"] >= 94
    assert first["closeness"] == "the same picture"


def test_the_api_refuses_a_file_that_is_not_a_picture_naming_the_field():
    response = api_client().post(
        "/api/scenes/find/", {"screenshot": upload(b"hello", "a.png", "image/png")}, format="multipart"
    )

    assert response.status_code == 400
    assert error_of(response)["errors"] == {"screenshot": ["This file is not a JPEG, PNG, WebP or GIF image."]}


def test_the_api_refuses_a_json_body_with_a_415():
    response = api_client().post("/api/scenes/find/", {"screenshot": "aGVsbG8="}, format="json")

    assert response.status_code == 415


def test_a_large_upload_stays_in_memory_and_is_never_a_temporary_file(client, catalogue, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100  # Django would write anything larger to a temporary file

    response = find(client, encoded(picture(1), "PNG"))

    assert response.status_code == 200
    assert type(response.wsgi_request.FILES["screenshot"]).__name__ == "InMemoryUploadedFile"


def test_screenshots_stored_without_a_hash_get_one_and_are_found(client):
    from django.core.management import call_command

    from tests.factories import SceneImageFactory

    image = SceneImageFactory()  # stored as the admin did before hashing: no perceptual hash
    assert image.perceptual_hash == ""

    call_command("hash_screenshots", stdout=io.StringIO())

    image.refresh_from_db()
    assert len(image.perceptual_hash) == 16
    with image.image.open("rb") as stored:
        response = find(client, stored.read(), name="same.jpg")
    assert response.context["results"][0][0].scene == image.scene
