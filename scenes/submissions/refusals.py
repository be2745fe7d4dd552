"""Why a screenshot is refused, in the reader's language: the messages of scenes.submissions.images' rules."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

NOT_AN_IMAGE = _("This file is not a JPEG, PNG, WebP or GIF image.")
BROKEN_IMAGE = _(
    "This image is damaged or incomplete (perhaps the upload was cut off). Please save it again and re-upload it."
)
EMPTY_FILE = _("This file is empty.")
NO_ALT_TEXT = _("Describe the picture for people who cannot see it.")
TOO_LARGE = _("This file is too large; a screenshot can be at most %(limit)s.")
TOO_MANY = _("This picture has too many pixels; a screenshot can be at most %(limit)s megapixels.")
PIXELS_OF = _("This picture is %(width)d×%(height)d pixels; a screenshot can be at most %(limit)s megapixels.")


def file_too_large(size: int | None, max_bytes: int) -> ValidationError:
    message = _("This file is %(size)s; a screenshot can be at most %(limit)s.") if size else TOO_LARGE
    return ValidationError(
        message % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)}, "file_too_large"
    )


def too_many_pixels(size: tuple[int, int] | None, max_pixels: int) -> ValidationError:
    width, height = size or (0, 0)
    message = PIXELS_OF if size else TOO_MANY
    return ValidationError(
        message % {"width": width, "height": height, "limit": f"{max_pixels / 1e6:g}"}, "too_many_pixels"
    )
