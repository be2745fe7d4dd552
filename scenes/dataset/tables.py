"""
The open dataset's tables: each file's columns, their types and meaning (written into ``datapackage.json`` as a
Frictionless Table Schema), and how a value is written to CSV and read back.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.conf import settings

# Frictionless's default datetime format; seconds are the dataset's precision (a second is plenty for when a
# scene was published, and it reads the same from every database).
DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
TRUE, FALSE = "true", "false"

DATASET_NAME = "tropedb-back-hugs"
DATASET_TITLE = "tropedb: back-hug scenes in Korean dramas"
DEFAULT_LICENCE = {
    "name": "CC-BY-SA-4.0",
    "path": "https://creativecommons.org/licenses/by-sa/4.0/",
    "title": "Creative Commons Attribution-ShareAlike 4.0",
}


def licence() -> dict:
    """The licence the archive declares: settings.DATASET_LICENCE when the site sets one (a dict with name, path,
    title), else CC BY-SA 4.0."""
    return getattr(settings, "DATASET_LICENCE", DEFAULT_LICENCE)


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless type: string, integer, boolean, date, datetime
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()

    def schema(self) -> dict:
        described = {"name": self.name, "type": self.type, "description": self.description}
        if self.type == "datetime":
            described["format"] = DATETIME_FORMAT
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = [item for item in self.enum if item]  # empty is "missing", not a value
        if self.type == "integer" and self.name != "id":
            constraints["minimum"] = 0
        if constraints:
            described["constraints"] = constraints
        return described


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]  # what identifies a row (the primary key), also the rows' order
    references: dict[str, tuple[str, str]] = field(default_factory=dict)  # column -> (table, its column)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def resource(self) -> dict:
        schema = {"fields": [column.schema() for column in self.columns], "primaryKey": list(self.key)}
        if self.references:
            schema["foreignKeys"] = [
                {"fields": column, "reference": {"resource": table, "fields": target}}
                for column, (table, target) in self.references.items()
            ]
        return {
            "name": self.name,
            "path": self.path,
            "description": self.description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }


def text(name, description, *, required=False, enum=()):
    return Column(name, "string", description, required, tuple(enum))


def number(name, description, *, required=False):
    return Column(name, "integer", description, required)


def flag(name, description):
    return Column(name, "boolean", description, True)


SLUG = "Stable identifier, part of the site's URLs."
ROLES = ("female_lead", "male_lead", "second_female_lead", "second_male_lead", "supporting")
DERIVED_RULES = ("second_lead", "girl_initiated", "boy_initiated")
PROVIDERS = ("youtube", "netflix", "viki", "kocowa", "tving", "wavve", "disney", "vimeo", "dailymotion", "other")

# In the order they are loaded: a table refers only to those before it.
TABLES = (
    Table(
        "trope_groups",
        "The groups of the trope taxonomy (classification, meaning, anatomy, consent).",
        (
            text("slug", SLUG, required=True),
            text("name", "The group's name.", required=True),
            text("description", "What the group is about."),
            number("position", "Order on the trope guide.", required=True),
        ),
        key=("slug",),
    ),
    Table(
        "tropes",
        "The labels a scene can carry. Derived ones (rule not empty) follow from the hugger and are never attached.",
        (
            text("slug", SLUG, required=True),
            text("group", "The trope's group (trope_groups.slug).", required=True),
            text("name", "The trope's name.", required=True),
            text("hangul_name", "Its name in Korean."),
            text("description", "A short explanation."),
            text("rule", "Empty for a curated trope; else what derives it.", enum=("", *DERIVED_RULES)),
            number("position", "Order within its group.", required=True),
        ),
        key=("slug",),
        references={"group": ("trope_groups", "slug")},
    ),
    Table(
        "trope_aliases",
        "Other words fans use for a trope.",
        (
            text("slug", SLUG, required=True),
            text("trope", "The trope it names (tropes.slug).", required=True),
            text("name", "The other word.", required=True),
        ),
        key=("slug",),
        references={"trope": ("tropes", "slug")},
    ),
    Table(
        "dramas",
        "The dramas, with every title they are known by.",
        (
            text("slug", SLUG, required=True),
            text("title", "English title, as fans know it.", required=True),
            text("hangul_title", "Original title in Hangul."),
            text("other_titles", "Other titles fans use, separated by semicolons."),
            number("year", "Year it first aired.", required=True),
            text("network", "Broadcaster or platform.", required=True),
            number("episodes", "Number of episodes.", required=True),
            text("poster", "The poster's file in this archive (posters/…), if any."),
        ),
        key=("slug",),
    ),
    Table(
        "actors",
        "Actors who play a character in a back hug.",
        (
            text("slug", SLUG, required=True),
            text("name", "Romanised name, family name first.", required=True),
            text("hangul_name", "Name in Hangul."),
        ),
        key=("slug",),
    ),
    Table(
        "characters",
        "Characters of the dramas.",
        (
            number("id", "Stable identifier of the character.", required=True),
            text("drama", "Their drama (dramas.slug).", required=True),
            text("name", "The character's name, unique within the drama.", required=True),
            text("hangul_name", "Their name in Hangul, if known."),
            text("actor", "Who plays them (actors.slug), if known."),
            text("gender", "female, male or other.", required=True, enum=("female", "male", "other")),
            text("role", "Their part in the story.", required=True, enum=ROLES),
        ),
        key=("id",),
        references={"drama": ("dramas", "slug"), "actor": ("actors", "slug")},
    ),
    Table(
        "streaming_links",
        "Where a drama streams, per provider and region; an episode's own address where known.",
        (
            text("drama", "The drama (dramas.slug).", required=True),
            text("provider", "The streaming provider.", required=True, enum=PROVIDERS),
            text("region", "Two-letter country code; empty for everywhere."),
            number("episode", "The episode the address plays; empty for the drama as a whole."),
            text("url", "The https address on the provider's site.", required=True),
        ),
        key=("drama", "provider", "region", "episode", "url"),
        references={"drama": ("dramas", "slug")},
    ),
    Table(
        "scenes",
        "Published back-hug scenes, with the fans' verdict tallies.",
        (
            number("id", "Stable identifier: the scene is at /scenes/<id>/ on the site.", required=True),
            text("drama", "The drama (dramas.slug).", required=True),
            number("episode", "The episode; empty when no source says which."),
            number("start_seconds", "When the hug starts, in seconds into the episode; empty when not known."),
            number("end_seconds", "When it ends; empty when not known."),
            number("hugger", "Who hugs from behind (characters.id).", required=True),
            number("hugged", "Who is hugged (characters.id).", required=True),
            text("setting", "Where it happens."),
            text("description", "What happens, in the site's own words.", required=True),
            text("line_korean", "The line spoken during the hug, in Korean."),
            text("line_english", "The same line in English."),
            flag("is_illustrative", "An invented placeholder, not a documented moment of the drama."),
            flag("is_featured", "A moderators' pick."),
            flag(
                "is_spoiler",
                "It gives away a turn of the story: the site blurs it for readers who have not watched it.",
            ),
            Column("published_at", "datetime", "When it was published, UTC.", True),
            number("awesome_count", "Fans who voted it awesome.", required=True),
            number("awkward_count", "Fans who voted it awkward.", required=True),
        ),
        key=("id",),
        references={"drama": ("dramas", "slug"), "hugger": ("characters", "id"), "hugged": ("characters", "id")},
    ),
    Table(
        "scene_tropes",
        "The public tropes on each scene (derived ones are not listed: they follow from the hugger).",
        (
            number("scene", "The scene (scenes.id).", required=True),
            text("trope", "The trope (tropes.slug).", required=True),
            text(
                "origin",
                "Attached by moderators, or proposed by fans and agreed.",
                required=True,
                enum=("curated", "proposed"),
            ),
        ),
        key=("scene", "trope"),
        references={"scene": ("scenes", "id"), "trope": ("tropes", "slug")},
    ),
    Table(
        "scene_sources",
        "The public pages that document each scene: a scene with one and not illustrative is documented.",
        (
            number("scene", "The scene (scenes.id).", required=True),
            number("position", "Order among the scene's sources, from 1.", required=True),
            text("url", "The page's address.", required=True),
            text("title", "The page's title.", required=True),
            text("publisher", "Who published it."),
            Column("published_on", "date", "When it was published, if it says."),
            text("quote", "A few words from it (a dozen at most)."),
            Column("checked_on", "date", "When someone last read it and it still said so.", True),
        ),
        key=("scene", "position"),
        references={"scene": ("scenes", "id")},
    ),
    Table(
        "screenshots",
        "Each scene's screenshots, with their alt text; the files are in this archive.",
        (
            number("scene", "The scene (scenes.id).", required=True),
            number("position", "Order among the scene's screenshots, from 1.", required=True),
            text("file", "The picture in this archive (screenshots/…).", required=True),
            text("alt_text", "The picture described for people who cannot see it.", required=True),
        ),
        key=("scene", "position"),
        references={"scene": ("scenes", "id")},
    ),
)
TABLE = {table.name: table for table in TABLES}


def to_text(value) -> str:
    """A value as the CSV holds it: empty for None, true/false, ISO dates, UTC datetimes to the second."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return TRUE if value else FALSE
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime(DATETIME_FORMAT)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def from_text(column: Column, value: str):
    """The typed value of a CSV cell; ValueError with a reader's message when it does not read as its type."""
    if value == "":
        if column.required:
            raise ValueError("is required.")
        return "" if column.type == "string" else None
    if column.enum and value not in column.enum:
        raise ValueError(f"“{value}” is not one of {', '.join(item for item in column.enum if item)}.")
    if column.type == "integer":
        if not value.isdigit():
            raise ValueError(f"“{value}” is not a whole number.")
        return int(value)
    if column.type == "boolean":
        if value not in (TRUE, FALSE):
            raise ValueError(f"“{value}” is not true or false.")
        return value == TRUE
    if column.type == "date":
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"“{value}” is not a date like 2024-02-14.") from None
    if column.type == "datetime":
        try:
            return datetime.strptime(value, DATETIME_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            raise ValueError(f"“{value}” is not a UTC time like 2024-02-14T20:30:00Z.") from None
    return value


def datapackage() -> dict:
    """The archive's datapackage.json: its name, licence and every table's schema."""
    return {
        "profile": "tabular-data-package",
        "name": DATASET_NAME,
        "title": DATASET_TITLE,
        "description": "Every published back-hug scene of the catalogue, with its dramas, characters, actors, "
        "tropes, sources, screenshots and the fans' verdict tallies. See README.md.",
        "licenses": [licence()],
        "resources": [table.resource() for table in TABLES],
    }
