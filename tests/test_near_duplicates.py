"""Near-duplicate screenshots: the same picture re-encoded or resized is found by its perceptual hash."""

import pytest

from scenes.submissions import images
from scenes.submissions.images import (
    hamming_distance,
    near_duplicates,
    prepare_screenshot,
    store_screenshot,
)
from tests.factories import SceneImageFactory
from tests.image_support import ALT, encoded, picture, upload

pytestmark = pytest.mark.django_db


# Near duplicates ---------------------------------------------------------------------------------------


def test_the_same_picture_reencoded_or_resized_is_a_near_duplicate(scene, django_assert_num_queries):
    original = store_screenshot(scene=scene, uploaded_file=upload(encoded(picture(seed=7), "PNG")), alt_text=ALT)
    store_screenshot(scene=scene, uploaded_file=upload(encoded(picture(seed=8), "PNG")), alt_text=ALT)
    copies = [
        encoded(picture(seed=7), "JPEG", quality=40),
        encoded(picture(seed=7).resize((720, 405)), "JPEG", quality=70),
        encoded(picture(seed=7).resize((1600, 900)), "WEBP", quality=60),
    ]

    for copy in copies:
        copy_hash = prepare_screenshot(upload(copy)).perceptual_hash
        with django_assert_num_queries(1):
            found = near_duplicates(copy_hash)
        assert [image.pk for image in found] == [original.pk]
        assert found[0].hash_distance == hamming_distance(copy_hash, original.perceptual_hash) <= 6


def test_a_different_picture_is_not_a_near_duplicate(scene):
    store_screenshot(scene=scene, uploaded_file=upload(encoded(picture(seed=7), "PNG")), alt_text=ALT)
    other = prepare_screenshot(upload(encoded(picture(seed=99), "PNG"))).perceptual_hash

    assert near_duplicates(other) == []


def test_the_band_prefilter_finds_every_hash_within_the_distance(scene):
    """Hashes 6 bits away, spread over the bands or packed into one, are all found; 7 bits away is not."""
    base = "0123456789abcdef"
    images_by_flips = {}
    for flips in ([0, 1, 2, 3, 4, 5], [16, 17, 32, 33, 48, 49], [0, 16, 32, 48, 60, 61], [0, 1, 2, 3, 4, 5, 6]):
        value = int(base, 16) ^ sum(1 << bit for bit in flips)
        image = SceneImageFactory(scene=scene, perceptual_hash=f"{value:016x}")
        for band, band_value in enumerate(images.hash_bands(image.perceptual_hash)):
            setattr(image, f"hash_band_{band}", band_value)
        image.save()
        images_by_flips[tuple(flips)] = image

    found = {image.pk for image in near_duplicates(base)}

    assert found == {image.pk for flips, image in images_by_flips.items() if len(flips) <= 6}
