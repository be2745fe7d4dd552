"""
A scene's sources in the bulk format: the ``sources`` column holds a list of objects (JSON: as it is; CSV: the same
list written as JSON text in the cell), each with ``url`` and ``title`` (required), ``publisher``, ``published_on``
and ``checked_on`` (dates as 2024-02-14; ``checked_on`` defaults to the day of the import) and ``quote``.
"""

import json
from datetime import date

from django.core.exceptions import ValidationError

from scenes.models import SceneSource

FIELDS = ("url", "title", "publisher", "published_on", "quote", "checked_on")
DATES = ("published_on", "checked_on")


def source_record(source: SceneSource) -> dict:
    """A source as the export writes it (JSON types)."""
    record = {name: getattr(source, name) for name in FIELDS}
    return record | {name: record[name].isoformat() if record[name] else None for name in DATES}


def read_sources(value, *, today: date) -> tuple[list[SceneSource], list[str]]:
    """The unsaved sources a cell or JSON value describes, and a message for each problem ("source 2: …")."""
    if value in (None, "", []):
        return [], []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return [], ['must be a JSON list of sources, e.g. [{"url": "https://…", "title": "…"}].']
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        return [], ["must be a list of objects, each with at least url and title."]
    sources, problems = [], []
    for number, item in enumerate(value, start=1):
        unknown = sorted(set(item) - set(FIELDS))
        if unknown:
            names = ", ".join(unknown)
            problems.append(f"source {number}: {names} is not a field; the fields are {', '.join(FIELDS)}.")
            continue
        values = {name: item.get(name) for name in FIELDS}
        wrong_type = [name for name, held in values.items() if held is not None and not isinstance(held, str)]
        if wrong_type:
            problems.append(f"source {number}: {', '.join(wrong_type)} must be text.")
            continue
        for name in DATES:
            try:
                values[name] = date.fromisoformat(values[name]) if values[name] else None
            except ValueError:
                problems.append(f"source {number}: {name} “{values[name]}” is not a date like 2024-02-14.")
                values[name] = None
        source = SceneSource(
            **{name: (values[name] or "") for name in ("url", "title", "publisher", "quote")},
            published_on=values["published_on"],
            checked_on=values["checked_on"] or today,
        )
        try:
            source.full_clean(exclude=["scene"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                problems.append(f"source {number}: {field}: {' '.join(messages)}")
        sources.append(source)
    return sources, problems
