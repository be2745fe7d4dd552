"""Hash the screenshots stored without a perceptual hash, so near duplicates and screenshot searches find them."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand

from scenes.models import SceneImage
from scenes.submissions.stored import hash_stored_screenshot


class Command(BaseCommand):
    help = (
        "Hash the screenshots stored without a perceptual hash (uploaded in the admin before hashing, or older "
        "demo artwork). Safe to run again: hashed screenshots are left alone."
    )

    def handle(self, *args, **options):
        hashed = unreadable = 0
        for image in SceneImage.objects.filter(perceptual_hash="").exclude(image="").iterator():
            try:
                hash_stored_screenshot(image)
            except (ValidationError, OSError) as error:
                unreadable += 1
                self.stderr.write(f"Screenshot {image.pk} ({image.image.name}): {error}")
            else:
                hashed += 1
        self.stdout.write(f"Hashed {hashed} screenshots; {unreadable} could not be read.")
