"""Timestamps in an episode, as fans write them: ``mm:ss`` or ``h:mm:ss``."""

import re

from django.utils.translation import gettext

TIMECODE = re.compile(r"^(?:(?P<hours>\d{1,2}):)?(?P<minutes>\d{1,3}):(?P<seconds>[0-5]\d)$")


def parse_timecode(text: str) -> int:
    """Seconds from ``mm:ss`` or ``h:mm:ss``; ValueError with a readable message otherwise."""
    match = TIMECODE.match(text.strip())
    if not match:
        raise ValueError(gettext("“%(text)s” is not a time like 12:34 or 1:02:03.") % {"text": text})
    hours = int(match["hours"] or 0)
    minutes = int(match["minutes"])
    if match["hours"] is not None and minutes > 59:
        raise ValueError(gettext("“%(text)s” has more than 59 minutes after the hours.") % {"text": text})
    return hours * 3600 + minutes * 60 + int(match["seconds"])


def format_timecode(total_seconds: int) -> str:
    hours, rest = divmod(int(total_seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes:02d}:{seconds:02d}"
