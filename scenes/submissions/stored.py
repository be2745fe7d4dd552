"""Screenshots already stored without a perceptual hash (demo artwork, older admin uploads) get theirs."""

from scenes.models import SceneImage

from .images import BAND_FIELDS, screenshot_hash, set_hash


def hash_stored_screenshot(image: SceneImage) -> None:
    """Read the stored picture through the upload checks, and store its hash and bands on the row."""
    with image.image.open("rb") as stored:
        set_hash(image, screenshot_hash(stored))
    image.save(update_fields=["perceptual_hash", *BAND_FIELDS])
