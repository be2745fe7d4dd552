"""
Importing scenes: every record checked against the catalogue before anything is written, then all written in
one transaction, or none (the rules are in scenes/bulk/__init__.py).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from scenes.models import Character, Drama, Scene, SceneSource, SceneTrope, Trope
from scenes.search.index import reindex_scenes
from scenes.timecodes import parse_timecode

from .formats import COLUMN_OF_FIELD, FALSE_WORDS, TRUE_WORDS, ImportRefused, Record, RowError
from .sources import read_sources


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
    sources: list[SceneSource] = field(default_factory=list)

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
            return None  # unknown: no source says which episode
        if not text.isdigit() or int(text) < 1:
            self.fail("episode", f"“{text}” is not an episode number (1, 2, 3…).")
        else:
            return int(text)
        return None

    def timecode(self, column: str) -> int | None:
        text = self.text(column)  # empty: not known
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
    sources, problems = read_sources(row.values.get("sources"), today=timezone.localdate(now))
    for problem in problems:
        row.fail("sources", problem)
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
        is_spoiler=row.boolean("is_spoiler"),
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
    return (None if row.errors else PlannedScene(record.where, scene, tropes, sources)), row.errors


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
            for plan in planned:
                for source in plan.sources:
                    source.scene = plan.scene
            SceneSource.objects.bulk_create([source for plan in planned for source in plan.sources], batch_size=1000)
            # bulk_create sends no signals: index the new scenes for search in the same transaction.
            reindex_scenes([plan.scene.pk for plan in planned])
    except IntegrityError as error:
        # A rule the checks above missed (or a concurrent change): the database's triggers had the last word.
        raise ImportRefused([RowError("database", "", f"refused the import ({error}).")]) from error
