"""
A fan's screenshots are processed in the background.

In the request, the upload is only checked (scenes.submissions.images: size, kind, pixels, a complete picture),
so a refused file gets its message at once, and kept as it came in the private "incoming" storage
(settings.STORAGES; never served). A task then re-encodes it, draws its thumbnails and hashes it
(``process_screenshot``); until then the row is "processing" and pages show that instead of a picture.

Processing is idempotent: a row already processed, or deleted, is left alone, so a task delivered twice or
retried after a crash does no harm; a picture the checks let through but the re-encoding refuses is marked
failed with the reason, never retried.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone

from scenes.models import Scene, SceneImage

from .images import (
    NO_ALT_TEXT,
    SCREENSHOT_MAX_BYTES,
    decode,
    delete_files,
    prepare_screenshot,
    read_limited,
    setting,
    store_screenshot,
)

logger = logging.getLogger(__name__)

INCOMING = "incoming"  # the STORAGES alias of uploads waiting to be processed
# A row still waiting this long lost its task (a broker restart, say): the sweep queues it again.
STUCK_AFTER = timedelta(minutes=10)
GIVE_UP_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class CheckedScreenshot:
    """An upload that passed the checks a fan must hear about at once: its bytes, as they came."""

    data: bytes


def check_screenshot(uploaded_file) -> CheckedScreenshot:
    """ValidationError with a message for the fan unless the upload is a picture we can process."""
    data = read_limited(uploaded_file, max_bytes=setting("SCREENSHOT_MAX_BYTES", SCREENSHOT_MAX_BYTES))
    decode(data)
    return CheckedScreenshot(data)


def keep_screenshot(*, scene: Scene, screenshot: CheckedScreenshot, alt_text: str, position: int = 0) -> SceneImage:
    """A screenshot row waiting to be processed, its upload kept in the incoming storage; nothing on failure."""
    alt_text = alt_text.strip()
    if not alt_text:
        raise ValidationError({"alt_text": NO_ALT_TEXT})
    row = SceneImage(scene=scene, alt_text=alt_text, position=position)
    row.clean_fields(exclude=["scene", "image", "thumbnail_small", "thumbnail_medium"])
    token = uuid.uuid4().hex
    storage = storages[INCOMING]
    row.upload_name = storage.save(f"{token[:2]}/{token}", ContentFile(screenshot.data))
    try:
        with transaction.atomic():  # a savepoint: a refused row leaves the caller's transaction usable
            row.save()
    except BaseException:
        delete_files([(storage, row.upload_name)])
        raise
    return row


def discard_upload(row: SceneImage) -> None:
    """Delete a waiting row's upload (its submission failed after it was kept)."""
    if row.upload_name:
        delete_files([(storages[INCOMING], row.upload_name)])


def process_screenshot(*, image_id: int) -> None:
    """Re-encode a waiting upload, store its picture, thumbnails and hash, and forget the upload. Idempotent."""
    row = SceneImage.objects.filter(pk=image_id).first()
    if row is None or not row.is_processing:
        return  # deleted since, or done by an earlier delivery of this task
    incoming = storages[INCOMING]
    with incoming.open(row.upload_name) as upload:
        try:
            screenshot = prepare_screenshot(ContentFile(upload.read(), name="upload"))
        except ValidationError as refusal:
            reason = " ".join(refusal.messages)[:300]
            SceneImage.objects.filter(pk=row.pk).update(processing_error=reason, upload_name="")
            transaction.on_commit(lambda: delete_files([(incoming, row.upload_name)]))
            logger.warning("Screenshot %s could not be processed: %s", row.pk, reason)
            return
    with transaction.atomic():
        waiting = SceneImage.objects.select_for_update().filter(pk=row.pk).first()
        if waiting is None or not waiting.is_processing:
            return  # another delivery finished first, or the row is gone
        # The processed screenshot takes the waiting row's place (the way every stored screenshot is written).
        store_screenshot(
            scene=waiting.scene, uploaded_file=screenshot, alt_text=waiting.alt_text, position=waiting.position
        )
        upload_name = waiting.upload_name
        waiting.delete()
    transaction.on_commit(lambda: delete_files([(incoming, upload_name)]))


def waiting_too_long() -> list[int]:
    """Rows whose task seems lost: still processing STUCK_AFTER after their scene came in (within a day)."""
    now = timezone.now()
    return list(
        SceneImage.objects.filter(
            image="", scene__created_at__lt=now - STUCK_AFTER, scene__created_at__gt=now - GIVE_UP_AFTER
        )
        .exclude(upload_name="")
        .values_list("pk", flat=True)
    )
