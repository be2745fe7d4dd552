"""Screenshot uploads: only real pictures get in, nothing but their pixels is stored, and a failure leaves nothing."""

import io
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import DatabaseError
from PIL import Image, ImageDraw, ImageFile

from scenes.models import SceneImage
from scenes.submissions import images
from scenes.submissions.image_fields import ScreenshotField
from scenes.submissions.images import (
    NOT_AN_IMAGE,
    PreparedScreenshot,
    store_screenshot,
)
from tests.factories import SceneImageFactory
from tests.image_support import ALT, encoded, files_under, picture, png_declaring, refusal, stored, stored_bytes, upload

pytestmark = pytest.mark.django_db


# What gets in ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("image_format", "name", "content_type"),
    [("JPEG", "a.jpg", "image/jpeg"), ("PNG", "a.png", "image/png"), ("WEBP", "a.webp", "image/webp")],
)
def test_a_jpeg_png_or_webp_is_stored_as_a_webp_of_the_same_picture(scene, image_format, name, content_type):
    data = encoded(picture(), image_format)

    image = store_screenshot(scene=scene, uploaded_file=upload(data, name, content_type), alt_text=ALT)

    image.refresh_from_db()
    assert stored(image.image).format == "WEBP"
    assert (image.width, image.height) == (800, 450) == stored(image.image).size
    assert image.alt_text == ALT and image.scene == scene


def test_an_animated_gif_keeps_its_first_frame(scene):
    frames = [Image.new("RGB", (300, 200), colour) for colour in ("red", "blue", "green")]
    data = encoded(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)

    image = store_screenshot(scene=scene, uploaded_file=upload(data, "hug.gif", "image/gif"), alt_text=ALT)

    red, green, blue = stored(image.image).convert("RGB").getpixel((150, 100))
    assert red > 200 and green < 60 and blue < 60


def test_a_transparent_png_keeps_its_transparency(scene):
    sticker = Image.new("RGBA", (400, 300), (255, 0, 0, 0))
    ImageDraw.Draw(sticker).ellipse((100, 50, 300, 250), fill=(255, 0, 0, 255))

    image = store_screenshot(scene=scene, uploaded_file=upload(encoded(sticker, "PNG"), "s.png"), alt_text=ALT)

    result = stored(image.image)
    assert result.mode == "RGBA"
    assert result.getpixel((5, 5))[3] == 0 and result.getpixel((200, 150))[3] == 255


# What is refused ---------------------------------------------------------------------------------------


def test_a_text_file_named_jpg_is_refused():
    assert refusal(upload(b"Just some notes about The Heirs.\n" * 20, "hug.jpg", "image/jpeg")) == NOT_AN_IMAGE


@pytest.mark.parametrize(
    "data",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
        b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
    ],
    ids=["svg", "html"],
)
def test_svg_or_html_named_png_is_refused(data):
    assert refusal(upload(data, "hug.png", "image/png")) == NOT_AN_IMAGE


def test_an_image_format_we_do_not_accept_is_refused_whatever_its_name():
    assert refusal(upload(encoded(picture(), "BMP"), "hug.jpg")) == NOT_AN_IMAGE


def test_an_empty_file_is_refused():
    assert refusal(upload(b"")) == "This file is empty."


def test_a_truncated_jpeg_is_refused_with_a_clear_message():
    data = encoded(picture(), "JPEG", quality=90)
    assert "damaged or incomplete" in refusal(upload(data[: len(data) // 2]))


def test_a_file_over_the_byte_limit_is_refused_before_it_is_decoded(settings, monkeypatch):
    settings.SCREENSHOT_MAX_BYTES = 2_000
    monkeypatch.setattr(images.Image, "open", lambda *args, **kwargs: pytest.fail("decoded an oversized file"))

    message = refusal(upload(encoded(picture(), "JPEG", quality=95)))

    assert "a screenshot can be at most 2.0\xa0KB" in message  # as filesizeformat writes 2,000 bytes


def test_the_byte_limit_is_eight_megabytes_by_default():
    assert images.SCREENSHOT_MAX_BYTES == 8 * 1024 * 1024


@pytest.mark.parametrize("side", [8_000, 20_000], ids=["over-our-limit", "over-pillows-limit"])
def test_a_decompression_bomb_is_refused_before_its_pixels_are_decoded(monkeypatch, side):
    bomb = png_declaring(side, side)
    assert len(bomb) < 100_000  # tiny file, hundreds of megabytes once decoded
    monkeypatch.setattr(ImageFile.ImageFile, "load", lambda self: pytest.fail("decoded a bomb"))

    assert "at most 40 megapixels" in refusal(upload(bomb, "bomb.png", "image/png"))


def test_pillows_bomb_warning_is_a_refusal_even_when_our_limit_is_higher(settings):
    settings.SCREENSHOT_MAX_PIXELS = 10**9
    pillow_limit = Image.MAX_IMAGE_PIXELS

    message = refusal(upload(png_declaring(10_000, 10_000), "bomb.png", "image/png"))  # over 89 MP: a warning

    assert "megapixels" in message
    assert pillow_limit == Image.MAX_IMAGE_PIXELS  # nothing changed globally


# What is stored --------------------------------------------------------------------------------------


def test_a_script_and_a_zip_appended_to_a_jpeg_are_not_stored(scene):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("payload.js", "alert('hug')")
    polyglot = encoded(picture(), "JPEG") + b"<script>alert('hug')</script>" + archive.getvalue()

    image = store_screenshot(scene=scene, uploaded_file=upload(polyglot), alt_text=ALT)

    data = stored_bytes(image.image)
    riff_size = int.from_bytes(data[4:8], "little")
    assert data[:4] == b"RIFF" and riff_size + 8 == len(data)  # the file ends where the WebP ends
    assert b"<script>" not in data and b"PK\x03\x04" not in data and b"payload" not in data


def test_gps_and_other_exif_are_not_stored(scene):
    exif = Image.Exif()
    exif[0x010F] = "SpyPhone"  # Make
    exif[0x8825] = {1: "N", 2: (37.0, 33.0, 59.0), 3: "E", 4: (126.0, 58.0, 40.0)}  # GPSInfo: Seoul
    data = encoded(picture(), "JPEG", exif=exif)
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the upload does carry a location

    image = store_screenshot(scene=scene, uploaded_file=upload(data), alt_text=ALT)

    for file_field in (image.image, image.thumbnail_small, image.thumbnail_medium):
        result = stored(file_field)
        assert not result.getexif() and "exif" not in result.info and "icc_profile" not in result.info
        assert b"Exif" not in stored_bytes(file_field) and b"SpyPhone" not in stored_bytes(file_field)


def test_a_photo_taken_sideways_is_stored_upright(scene):
    sideways = Image.new("RGB", (400, 200), "blue")
    sideways.paste(Image.new("RGB", (200, 200), "red"), (0, 0))  # red on the left as the sensor saw it
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display

    image = store_screenshot(scene=scene, uploaded_file=upload(encoded(sideways, "JPEG", exif=exif)), alt_text=ALT)

    result = stored(image.image).convert("RGB")
    assert (image.width, image.height) == (200, 400) == result.size
    assert result.getpixel((100, 50))[0] > 200  # the red half is now on top
    assert result.getpixel((100, 350))[2] > 200


def test_a_huge_picture_is_stored_at_most_1920_pixels_on_its_long_side(scene):
    image = store_screenshot(
        scene=scene, uploaded_file=upload(encoded(picture(size=(3000, 2000)), "PNG")), alt_text=ALT
    )

    assert (image.width, image.height) == (1920, 1280) == stored(image.image).size


def test_files_get_random_names_never_the_uploaded_one(scene):
    data = encoded(picture(), "JPEG")

    first = store_screenshot(scene=scene, uploaded_file=upload(data, "my-secret-name.jpg"), alt_text=ALT)
    second = store_screenshot(scene=scene, uploaded_file=upload(data, "my-secret-name.jpg"), alt_text=ALT)

    names = [image.image.name for image in (first, second)]
    assert names[0] != names[1]
    assert all("secret" not in name and name.endswith(".webp") for name in names)


def test_thumbnails_are_320_and_640_pixels_wide_for_srcset(scene):
    image = store_screenshot(
        scene=scene, uploaded_file=upload(encoded(picture(size=(2400, 1350)), "JPEG")), alt_text=ALT
    )

    assert stored(image.thumbnail_small).size == (320, 180)
    assert stored(image.thumbnail_medium).size == (640, 360)
    assert image.srcset() == (
        f"{image.thumbnail_small.url} 320w, {image.thumbnail_medium.url} 640w, {image.image.url} 1920w"
    )
    assert image.thumbnail_url == image.thumbnail_medium.url


def test_a_small_screenshot_is_not_blown_up_into_thumbnails(scene):
    image = store_screenshot(scene=scene, uploaded_file=upload(encoded(picture(size=(500, 300)), "PNG")), alt_text=ALT)

    assert image.thumbnail_small and not image.thumbnail_medium
    assert image.srcset() == f"{image.thumbnail_small.url} 320w, {image.image.url} 500w"
    assert image.thumbnail_url == image.image.url


def test_screenshots_stored_without_thumbnails_still_render():
    image = SceneImageFactory()  # as the demo loader and the admin store them: the main image only

    assert image.srcset() == f"{image.image.url} 320w"
    assert image.thumbnail_url == image.image.url
    image.width = None
    assert image.srcset() == image.image.url


# A failed upload leaves nothing behind -----------------------------------------------------------------


def test_a_storage_failure_after_the_first_file_leaves_no_files_and_no_rows(scene, settings, monkeypatch):
    original_save = FileSystemStorage.save
    calls = []

    def save_once_then_fail(self, name, content, max_length=None):
        calls.append(name)
        if len(calls) > 1:
            raise OSError("the bucket went away")
        return original_save(self, name, content, max_length=max_length)

    monkeypatch.setattr(FileSystemStorage, "save", save_once_then_fail)

    with pytest.raises(OSError, match="bucket"):
        store_screenshot(scene=scene, uploaded_file=upload(encoded(picture(), "JPEG")), alt_text=ALT)

    assert len(calls) == 2
    assert files_under(settings.MEDIA_ROOT) == []
    assert not SceneImage.objects.exists()


def test_a_database_failure_deletes_the_files_already_written(scene, settings, monkeypatch):
    def refuse(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(SceneImage, "save", refuse)

    with pytest.raises(DatabaseError):
        store_screenshot(scene=scene, uploaded_file=upload(encoded(picture(), "JPEG")), alt_text=ALT)

    assert files_under(settings.MEDIA_ROOT) == []


def test_a_refused_upload_or_missing_alt_text_writes_nothing(scene, settings):
    with pytest.raises(ValidationError):
        store_screenshot(scene=scene, uploaded_file=upload(b"not a picture"), alt_text=ALT)
    with pytest.raises(ValidationError) as caught:
        store_screenshot(scene=scene, uploaded_file=upload(encoded(picture(), "JPEG")), alt_text="   ")

    assert caught.value.message_dict == {"alt_text": ["Describe the picture for people who cannot see it."]}
    assert files_under(settings.MEDIA_ROOT) == []
    assert not SceneImage.objects.exists()


# Forms -----------------------------------------------------------------------------------------------


class ScreenshotForm(forms.Form):
    screenshot = ScreenshotField()


def test_the_form_field_shows_the_refusal_next_to_the_field():
    form = ScreenshotForm(files={"screenshot": upload(b"GIF89a but not really", "hug.gif", "image/gif")})

    assert form.errors == {"screenshot": [NOT_AN_IMAGE]}


def test_the_form_field_hands_the_prepared_picture_to_the_service(scene):
    form = ScreenshotForm(files={"screenshot": upload(encoded(picture(), "PNG"), "hug.png", "image/png")})

    assert form.is_valid()
    prepared = form.cleaned_data["screenshot"]
    assert isinstance(prepared, PreparedScreenshot)
    image = store_screenshot(scene=scene, uploaded_file=prepared, alt_text=ALT)
    assert image.perceptual_hash == prepared.perceptual_hash
    assert 'accept="image/jpeg,image/png,image/webp,image/gif"' in str(form["screenshot"])
