"""
Bulk import and export of scenes as CSV or JSON, in one format both ways.

``python manage.py import_scenes FILE`` and ``python manage.py export_scenes`` speak these columns (CSV: a header
row naming them, in any order; JSON: an array of objects with these keys):

| column | required | what it holds |
| --- | --- | --- |
| `drama` | yes | the drama's slug, e.g. `the-heirs`; the drama must exist |
| `episode` | yes | the episode, from 1 to the drama's episode count |
| `start` | yes | when the hug starts in the episode: `mm:ss` or `h:mm:ss` |
| `end` | yes | when it ends, after `start` |
| `hugger` | yes | who hugs from behind: a character's name in that drama's cast |
| `hugged` | yes | who is hugged: another character of that drama |
| `setting` | no | where it happens, e.g. `rainy bus stop` |
| `description` | yes | what happens, in our own words |
| `line_korean` | no | the line spoken during the hug, in Korean |
| `line_english` | no | the same line in English |
| `tropes` | no | curated trope slugs separated by `;` (JSON: also a list), e.g. `comfort;lingering` |
| `status` | no | `published` (the default), `pending` or `rejected` |
| `is_illustrative` | no | `true` or `false` (also `yes`/`no`, `1`/`0`; empty is `false`) |
| `is_featured` | no | `true` or `false`; only a published scene can be featured |
| `published_at` | no | ISO 8601, e.g. `2024-02-14T20:30:00+00:00` (UTC if no offset); published scenes default to now |

Rules:
- Dramas, characters and tropes must already exist; nothing but scenes and their tropes is created.
- Every row is checked before anything is written, and each bad row is reported with where it is (CSV: its line
  in the file, the header being line 1; JSON: the record's position in the array, from 1) and why. One bad row
  and nothing is imported.
- Derived tropes (`second-lead`, `girl-initiated`, `boy-initiated`) follow from the hugger and cannot be given.
- A scene with the same drama, episode, start, hugger and hugged as one in the catalogue (or earlier in the file)
  is a duplicate: an error, or skipped with a warning with ``--skip-existing``.
- Export writes the published catalogue in story order, with each scene's public tropes; importing that file
  into a catalogue with the same dramas and characters and no scenes recreates the same scenes (their tropes
  attached as curated ones; votes, comments and screenshots are not part of the format).
"""

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TextIO

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from .models import Character, Drama, Scene, SceneTrope, Trope
from .search_index import reindex_scenes
from .timecodes import format_timecode, parse_timecode

COLUMNS = (
    "drama",
    "episode",
    "start",
    "end",
    "hugger",
    "hugged",
    "setting",
    "description",
    "line_korean",
    "line_english",
    "tropes",
    "status",
    "is_illustrative",
    "is_featured",
    "published_at",
)
REQUIRED_COLUMNS = ("drama", "episode", "start", "end", "hugger", "hugged", "description")
FORMATS = ("csv", "json")
TRUE_WORDS = {"true", "yes", "1"}
FALSE_WORDS = {"false", "no", "0", ""}
# Scene fields whose column has another name, for the model's own validation messages.
COLUMN_OF_FIELD = {"start_seconds": "start", "end_seconds": "end", NON_FIELD_ERRORS: ""}
EXPORT_CHUNK_SIZE = 500


@dataclass(frozen=True)
class RowError:
    where: str  # "line 4" (CSV) or "record 4" (JSON)
    column: str  # "" when the whole row or file is at fault
    message: str

    def __str__(self) -> str:
        return f"{self.where}, {self.column}: {self.message}" if self.column else f"{self.where}: {self.message}"


class ImportRefused(Exception):
    """The file has bad rows (all of them listed); nothing was imported."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass
class Record:
    """One row or object of the file, as read, before any checking."""

    where: str
    values: dict[str, Any]
    problems: list[tuple[str, str]] = field(default_factory=list)  # (column, message) found while reading


@dataclass
class ImportReport:
    created: int = 0
    tropes: int = 0
    skipped: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    def summary(self, source: str) -> str:
        if self.dry_run:
            text = f"Checked {self.created} scenes in {source}: all can be imported (nothing written, --dry-run)."
        else:
            text = f"Imported {self.created} scenes with {self.tropes} tropes from {source}."
        if self.skipped:
            text += f" Skipped {len(self.skipped)} already in the catalogue."
        return text


# Reading ---------------------------------------------------------------------------------------------


def format_of(path: str, requested: str | None = None) -> str:
    """The requested format, else the one the file name's extension says; ValueError when neither says."""
    file_format = requested or path.rsplit(".", 1)[-1].lower()
    if file_format not in FORMATS:
        raise ValueError(f"Cannot tell the format of {path}: name it .csv or .json, or pass --format csv|json.")
    return file_format


def read_records(stream: TextIO, *, file_format: str) -> list[Record]:
    """The file's records; ImportRefused when the file as a whole is unreadable (bad header, not JSON...)."""
    return read_csv(stream) if file_format == "csv" else read_json(stream)


def read_csv(stream: TextIO) -> list[Record]:
    reader = csv.reader(stream)
    header = [name.strip() for name in next(reader, [])]
    header_errors = [RowError("line 1", column, message) for column, message in column_problems(header)]
    if not header:
        header_errors.append(RowError("line 1", "", "The file is empty: its first line must name the columns."))
    if header_errors:
        raise ImportRefused(header_errors)
    records = []
    last_line = reader.line_num
    try:
        for row in reader:
            # A record can span lines (a quoted value with line breaks): report the line where it starts.
            first_line, last_line = last_line + 1, reader.line_num
            if not any(value.strip() for value in row):
                continue  # blank line
            record = Record(f"line {first_line}", dict(zip(header, row, strict=False)))
            if len(row) > len(header):
                record.problems.append(("", f"has {len(row)} values but the header names {len(header)} columns."))
            records.append(record)
    except csv.Error as error:  # e.g. a NUL byte: the rest of the file cannot be read reliably
        raise ImportRefused([RowError(f"line {reader.line_num}", "", f"This is not CSV: {error}.")]) from None
    return records


def read_json(stream: TextIO) -> list[Record]:
    try:
        data = json.load(stream)
    except json.JSONDecodeError as error:
        raise ImportRefused([RowError(f"line {error.lineno}", "", f"This is not valid JSON: {error.msg}.")]) from None
    if not isinstance(data, list):
        raise ImportRefused([RowError("file", "", "The file must hold a JSON array of scene objects.")])
    records = []
    for number, item in enumerate(data, start=1):
        if isinstance(item, dict):
            record = Record(f"record {number}", item, problems=column_problems(list(item), header=False))
        else:
            record = Record(f"record {number}", {}, problems=[("", "is not an object with the columns as keys.")])
        records.append(record)
    return records


def column_problems(names: list[str], *, header: bool = True) -> list[tuple[str, str]]:
    """Unknown and repeated columns, and (for a CSV header) missing required ones."""
    problems = [
        (name, f"is not a column; the columns are {', '.join(COLUMNS)}.") for name in names if name not in COLUMNS
    ]
    problems += [(name, "appears twice.") for name in sorted(set(names)) if names.count(name) > 1]
    if header and names:
        problems += [(name, "is a required column and is missing.") for name in REQUIRED_COLUMNS if name not in names]
    return problems


# Checking --------------------------------------------------------------------------------------------


class Catalogue:
    """The dramas, characters, tropes and existing scenes the records name, loaded in four queries."""

    def __init__(self, records: list[Record]):
        slugs = {str(record.values.get("drama") or "").strip() for record in records}
        self.dramas = {drama.slug: drama for drama in Drama.objects.filter(slug__in=slugs)}
        self.characters: dict[tuple[int, str], Character] = {}
        self.characters_by_folded_name: dict[tuple[int, str], list[Character]] = defaultdict(list)
        for character in Character.objects.filter(drama__in=self.dramas.values()):
            self.characters[character.drama_id, character.name] = character
            self.characters_by_folded_name[character.drama_id, character.name.casefold()].append(character)
        self.tropes = {trope.slug: trope for trope in Trope.objects.all()}
        self.existing_scenes: dict[tuple, int] = {}
        for drama_id, episode, start, hugger_id, hugged_id, pk in Scene.objects.filter(
            drama__in=self.dramas.values()
        ).values_list("drama_id", "episode", "start_seconds", "hugger_id", "hugged_id", "pk"):
            self.existing_scenes[drama_id, episode, start, hugger_id, hugged_id] = pk

    def character(self, drama: Drama, name: str) -> Character | None:
        """The character of that name in the drama; a difference in case only is forgiven when unambiguous."""
        found = self.characters.get((drama.pk, name))
        if found is None:
            folded = self.characters_by_folded_name.get((drama.pk, name.casefold()), [])
            found = folded[0] if len(folded) == 1 else None
        return found


@dataclass
class PlannedScene:
    where: str
    scene: Scene
    tropes: list[Trope]

    @property
    def key(self) -> tuple:
        scene = self.scene
        return (scene.drama_id, scene.episode, scene.start_seconds, scene.hugger_id, scene.hugged_id)


class RecordReader:
    """Typed values out of one record, collecting a RowError for each value that does not read."""

    def __init__(self, record: Record):
        self.where = record.where
        self.values = record.values
        self.errors = [RowError(record.where, column, message) for column, message in record.problems]

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.where, column, message))

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.values.get(column)
        if value is not None and not isinstance(value, str):
            self.fail(column, "must be text.")
            return ""
        value = (value or "").strip()
        if required and not value:
            self.fail(column, "is required.")
        return value

    def episode(self) -> int | None:
        value = self.values.get("episode")
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else self.text("episode")
        if not text:
            self.fail("episode", "is required.")
        elif not text.isdigit() or int(text) < 1:
            self.fail("episode", f"“{text}” is not an episode number (1, 2, 3…).")
        else:
            return int(text)
        return None

    def timecode(self, column: str) -> int | None:
        text = self.text(column, required=True)
        try:
            return parse_timecode(text) if text else None
        except ValueError as error:
            self.fail(column, str(error))
            return None

    def boolean(self, column: str) -> bool:
        value = self.values.get(column)
        if isinstance(value, bool):
            return value
        text = self.text(column).lower()
        if text not in TRUE_WORDS | FALSE_WORDS:
            self.fail(column, f"“{text}” is not true or false.")
        return text in TRUE_WORDS

    def slugs(self, column: str) -> list[str]:
        value = self.values.get(column)
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            items = value
        else:
            items = self.text(column).split(";")
        return list(dict.fromkeys(item.strip() for item in items if item.strip()))

    def moment(self, column: str) -> datetime | None:
        text = self.text(column)
        try:
            moment = parse_datetime(text) if text else None
        except ValueError:  # well formed but impossible, e.g. February 30th
            moment = None
        if text and moment is None:
            self.fail(column, f"“{text}” is not an ISO 8601 date and time like 2024-02-14T20:30:00+00:00.")
        if moment is not None and timezone.is_naive(moment):
            moment = timezone.make_aware(moment, UTC)
        return moment


def check_record(record: Record, catalogue: Catalogue, *, now: datetime) -> tuple[PlannedScene | None, list[RowError]]:
    """The scene a record describes, unsaved, or every reason it cannot be imported."""
    row = RecordReader(record)
    slug = row.text("drama", required=True)
    drama = catalogue.dramas.get(slug)
    if slug and drama is None:
        row.fail("drama", f"no drama has the slug “{slug}”.")
    characters = {}
    for column in ("hugger", "hugged"):
        name = row.text(column, required=True)
        characters[column] = catalogue.character(drama, name) if drama and name else None
        if drama and name and characters[column] is None:
            row.fail(column, f"{drama.title} has no character named “{name}”.")
    tropes = []
    for trope_slug in row.slugs("tropes"):
        trope = catalogue.tropes.get(trope_slug)
        if trope is None:
            row.fail("tropes", f"no trope has the slug “{trope_slug}”.")
        elif trope.is_derived:
            row.fail("tropes", f"“{trope_slug}” follows from the hugger's role or gender and cannot be given.")
        else:
            tropes.append(trope)
    status = row.text("status") or Scene.Status.PUBLISHED
    if status not in Scene.Status.values:
        row.fail("status", f"“{status}” is not a status; use {', '.join(Scene.Status.values)}.")
    is_featured = row.boolean("is_featured")
    if is_featured and status != Scene.Status.PUBLISHED:
        row.fail("is_featured", "only a published scene can be featured on the front page.")
    published_at = row.moment("published_at")
    scene = Scene(
        drama=drama,
        episode=row.episode(),
        start_seconds=row.timecode("start"),
        end_seconds=row.timecode("end"),
        hugger=characters["hugger"],
        hugged=characters["hugged"],
        setting=row.text("setting"),
        description=row.text("description", required=True),
        line_korean=row.text("line_korean"),
        line_english=row.text("line_english"),
        status=status,
        is_illustrative=row.boolean("is_illustrative"),
        is_featured=is_featured,
        published_at=published_at or (now if status == Scene.Status.PUBLISHED else None),
    )
    # The model's own rules, with its messages: episode within the drama, two different characters, end after
    # start, text lengths. A column already reported above is not reported again in the model's words.
    # No queries: the foreign keys were looked up above, and uniqueness and constraints are the database's.
    reported = {error.column for error in row.errors}
    try:
        scene.full_clean(
            exclude=["drama", "hugger", "hugged", "submitted_by"], validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        for scene_field, messages in error.message_dict.items():
            column = COLUMN_OF_FIELD.get(scene_field, scene_field)
            if column not in reported:
                for message in messages:
                    row.fail(column, message)
    return (None if row.errors else PlannedScene(record.where, scene, tropes)), row.errors


def import_scenes(*, records: list[Record], skip_existing: bool = False, dry_run: bool = False) -> ImportReport:
    """Check every record, then create all their scenes with their tropes, or none.

    Raises ImportRefused listing every bad record (nothing written). A record repeating a scene of the
    catalogue is an error, or skipped (listed in the report) with ``skip_existing``; one repeating an earlier
    record of the file is always an error. ``dry_run`` checks without writing.
    """
    catalogue = Catalogue(records)
    now = timezone.now()
    report = ImportReport(dry_run=dry_run)
    planned: list[PlannedScene] = []
    seen: dict[tuple, str] = {}
    errors: list[RowError] = []
    for record in records:
        plan, record_errors = check_record(record, catalogue, now=now)
        errors += record_errors
        if plan is None:
            continue
        if plan.key in seen:
            errors.append(RowError(plan.where, "", f"is the same scene as {seen[plan.key]}."))
        elif plan.key in catalogue.existing_scenes:
            duplicate = RowError(
                plan.where, "", f"is already in the catalogue as scene {catalogue.existing_scenes[plan.key]}."
            )
            (report.skipped if skip_existing else errors).append(duplicate)
        else:
            seen[plan.key] = plan.where
            planned.append(plan)
    if errors:
        raise ImportRefused(errors)
    report.created = len(planned)
    report.tropes = sum(len(plan.tropes) for plan in planned)
    if not dry_run:
        write_scenes(planned)
    return report


def write_scenes(planned: list[PlannedScene]) -> None:
    try:
        with transaction.atomic():
            # The database returns the new ids from a bulk insert on SQLite (3.35+) and PostgreSQL.
            Scene.objects.bulk_create([plan.scene for plan in planned], batch_size=500)
            SceneTrope.objects.bulk_create(
                [SceneTrope(scene=plan.scene, trope=trope) for plan in planned for trope in plan.tropes],
                batch_size=1000,
            )
            # bulk_create sends no signals: index the new scenes for search in the same transaction.
            reindex_scenes([plan.scene.pk for plan in planned])
    except IntegrityError as error:
        # A rule the checks above missed (or a concurrent change): the database's triggers had the last word.
        raise ImportRefused([RowError("database", "", f"refused the import ({error}).")]) from error


# Writing ---------------------------------------------------------------------------------------------


def export_queryset() -> QuerySet[Scene]:
    """The published catalogue in story order, with what a row needs, in two queries per chunk."""
    return (
        Scene.objects.published()
        .select_related("drama", "hugger", "hugged")
        .prefetch_related(
            Prefetch(
                "scene_tropes",
                queryset=SceneTrope.objects.filter(is_public=True).select_related("trope").order_by("trope__slug"),
                to_attr="exported_scene_tropes",
            )
        )
        .in_story_order()
    )


def scene_record(scene: Scene) -> dict[str, Any]:
    """A scene as one record of the import format, with JSON types (CSV flattens them)."""
    return {
        "drama": scene.drama.slug,
        "episode": scene.episode,
        "start": format_timecode(scene.start_seconds),
        "end": format_timecode(scene.end_seconds),
        "hugger": scene.hugger.name,
        "hugged": scene.hugged.name,
        "setting": scene.setting,
        "description": scene.description,
        "line_korean": scene.line_korean,
        "line_english": scene.line_english,
        "tropes": [scene_trope.trope.slug for scene_trope in scene.exported_scene_tropes],
        "status": scene.status,
        "is_illustrative": scene.is_illustrative,
        "is_featured": scene.is_featured,
        "published_at": scene.published_at.isoformat() if scene.published_at else None,
    }


def export_scenes(stream: TextIO, *, file_format: str, scenes: QuerySet[Scene] | None = None) -> int:
    """Write the published catalogue (or ``scenes``, prepared like export_queryset()) to ``stream``; the count."""
    scenes = export_queryset() if scenes is None else scenes
    records = (scene_record(scene) for scene in scenes.iterator(chunk_size=EXPORT_CHUNK_SIZE))
    return write_csv(records, stream) if file_format == "csv" else write_json(records, stream)


def write_csv(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for record in records:
        writer.writerow(csv_value(record[column]) for column in COLUMNS)
        count += 1
    return count


def csv_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    return "" if value is None else str(value)


def write_json(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """A JSON array with one scene per line, written as it goes rather than built whole in memory."""
    count = 0
    for record in records:
        stream.write(("[\n  " if count == 0 else ",\n  ") + json.dumps(record, ensure_ascii=False))
        count += 1
    stream.write("\n]\n" if count else "[]\n")
    return count
