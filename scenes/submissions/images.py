"""
Screenshots: every upload is checked, re-encoded, resized and hashed before anything is stored.

The rules, in the order they apply:
1. At most SCREENSHOT_MAX_BYTES (8 MB), refused before the file is read whole.
2. A JPEG, PNG, WebP or GIF as its bytes say, never as its name or declared content type says; a GIF or an
   animated WebP gives its first frame.
3. At most SCREENSHOT_MAX_PIXELS (40 megapixels), checked from the header before any pixel is decoded; Pillow's
   own decompression-bomb warning is an error here too (only here: Image.MAX_IMAGE_PIXELS stays as it is).
   A submission's screenshots together hold at most SUBMISSION_MAX_PIXELS (40 megapixels), read from all their
   headers before any of them is decoded (pixel_budget_refusal): decoding costs time and memory by the pixel,
   so one request cannot hold a worker for seconds.
4. Decoded completely: a truncated or damaged file is refused.
5. Turned upright (EXIF orientation), converted to sRGB, then re-encoded from its pixels alone as WebP, so no
   EXIF, GPS, XMP, ICC profile, comment or bytes appended after the image (polyglots) survive. The long side is
   capped at SCREENSHOT_MAX_SIDE (1920).
6. Stored under random names, never the uploaded one, through the model fields' storage (settings.STORAGES, so
   a bucket can replace the disk), with thumbnails 320 and 640 pixels wide for ``srcset`` and a 64-bit
   perceptual hash to find near duplicates.

The limits can be set in settings under the same names; the constants below are the defaults.
"""

import io
import itertools
import logging
import uuid
import warnings
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from scenes.models import Scene, SceneImage

from .refusals import BROKEN_IMAGE, EMPTY_FILE, NO_ALT_TEXT, NOT_AN_IMAGE, file_too_large, too_many_pixels

logger = logging.getLogger(__name__)

SCREENSHOT_MAX_BYTES = 8 * 1024 * 1024
SCREENSHOT_MAX_PIXELS = 40_000_000
SUBMISSION_MAX_PIXELS = 40_000_000
SCREENSHOT_MAX_SIDE = 1920
SCREENSHOT_QUALITY = 85

ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,image/gif"  # for <input type=file accept>; a hint, not a check
STORAGE_FOLDER = "screenshots"
THUMBNAILS = (("thumbnail_small", SceneImage.SMALL_WIDTH), ("thumbnail_medium", SceneImage.MEDIUM_WIDTH))
FILE_FIELDS = ("image", *(field_name for field_name, _ in THUMBNAILS))
BAND_FIELDS = [f"hash_band_{band}" for band in range(SceneImage.HASH_BANDS)]
BAND_BITS = 64 // SceneImage.HASH_BANDS
MAX_SEARCH_DISTANCE = 15


def setting(name: str, default: int) -> int:
    """A limit from settings when the project sets one, else this module's default; read on every call."""
    return getattr(settings, name, default)


@dataclass(frozen=True)
class PreparedScreenshot:
    """An upload that passed every check, re-encoded and ready to store."""

    image: bytes
    width: int
    height: int
    perceptual_hash: str
    thumbnails: dict[str, bytes] = field(default_factory=dict)  # model field name -> WebP bytes

    def files(self) -> dict[str, bytes]:
        return {"image": self.image, **self.thumbnails}


# Checking and decoding ---------------------------------------------------------------------------


def read_limited(uploaded_file: File, *, max_bytes: int) -> bytes:
    """The file's bytes, refusing a file over ``max_bytes`` without reading more than ``max_bytes + 1``."""
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > max_bytes:
        raise file_too_large(size, max_bytes)
    uploaded_file.seek(0)
    data = uploaded_file.read(max_bytes + 1)
    uploaded_file.seek(0)  # leave the file as we found it for whoever reads it next
    if len(data) > max_bytes:
        raise file_too_large(None, max_bytes)
    if not data:
        raise ValidationError(EMPTY_FILE, code="empty")
    return data


def decode(data: bytes) -> Image.Image:
    """The first frame of a JPEG, PNG, WebP or GIF, fully decoded; ValidationError for anything else."""
    max_pixels = setting("SCREENSHOT_MAX_PIXELS", SCREENSHOT_MAX_PIXELS)
    size = None
    try:
        with warnings.catch_warnings():
            # Image.open warns past Image.MAX_IMAGE_PIXELS (89 MP) and would let the pixels be decoded: make that
            # a refusal, in this block only. (catch_warnings is process-wide, so in a threaded server another
            # request may briefly share the filter; harmless, and our own lower limit below refuses such a
            # picture anyway whenever SCREENSHOT_MAX_PIXELS stays under Pillow's.)
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Only these formats' decoders may even look at the bytes: the name and content type are ignored.
            picture = Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS)
            size = picture.size
            if size[0] * size[1] > max_pixels:
                raise too_many_pixels(size, max_pixels)
            # A JPEG much larger than we store can be decoded at 1/2, 1/4 or 1/8 scale: far less memory.
            side = setting("SCREENSHOT_MAX_SIDE", SCREENSHOT_MAX_SIDE)
            picture.draft(None, (side, side))
            picture.load()
    except UnidentifiedImageError:  # before OSError, its base class
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels(size, max_pixels) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(BROKEN_IMAGE, code="broken_image") from None
    return picture


def declared_pixels(uploaded_file: File) -> int:
    """The pixels a picture's header declares, without decoding any; 0 for a file decode() will refuse anyway."""
    try:
        uploaded_file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(uploaded_file, formats=ACCEPTED_FORMATS) as picture:
                width, height = picture.size
    except Image.DecompressionBombError:
        return Image.MAX_IMAGE_PIXELS * 2 + 1  # Pillow refused to even read it: more than twice its own limit
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        return 0
    finally:
        uploaded_file.seek(0)
    return width * height


def pixel_budget_refusal(uploaded_files: list[File]) -> ValidationError | None:
    """Why these screenshots, together, are too large to decode in one request; None when they are not."""
    budget = setting("SUBMISSION_MAX_PIXELS", SUBMISSION_MAX_PIXELS)
    total = sum(declared_pixels(uploaded_file) for uploaded_file in uploaded_files)
    if total <= budget:
        return None
    side = setting("SCREENSHOT_MAX_SIDE", SCREENSHOT_MAX_SIDE)
    return ValidationError(
        _(
            "Together these screenshots are %(total)s megapixels; one submission can hold at most %(budget)s. "
            "We keep pictures at most %(side)d pixels wide, so smaller ones lose nothing."
        )
        % {"total": f"{total / 1_000_000:.0f}", "budget": f"{budget / 1_000_000:g}", "side": side},
        code="pixel_budget",
    )


# Re-encoding -------------------------------------------------------------------------------------


def upright(picture: Image.Image) -> Image.Image:
    """The picture as it should look, its EXIF orientation applied."""
    try:
        return ImageOps.exif_transpose(picture)
    except Exception:  # malformed EXIF fails in many ways, and must not cost the fan the upload
        return picture


def to_srgb(picture: Image.Image) -> Image.Image:
    """Colours converted from an embedded ICC profile to sRGB, since the stored file carries no profile."""
    profile = picture.info.get("icc_profile")
    if not profile or picture.mode not in ("RGB", "RGBA", "CMYK"):
        return picture
    try:
        return ImageCms.profileToProfile(
            picture,
            ImageCms.ImageCmsProfile(io.BytesIO(profile)),
            ImageCms.createProfile("sRGB"),
            outputMode="RGBA" if picture.mode == "RGBA" else "RGB",
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        return picture  # a broken profile: keep the colours as they are rather than refuse the picture


def to_rgb_or_rgba(picture: Image.Image) -> Image.Image:
    """RGB, or RGBA when some pixel is see-through (WebP keeps transparency)."""
    if picture.mode.startswith("I"):  # 16-bit greyscale PNG: scale to 8 bits, else everything clips to white
        picture = picture.convert("I").point(lambda value: value / 256).convert("L")
    if picture.mode != "RGBA" and picture.has_transparency_data:
        picture = picture.convert("RGBA")
    if picture.mode == "RGBA":
        alpha_range = picture.getchannel("A").getextrema()
        return picture.convert("RGB") if alpha_range == (255, 255) else picture
    return picture.convert("RGB")


def encode(picture: Image.Image) -> bytes:
    """WebP from the pixels alone: Pillow writes EXIF, XMP or ICC only when passed them, and we pass none."""
    buffer = io.BytesIO()
    picture.save(buffer, "WEBP", quality=setting("SCREENSHOT_QUALITY", SCREENSHOT_QUALITY), method=4)
    return buffer.getvalue()


def resized_to_width(picture: Image.Image, width: int) -> Image.Image:
    height = max(1, round(picture.height * width / picture.width))
    return picture.resize((width, height), Image.Resampling.LANCZOS)


def checked_picture(uploaded_file: File) -> Image.Image:
    """An upload through every check (rules 1-4), upright, in sRGB, its long side capped; else ValidationError."""
    picture = decode(read_limited(uploaded_file, max_bytes=setting("SCREENSHOT_MAX_BYTES", SCREENSHOT_MAX_BYTES)))
    picture = to_rgb_or_rgba(to_srgb(upright(picture)))
    side = setting("SCREENSHOT_MAX_SIDE", SCREENSHOT_MAX_SIDE)
    picture.thumbnail((side, side), Image.Resampling.LANCZOS)
    return picture


def screenshot_hash(uploaded_file: File) -> str:
    """The perceptual hash of an upload checked as a submission's would be; nothing is encoded or stored."""
    return difference_hash(checked_picture(uploaded_file))


def prepare_screenshot(uploaded_file: File) -> PreparedScreenshot:
    """Check, decode, straighten and re-encode an upload with its thumbnails; ValidationError when refused."""
    picture = checked_picture(uploaded_file)
    # Only thumbnails narrower than the image itself: a small screenshot is not blown up.
    thumbnails = {name: encode(resized_to_width(picture, width)) for name, width in THUMBNAILS if width < picture.width}
    return PreparedScreenshot(
        image=encode(picture),
        width=picture.width,
        height=picture.height,
        perceptual_hash=difference_hash(picture),
        thumbnails=thumbnails,
    )


def validate_screenshot(uploaded_file: File) -> None:
    """A form validator: raises ValidationError with a message for the fan when the upload would be refused."""
    prepare_screenshot(uploaded_file)


# Storing -----------------------------------------------------------------------------------------


def store_screenshot(
    *, scene: Scene, uploaded_file: File | PreparedScreenshot, alt_text: str, position: int = 0
) -> SceneImage:
    """Store a screenshot of ``scene``: the image, its thumbnails and its row, or nothing at all.

    ``uploaded_file`` is the upload, or the PreparedScreenshot a ScreenshotField already cleaned (so the picture
    is decoded once). Raises ValidationError (keyed by field for ``alt_text``) before anything is written. If
    writing a file or the row fails, the files already written are deleted and the error propagates. Files
    are named at random; the uploaded name is never used.

    Called inside a larger transaction that later rolls back, the files stay behind (storage has no rollback):
    harmless, unreachable files with random names.
    """
    alt_text = alt_text.strip()
    if not alt_text:
        raise ValidationError({"alt_text": NO_ALT_TEXT})
    screenshot = uploaded_file if isinstance(uploaded_file, PreparedScreenshot) else prepare_screenshot(uploaded_file)
    row = SceneImage(scene=scene, alt_text=alt_text, position=position)
    describe(row, screenshot)
    row.clean_fields(exclude=["scene", *FILE_FIELDS])  # e.g. alt text too long, before any file is written
    token = uuid.uuid4().hex
    written: list[tuple[Storage, str]] = []
    try:
        for field_name, data in screenshot.files().items():
            storage = SceneImage._meta.get_field(field_name).storage
            name = storage.save(f"{STORAGE_FOLDER}/{token[:2]}/{file_name(token, field_name)}", ContentFile(data))
            written.append((storage, name))
            # Set the name on the FieldFile, not the field: assigning the field would re-open the file to measure it.
            getattr(row, field_name).name = name
        # A savepoint: when the caller's transaction is open, a refused row does not break it.
        with transaction.atomic():
            row.save()
    except BaseException:
        delete_files(written)
        raise
    return row


def describe(row: SceneImage, screenshot: PreparedScreenshot) -> None:
    """Give ``row`` what is known of ``screenshot`` besides its files: its size, its perceptual hash and bands."""
    row.width, row.height = screenshot.width, screenshot.height
    set_hash(row, screenshot.perceptual_hash)


def set_hash(row: SceneImage, perceptual_hash: str) -> None:
    row.perceptual_hash = perceptual_hash
    for band_field, value in zip(BAND_FIELDS, hash_bands(perceptual_hash), strict=True):
        setattr(row, band_field, value)


def file_name(token: str, field_name: str) -> str:
    """The name of a screenshot's file (``field_name`` "image") or thumbnail: a random token, never the upload's."""
    suffix = "" if field_name == "image" else f"-{dict(THUMBNAILS)[field_name]}w"
    return f"{token}{suffix}.webp"


def delete_screenshot_files(image: SceneImage) -> None:
    """Delete a screenshot's image and thumbnails from storage (the row's deletion does not)."""
    delete_files(
        [(getattr(image, name).storage, getattr(image, name).name) for name in FILE_FIELDS if getattr(image, name)]
    )


def delete_files(files: list[tuple[Storage, str]]) -> None:
    for storage, name in files:
        try:
            storage.delete(name)
        except Exception:
            # Cleaning up after a failure must not hide that failure; an orphan file is only wasted space.
            logger.exception("Could not delete screenshot file %s", name)


# Near duplicates ---------------------------------------------------------------------------------


def difference_hash(picture: Image.Image) -> str:
    """dHash: shrink to 9×8 grey, one bit per horizontally adjacent pair, set when the left one is brighter.

    Re-encoding, resizing and small colour changes flip few of the 64 bits; a different picture flips about half.
    """
    if picture.mode == "RGBA":  # see-through pixels have arbitrary colours: hash what a reader sees, on white
        background = Image.new("RGB", picture.size, "white")
        background.paste(picture, mask=picture.getchannel("A"))
        picture = background
    pixels = picture.convert("L").resize((9, 8), Image.Resampling.LANCZOS).tobytes()
    bits = 0
    for row, column in itertools.product(range(8), range(8)):
        bits = (bits << 1) | (pixels[row * 9 + column] > pixels[row * 9 + column + 1])
    return f"{bits:016x}"


def hash_bands(perceptual_hash: str) -> list[int]:
    """The hash cut into HASH_BANDS integers of 16 bits, most significant first (the indexed columns)."""
    digits = BAND_BITS // 4
    return [int(perceptual_hash[start : start + digits], 16) for start in range(0, 16, digits)]


def hamming_distance(first: str, second: str) -> int:
    return (int(first, 16) ^ int(second, 16)).bit_count()


def values_within(value: int, flips: int) -> list[int]:
    """Every BAND_BITS-bit value that differs from ``value`` in at most ``flips`` bits."""
    return [
        value ^ sum(1 << bit for bit in bits)
        for count in range(flips + 1)
        for bits in itertools.combinations(range(BAND_BITS), count)
    ]


def near_duplicates(
    perceptual_hash: str, *, max_distance: int = 6, queryset: QuerySet[SceneImage] | None = None
) -> list[SceneImage]:
    """Stored screenshots whose hash is within ``max_distance`` bits of ``perceptual_hash``, nearest first.

    Each result carries ``hash_distance``. Pigeonhole: if two hashes differ in at most d bits, one of the four
    16-bit bands differs in at most d // 4 bits. So the database returns only the rows where some band is within
    d // 4 bits of ours (indexed ``IN`` lookups: 17 values per band for d = 6, 137 for d = 8..11) and the exact
    distance is counted here over those candidates. The trade-off: four small indexed columns, and a search that
    reads a sliver of the table instead of all of it; the cost is the IN lists, hence MAX_SEARCH_DISTANCE.
    Rows stored without a hash (demo data, admin uploads) are never found.
    """
    if len(perceptual_hash) != 16 or not all(digit in "0123456789abcdef" for digit in perceptual_hash):
        raise ValueError(f"{perceptual_hash!r} is not a perceptual hash of 16 hex digits.")
    if not 0 <= max_distance <= MAX_SEARCH_DISTANCE:
        raise ValueError(f"max_distance must be between 0 and {MAX_SEARCH_DISTANCE}.")
    flips = max_distance // SceneImage.HASH_BANDS
    condition = Q()
    for band_field, value in zip(BAND_FIELDS, hash_bands(perceptual_hash), strict=True):
        condition |= Q(**{f"{band_field}__in": values_within(value, flips)})
    queryset = SceneImage.objects.all() if queryset is None else queryset
    matches = []
    for image in queryset.filter(condition):
        image.hash_distance = hamming_distance(perceptual_hash, image.perceptual_hash)
        if image.hash_distance <= max_distance:
            matches.append(image)
    return sorted(matches, key=lambda image: (image.hash_distance, image.pk))
