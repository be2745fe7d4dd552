"""Exporting the open dataset: the whole public catalogue as CSV files, their files, datapackage.json and a README."""

import csv
import io
import json
from pathlib import Path, PurePosixPath

from django.db.models import Q

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

from .archive import write_archive
from .readme import readme
from .tables import TABLE, TABLES, datapackage, to_text


def sort_key(row: dict, key: tuple[str, ...]) -> tuple:
    """Rows in the order of their key, compared in Python: the same on every database (collations differ)."""
    return tuple((row[name] is None, "" if row[name] is None else row[name]) for name in key)


def file_reader(field_file):
    """A function reading a stored file's bytes when the archive writes it."""

    def read() -> bytes:
        with field_file.storage.open(field_file.name, "rb") as stream:
            return stream.read()

    return read


def archived_name(folder: str, stem: str, stored_name: str) -> str:
    """A file's name in the archive: from what it is (scene 12's second screenshot), never from its storage name."""
    return f"{folder}/{stem}{PurePosixPath(stored_name).suffix.lower()}"


class Catalogue:
    """The public catalogue read as the dataset's rows (plain values, keyed by table) and files."""

    def __init__(self):
        self.rows: dict[str, list[dict]] = {}
        self.files: dict[str, object] = {}
        scenes = list(Scene.objects.published().select_related("drama").order_by())
        scene_ids = {scene.pk for scene in scenes}
        characters = list(
            Character.objects.filter(
                Q(is_confirmed=True) | Q(hugs_given__in=scene_ids) | Q(hugs_received__in=scene_ids)
            )
            .select_related("drama", "actor")
            .distinct()
        )
        actor_ids = {character.actor_id for character in characters if character.actor_id}
        self.add("trope_groups", [self.trope_group(group) for group in TropeGroup.objects.all()])
        self.add("tropes", [self.trope(trope) for trope in Trope.objects.select_related("group")])
        self.add("trope_aliases", [self.alias(alias) for alias in TropeAlias.objects.select_related("trope")])
        self.add("dramas", [self.drama(drama) for drama in Drama.objects.all()])
        actors = Actor.objects.filter(Q(is_confirmed=True) | Q(pk__in=actor_ids))
        self.add("actors", [{"slug": a.slug, "name": a.name, "hangul_name": a.hangul_name} for a in actors])
        self.add("characters", [self.character(character) for character in characters])
        links = StreamingLink.objects.select_related("drama")
        self.add("streaming_links", [self.streaming_link(link) for link in links])
        self.add("scenes", [self.scene(scene) for scene in scenes])
        tropes = SceneTrope.objects.filter(scene__in=scene_ids, is_public=True).select_related("trope")
        self.add("scene_tropes", [{"scene": t.scene_id, "trope": t.trope.slug, "origin": t.origin} for t in tropes])
        sources = SceneSource.objects.filter(scene__in=scene_ids).order_by("scene", "id")
        self.add("scene_sources", self.numbered(sources, self.source))
        screenshots = (
            SceneImage.objects.filter(scene__in=scene_ids).exclude(image="").order_by("scene", "position", "id")
        )
        self.add("screenshots", self.numbered(screenshots, self.screenshot))

    def add(self, table: str, rows: list[dict]) -> None:
        key = TABLE[table].key
        self.rows[table] = sorted(rows, key=lambda row: sort_key(row, key))

    @staticmethod
    def numbered(objects, describe) -> list[dict]:
        """Each scene's sources or screenshots numbered from 1 in their order (the rows' ids are not part of it)."""
        rows, previous, position = [], None, 0
        for item in objects:
            position = position + 1 if item.scene_id == previous else 1
            previous = item.scene_id
            rows.append(describe(item, position))
        return rows

    def trope_group(self, group) -> dict:
        return {"slug": group.slug, "name": group.name, "description": group.description, "position": group.position}

    def trope(self, trope) -> dict:
        return {
            "slug": trope.slug,
            "group": trope.group.slug,
            "name": trope.name,
            "hangul_name": trope.hangul_name,
            "description": trope.description,
            "rule": trope.rule,
            "position": trope.position,
        }

    def alias(self, alias) -> dict:
        return {"slug": alias.slug, "trope": alias.trope.slug, "name": alias.name}

    def drama(self, drama) -> dict:
        poster = ""
        if drama.poster:
            poster = archived_name("posters", drama.slug, drama.poster.name)
            self.files[poster] = file_reader(drama.poster)
        return {
            "slug": drama.slug,
            "title": drama.title,
            "hangul_title": drama.hangul_title,
            "other_titles": drama.other_titles,
            "year": drama.year,
            "network": drama.network,
            "episodes": drama.episodes,
            "poster": poster,
        }

    def character(self, character) -> dict:
        return {
            "id": character.pk,
            "drama": character.drama.slug,
            "name": character.name,
            "hangul_name": character.hangul_name,
            "actor": character.actor.slug if character.actor else "",
            "gender": character.gender,
            "role": character.role,
        }

    def streaming_link(self, link) -> dict:
        return {
            "drama": link.drama.slug,
            "provider": link.provider,
            "region": link.region,
            "episode": link.episode,
            "url": link.url,
        }

    def scene(self, scene) -> dict:
        references = {"id": scene.pk, "drama": scene.drama.slug, "hugger": scene.hugger_id, "hugged": scene.hugged_id}
        return {
            name: references[name] if name in references else getattr(scene, name)
            for name in TABLE["scenes"].column_names
        }

    def source(self, source, position: int) -> dict:
        fields = ("url", "title", "publisher", "published_on", "quote", "checked_on")
        return {"scene": source.scene_id, "position": position} | {name: getattr(source, name) for name in fields}

    def screenshot(self, image, position: int) -> dict:
        name = archived_name(f"screenshots/{image.scene_id}", str(position), image.image.name)
        self.files[name] = file_reader(image.image)
        return {"scene": image.scene_id, "position": position, "file": name, "alt_text": image.alt_text}


def csv_bytes(table, rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in rows:
        writer.writerow([to_text(row[name]) for name in table.column_names])
    return buffer.getvalue().encode("utf-8")


def dataset_files() -> tuple[dict[str, object], dict[str, int]]:
    """Every file of the archive (name → bytes, or a function reading them) and each table's row count."""
    catalogue = Catalogue()
    files = dict(catalogue.files)
    for table in TABLES:
        files[table.path] = csv_bytes(table, catalogue.rows[table.name])
    counts = {table.name: len(catalogue.rows[table.name]) for table in TABLES}
    files["datapackage.json"] = (json.dumps(datapackage(), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    files["README.md"] = readme(counts).encode("utf-8")
    return files, counts


def export_dataset(path: str | Path) -> dict[str, int]:
    """Write the public catalogue to ``path`` (a new directory, or a .zip); each table's row count."""
    files, counts = dataset_files()
    write_archive(path, files)
    return counts
