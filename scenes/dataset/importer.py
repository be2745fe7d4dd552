"""
Importing the open dataset into an empty catalogue: the archive is read and checked whole first (reading), then
every row and file is written in one transaction, or nothing is (a refused row rolls back the rest and deletes
the files already stored).
"""

import io
import uuid
from pathlib import Path, PurePosixPath

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.db import IntegrityError, connection, transaction
from PIL import Image

from community import scoring
from edge.freshness import site_changed
from scenes.models import (
    Actor,
    Character,
    Drama,
    Scene,
    SceneImage,
    SceneSource,
    SceneTrope,
    StreamingLink,
    Trope,
    TropeAlias,
    TropeGroup,
)
from scenes.models.querysets import forget_taxonomy
from scenes.search.index import rebuild_search_index
from scenes.submissions import images

from .archive import ArchiveError, ArchiveReader
from .reading import Dataset, DatasetRefused, Row

BATCH = 500


def refuse_non_empty_catalogue() -> None:
    counts = {
        "dramas": Drama.objects.count(),
        "actors": Actor.objects.count(),
        "characters": Character.objects.count(),
        "scenes": Scene.objects.count(),
    }
    held = [f"{count} {name}" for name, count in counts.items() if count]
    if held:
        raise DatasetRefused(
            [f"The catalogue is not empty ({', '.join(held)}): import_dataset loads into an empty database only."]
        )


def messages(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            " ".join(texts) if field == NON_FIELD_ERRORS else f"{field}: {' '.join(texts)}"
            for field, texts in error.message_dict.items()
        )
    return " ".join(error.messages)


class Loader:
    """Writes a checked Dataset; ``problems`` collects what the models refuse, row by row."""

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self.problems: list[str] = []
        self.stored: list[tuple[object, str]] = []  # (storage, name) of every file written, removed on failure

    def checked(self, row: Row, instance, exclude=()):
        """``instance`` through its model's validation (the messages an editor would read), or None.

        References were checked against the archive (reading), so they are not looked up row by row here; keys
        are unique in the archive and the catalogue is empty; the constraints are the database's to enforce.
        """
        try:
            instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            self.problems.append(f"{row.where}: {messages(error)}")
            return None
        return instance

    def rows(self, table: str) -> list[Row]:
        return self.dataset.tables[table]

    def load(self) -> dict[str, int]:
        """Every table in order; a stage whose rows the models refuse stops the load (the caller rolls back)."""
        self.load_taxonomy()
        self.stop_if_refused()
        dramas = self.load_dramas()
        self.stop_if_refused()
        actors = [
            self.checked(row, Actor(slug=row["slug"], name=row["name"], hangul_name=row["hangul_name"]))
            for row in self.rows("actors")
        ]
        self.stop_if_refused()
        Actor.objects.bulk_create(actors, batch_size=BATCH)
        actors = {actor.slug: actor for actor in Actor.objects.all()}
        characters = {}
        for row in self.rows("characters"):
            values = {name: row[name] for name in ("name", "hangul_name", "gender", "role")}
            character = Character(pk=row["id"], drama=dramas[row["drama"]], actor=actors.get(row["actor"]), **values)
            characters[row["id"]] = self.checked(row, character, exclude=["drama", "actor"])
        links = []
        for row in self.rows("streaming_links"):
            values = {name: row[name] for name in ("provider", "region", "episode", "url")}
            links.append(self.checked(row, StreamingLink(drama=dramas[row["drama"]], **values), exclude=["drama"]))
        self.stop_if_refused()
        Character.objects.bulk_create(characters.values(), batch_size=BATCH)
        StreamingLink.objects.bulk_create(links, batch_size=BATCH)
        scenes = self.load_scenes(dramas, characters)
        self.stop_if_refused()
        self.load_scene_parts(scenes)
        self.stop_if_refused()
        self.load_screenshots(scenes)
        self.stop_if_refused()
        return {table: len(rows) for table, rows in self.dataset.tables.items()}

    def stop_if_refused(self) -> None:
        if self.problems:
            raise DatasetRefused(self.problems)

    def load_taxonomy(self) -> None:
        """The archive's taxonomy replaces the one every new database starts with (migration 0003)."""
        groups = {row["slug"]: row for row in self.rows("trope_groups")}
        tropes = {row["slug"]: row for row in self.rows("tropes")}
        TropeAlias.objects.all().delete()
        Trope.objects.exclude(slug__in=tropes).delete()
        existing = {group.slug: group for group in TropeGroup.objects.all()}
        for slug, row in groups.items():
            group = existing.get(slug) or TropeGroup(slug=slug)
            group.name, group.description, group.position = row["name"], row["description"], row["position"]
            if self.checked(row, group):
                existing[slug] = group
        self.stop_if_refused()  # its tropes name the groups
        TropeGroup.objects.bulk_create([group for group in existing.values() if group.pk is None])
        kept = [group for group in existing.values() if group.pk and group.slug in groups]
        TropeGroup.objects.bulk_update(kept, ["name", "description", "position"])
        by_slug = {group.slug: group for group in TropeGroup.objects.all()}
        stored = {trope.slug: trope for trope in Trope.objects.all()}
        for slug, row in tropes.items():
            trope = stored.get(slug) or Trope(slug=slug)
            trope.group = by_slug[row["group"]]
            for name in ("name", "hangul_name", "description", "rule", "position"):
                setattr(trope, name, row[name])
            if self.checked(row, trope, exclude=["group"]):
                stored[slug] = trope
        Trope.objects.bulk_create([trope for trope in stored.values() if trope.pk is None])
        fields = ["group", "name", "hangul_name", "description", "rule", "position"]
        Trope.objects.bulk_update([trope for trope in stored.values() if trope.pk], fields)
        TropeGroup.objects.exclude(slug__in=groups).delete()  # once no trope of the archive is in them
        self.tropes = {trope.slug: trope for trope in Trope.objects.all()}
        aliases = [
            self.checked(
                row, TropeAlias(slug=row["slug"], name=row["name"], trope=self.tropes[row["trope"]]), exclude=["trope"]
            )
            for row in self.rows("trope_aliases")
        ]
        TropeAlias.objects.bulk_create(filter(None, aliases))

    def load_dramas(self) -> dict[str, Drama]:
        dramas = []
        for row in self.rows("dramas"):
            fields = ("slug", "title", "hangul_title", "other_titles", "year", "network", "episodes")
            drama = self.checked(row, Drama(**{name: row[name] for name in fields}), exclude=["poster"])
            if drama is not None and row["poster"]:
                drama.poster.name = self.store_picture(row, row["poster"], f"posters/{drama.slug}")
            dramas.append(drama)
        Drama.objects.bulk_create(filter(None, dramas), batch_size=BATCH)
        return {drama.slug: drama for drama in Drama.objects.all()}

    def load_scenes(self, dramas, characters) -> dict[int, Scene]:
        scenes = {}
        for row in self.rows("scenes"):
            hugger, hugged = characters.get(row["hugger"]), characters.get(row["hugged"])
            if hugger is None or hugged is None:
                continue  # the character's own row was refused, and said so
            names = ("episode", "start_seconds", "end_seconds", "setting", "description", "line_korean", "line_english")
            awesome, awkward = row["awesome_count"], row["awkward_count"]
            scene = Scene(
                pk=row["id"],
                drama=dramas[row["drama"]],
                hugger=hugger,
                hugged=hugged,
                status=Scene.Status.PUBLISHED,
                is_illustrative=row["is_illustrative"],
                is_featured=row["is_featured"],
                is_spoiler=row["is_spoiler"],
                published_at=row["published_at"],
                awesome_count=awesome,
                awkward_count=awkward,
                awesome_score=scoring.wilson_lower_bound(awesome, awesome + awkward),
                awkward_score=scoring.wilson_lower_bound(awkward, awesome + awkward),
                controversy=scoring.controversy(awesome, awkward),
                **{name: row[name] for name in names},
            )
            scenes[row["id"]] = self.checked(row, scene, exclude=["drama", "hugger", "hugged"])
        Scene.objects.bulk_create(filter(None, scenes.values()), batch_size=BATCH)
        # Published dates are part of the data; the creation date is this import's.
        return {pk: scene for pk, scene in scenes.items() if scene is not None}

    def load_scene_parts(self, scenes) -> None:
        tropes = []
        for row in self.rows("scene_tropes"):
            trope = self.tropes[row["trope"]]
            if trope.is_derived:
                self.problems.append(f"{row.where}: {trope.slug} is derived from the hugger and cannot be attached.")
            elif row["scene"] in scenes:
                tropes.append(SceneTrope(scene=scenes[row["scene"]], trope=trope, origin=row["origin"]))
        SceneTrope.objects.bulk_create(tropes, batch_size=BATCH)
        sources = []
        for row in self.rows("scene_sources"):
            fields = ("url", "title", "publisher", "published_on", "quote", "checked_on")
            source = SceneSource(scene=scenes.get(row["scene"]), **{name: row[name] for name in fields})
            if row["scene"] in scenes:
                sources.append(self.checked(row, source, exclude=["scene"]))
        SceneSource.objects.bulk_create(filter(None, sources), batch_size=BATCH)

    def load_screenshots(self, scenes) -> None:
        for row in self.rows("screenshots"):
            scene = scenes.get(row["scene"])
            if scene is None:
                continue
            picture = SceneImage(scene=scene, alt_text=row["alt_text"], position=row["position"])
            if not self.checked(row, picture, exclude=["scene", *images.FILE_FIELDS]):
                continue
            data = self.picture_bytes(row, row["file"])
            if data is None:
                continue
            token = uuid.uuid4().hex
            suffix = PurePosixPath(row["file"]).suffix.lower()
            picture.image.name = self.store(
                SceneImage.image.field.storage, f"screenshots/{scene.pk}/{token}{suffix}", data
            )
            decoded = images.to_rgb_or_rgba(images.decode(data))
            picture.width, picture.height = Image.open(io.BytesIO(data)).size
            images.set_hash(picture, images.difference_hash(decoded))
            for field_name, width in images.THUMBNAILS:
                if width < picture.width:
                    thumbnail = images.encode(images.resized_to_width(decoded, width))
                    name = f"screenshots/{token[:2]}/{images.file_name(token, field_name)}"
                    getattr(picture, field_name).name = self.store(
                        SceneImage._meta.get_field(field_name).storage, name, thumbnail
                    )
            picture.save(force_insert=True)

    def picture_bytes(self, row: Row, name: str) -> bytes | None:
        """The picture's bytes from the archive, checked to be a picture the site shows, or None (and a problem)."""
        try:
            data = self.dataset.file(name)
            images.decode(data)
        except ArchiveError as error:
            self.problems.append(f"{row.where}: {error}")
            return None
        except ValidationError as error:
            self.problems.append(f"{row.where}: {name}: {' '.join(error.messages)}")
            return None
        return data

    def store_picture(self, row: Row, name: str, stem: str) -> str:
        data = self.picture_bytes(row, name)
        if data is None:
            return ""
        return self.store(Drama.poster.field.storage, f"{stem}{PurePosixPath(name).suffix.lower()}", data)

    def store(self, storage, name: str, data: bytes) -> str:
        stored = storage.save(name, ContentFile(data))
        self.stored.append((storage, stored))
        return stored


def reset_sequences() -> None:
    """Characters and scenes keep their ids from the archive: the next ones a fan adds must come after them."""
    for statement in connection.ops.sequence_reset_sql(no_style(), [Character, Scene]):
        with connection.cursor() as cursor:
            cursor.execute(statement)


def import_dataset(path: str | Path) -> dict[str, int]:
    """Load the archive at ``path`` into an empty catalogue, all or nothing; DatasetRefused lists every problem."""
    try:
        with ArchiveReader(path) as reader:
            dataset = Dataset(reader)
            if dataset.problems:
                raise DatasetRefused(dataset.problems)
            loader = Loader(dataset)
            try:
                with transaction.atomic():
                    refuse_non_empty_catalogue()
                    counts = loader.load()
                    if loader.problems:
                        raise DatasetRefused(loader.problems)
                    reset_sequences()
                    rebuild_search_index()
            except IntegrityError as error:
                images.delete_files(loader.stored)
                raise DatasetRefused([f"The database refused the archive: {error}"]) from None
            except BaseException:
                images.delete_files(loader.stored)
                raise
    except ArchiveError as error:
        raise DatasetRefused([str(error)]) from None
    forget_taxonomy()
    site_changed()
    return counts
