"""JSON bodies as the API accepts them: parsed by DRF, refused with a 400 when nested deeper than any write needs.
The refusals are in the reader's language (DRF words its own parse error in English only)."""

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# The API's writes take flat objects; a body nested deeper is hostile (Python's parser recurses per level).
MAX_DEPTH = 32


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(_too_deep()) from error
        except ParseError as error:
            # DRF raised it while handling the json module's ValueError, whose text says where the body breaks.
            where = str(error.__context__) if isinstance(error.__context__, ValueError) else ""
            raise ParseError(_("JSON parse error - %(error)s") % {"error": where}) from error
        if _depth(data) > MAX_DEPTH:
            raise ParseError(_too_deep())
        return data


def _too_deep() -> str:
    return _("JSON parse error - nested deeper than %(levels)d levels.") % {"levels": MAX_DEPTH}


def _depth(data) -> int:
    """How deeply lists and objects nest in ``data``, counted without recursion."""
    deepest, pending = 0, [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            children = value.values() if isinstance(value, dict) else value
            pending.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest


class MultiPartParser(parsers.MultiPartParser):
    """A form with files (finding a scene from a screenshot); a broken body is refused in the reader's language."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except ParseError as error:
            # DRF words it in English only, around Django's MultiPartParserError, which says what is wrong.
            raise ParseError(
                _("Multipart form parse error - %(error)s") % {"error": error.__context__ or ""}
            ) from error
