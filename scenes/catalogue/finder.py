"""
Find a scene from a screenshot: an upload or a pasted picture goes through the same checks as a submission's
screenshots (scenes.submissions.images), is hashed (a 64-bit difference hash), and the published scenes whose
stored screenshots are closest in Hamming distance come back, each with how close it is.

Nothing of the upload outlives the request: it is read into memory only (``InMemoryScreenshotUpload``, never a
temporary file), decoded, hashed and dropped; no row, no file, no log line keeps it.
"""

from dataclasses import dataclass

from django.core.files.uploadhandler import MemoryFileUploadHandler, SkipFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from scenes.links import cached_reverse
from scenes.models import Scene, SceneImage
from scenes.submissions.images import (
    MAX_SEARCH_DISTANCE,
    SCREENSHOT_MAX_BYTES,
    file_too_large,
    near_duplicates,
    setting,
)

HASH_BITS = 64
MAX_RESULTS = 12
# What a distance means, from the tests of near_duplicates: re-encoding or resizing flips a few bits, a
# crop or a caption more, and a different picture about half of them.
CLOSENESS = (
    (4, gettext_lazy("the same picture")),
    (8, gettext_lazy("very close")),
    (12, gettext_lazy("similar")),
    (MAX_SEARCH_DISTANCE, gettext_lazy("loosely similar")),
)


class InMemoryScreenshotUpload(MemoryFileUploadHandler):
    """Keeps an uploaded file in memory whatever its size, and skips one larger than a screenshot may be."""

    def __init__(self, request=None):
        super().__init__(request)
        self.too_large = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = True  # never fall through to a temporary file on disk

    def new_file(self, *args, **kwargs):
        self.received = 0
        super().new_file(*args, **kwargs)  # raises StopFutureHandlers: this handler is the one that takes it

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > setting("SCREENSHOT_MAX_BYTES", SCREENSHOT_MAX_BYTES):
            self.too_large = True
            raise SkipFile()
        return super().receive_data_chunk(raw_data, start)

    def refusal(self):
        """The message for a file skipped as too large, or None."""
        return file_too_large(None, setting("SCREENSHOT_MAX_BYTES", SCREENSHOT_MAX_BYTES)) if self.too_large else None


def keep_uploads_in_memory(request) -> InMemoryScreenshotUpload:
    """Before the body is read: uploads of this request stay in memory. Returns the handler, to ask if it refused.

    Called again once the body was read (the middleware below set it), it returns the handler already set.
    """
    handler = getattr(request, "screenshot_upload", None)
    if handler is None:
        handler = InMemoryScreenshotUpload(request)
        request.upload_handlers = [handler]
        request.screenshot_upload = handler
    return handler


class ScreenshotSearchUploadsMiddleware:
    """The page that finds a scene from a screenshot keeps its uploads in memory, set before any middleware reads
    the form (edge.hostile_input reads every form): first in MIDDLEWARE but the request-size limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info == cached_reverse("scenes:find"):
            keep_uploads_in_memory(request)
        return self.get_response(request)


@dataclass(frozen=True)
class Match:
    scene: Scene
    distance: int  # bits of 64 that differ

    @property
    def similarity(self) -> int:
        """Percent of the hash's bits that agree."""
        return round(100 * (HASH_BITS - self.distance) / HASH_BITS)

    @property
    def closeness(self) -> str:
        return str(next(label for limit, label in CLOSENESS if self.distance <= limit))

    @property
    def summary(self) -> str:
        return _("%(closeness)s: %(distance)d of 64 bits differ (%(similarity)d%% alike)") % {
            "closeness": self.closeness,
            "distance": self.distance,
            "similarity": self.similarity,
        }


def closest_scenes(perceptual_hash: str, *, scenes=None, limit: int = MAX_RESULTS) -> list[Match]:
    """The published scenes whose screenshots are nearest ``perceptual_hash``, nearest first, one match per scene."""
    published = SceneImage.objects.filter(scene__status=Scene.Status.PUBLISHED)
    nearest: dict[int, int] = {}
    for image in near_duplicates(perceptual_hash, max_distance=MAX_SEARCH_DISTANCE, queryset=published):
        nearest.setdefault(image.scene_id, image.hash_distance)  # nearest first: the first is the scene's best
    chosen = sorted(nearest.items(), key=lambda item: (item[1], item[0]))[:limit]
    found = (scenes if scenes is not None else Scene.objects.published().for_cards()).in_bulk([pk for pk, _ in chosen])
    return [Match(found[pk], distance) for pk, distance in chosen if pk in found]
