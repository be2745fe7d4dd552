"""
Writes the demo catalogue to the database, so that running it again changes nothing.

Rows are found by natural keys: dramas and actors by slug, characters by (drama, name), scenes by
(drama, hugger, hugged, episode, start second), where a documented scene's start (and sometimes episode)
is empty, and sources by (scene, address). A row is saved only when one of its values differs, and a
picture is drawn only when its file is missing, so a second run writes no row and no file. Scenes an
earlier demo loaded and this one dropped are taken out (scenes/demo/retired.py). Callers wrap ``load`` in
a transaction (the management command does).
"""

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.utils.text import slugify

from scenes.models import (
    Actor,
    Character,
    Drama,
    Scene,
    SceneImage,
    SceneSource,
    StreamingLink,
    Trope,
    screenshot_path,
)
from scenes.submissions.stored import hash_stored_screenshot
from scenes.timecodes import format_timecode, parse_timecode

from . import DRAMAS, SCENES, artwork
from .character_names import HANGUL_NAMES
from .records import DramaFact, SceneFact
from .retired import MOVED, RETIRED
from .streaming import streaming_links
from .validation import check

# Published dates are spread over the 60 days before a fixed day, never derived from the clock: a rerun
# tomorrow must produce the same rows.
PUBLISHED_UNTIL = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
PUBLISHED_OVER_DAYS = 59

# Part of every artwork file name: bump it when the drawing code changes, and the next load redraws.
ARTWORK_VERSION = 1
DEMO_FILE_PREFIX = "demo-"


@dataclass
class Report:
    dramas: int = 0
    actors: int = 0
    characters: int = 0
    scenes: int = 0
    changed: dict[str, int] = field(default_factory=dict)  # rows created or updated, per kind
    images_drawn: int = 0
    posters_drawn: int = 0
    opinions: int = 0  # demo fans' votes, favourites and comments created

    def count(self, kind: str, written: bool) -> None:
        if written:
            self.changed[kind] = self.changed.get(kind, 0) + 1

    def summary(self) -> str:
        written = ", ".join(f"{count} {kind}" for kind, count in sorted(self.changed.items())) or "nothing"
        return (
            f"Loaded {self.dramas} dramas, {self.actors} actors, {self.characters} characters, {self.scenes} scenes. "
            f"Created or updated: {written}. Drew {self.posters_drawn} posters and {self.images_drawn} scene images. "
            f"Added {self.opinions} demo fans' votes, favourites, comments and duel picks."
        )


def sync(model: type[models.Model], lookup: dict, values: dict) -> tuple[models.Model, bool]:
    """Like update_or_create, but saves only the values that differ, and nothing when none do.

    update_or_create saves on every call, which would bump Scene.updated_at (and fire the catalogue
    triggers) on every run; this keeps a rerun truly read-only. Returns the row and whether it was written.
    """
    row = model.objects.filter(**lookup).first()
    if row is None:
        return model.objects.create(**lookup, **values), True
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        auto_now = [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]
        row.save(update_fields=changed + auto_now)
    return row, bool(changed)


def published_at(index: int, total: int) -> datetime:
    """The first scene is the oldest, the last one is published on PUBLISHED_UNTIL; hours vary a little."""
    days_before = round((total - 1 - index) * PUBLISHED_OVER_DAYS / max(total - 1, 1))
    return PUBLISHED_UNTIL - timedelta(days=days_before, hours=(index * 5) % 9, minutes=(index * 17) % 60)


def load_actors(dramas: tuple[DramaFact, ...], report: Report) -> dict[str, Actor]:
    actors = {}
    for drama in dramas:
        for character in drama.characters:
            slug = slugify(character.actor)
            if slug in actors:
                continue
            actors[slug], written = sync(
                Actor, {"slug": slug}, {"name": character.actor, "hangul_name": character.actor_hangul}
            )
            report.count("actors", written)
    report.actors = len(actors)
    return actors


def load_dramas(dramas: tuple[DramaFact, ...], actors: dict[str, Actor], report: Report):
    drama_rows, character_rows = {}, {}
    for fact in dramas:
        drama, written = sync(
            Drama,
            {"slug": fact.slug},
            {
                "title": fact.title,
                "hangul_title": fact.hangul_title,
                "other_titles": fact.other_titles,
                "year": fact.year,
                "network": fact.network,
                "episodes": fact.episodes,
            },
        )
        report.count("dramas", written)
        drama_rows[fact.slug] = drama
        for character in fact.characters:
            row, written = sync(
                Character,
                {"drama_id": drama.pk, "name": character.name},
                {
                    "hangul_name": HANGUL_NAMES.get((fact.slug, character.name), ""),
                    "actor_id": actors[slugify(character.actor)].pk,
                    "gender": character.gender,
                    "role": character.role,
                },
            )
            report.count("characters", written)
            character_rows[fact.slug, character.name] = row
    report.dramas, report.characters = len(drama_rows), len(character_rows)
    return drama_rows, character_rows


def scene_lookup(fact: SceneFact, drama_rows, character_rows) -> dict:
    """The scene's natural key as a filter (``episode=None`` matches a scene whose episode is unknown)."""
    return {
        "drama_id": drama_rows[fact.drama].pk,
        "hugger_id": character_rows[fact.drama, fact.hugger].pk,
        "hugged_id": character_rows[fact.drama, fact.hugged].pk,
        "episode": fact.episode,
        "start_seconds": None if fact.start is None else parse_timecode(fact.start),
    }


def load_scenes(scenes: tuple[SceneFact, ...], drama_rows, character_rows, report: Report) -> list[Scene]:
    tropes = {trope.slug: trope for trope in Trope.objects.all()}
    rows = []
    for index, fact in enumerate(scenes):
        lookup = scene_lookup(fact, drama_rows, character_rows)
        start = lookup["start_seconds"]
        scene, written = sync(
            Scene,
            lookup,
            {
                "end_seconds": None if start is None else start + fact.seconds,
                "setting": fact.setting,
                "description": fact.description,
                "line_korean": fact.line_korean,
                "line_english": fact.line_english,
                "is_illustrative": fact.illustrative,
                "is_featured": fact.featured,
                "is_spoiler": fact.spoiler,
                "status": Scene.Status.PUBLISHED,
                "published_at": published_at(index, len(scenes)),
            },
        )
        wanted = {tropes[slug].pk for slug in fact.tropes}
        current = set(scene.scene_tropes.values_list("trope_id", flat=True))
        if wanted != current:
            scene.tropes.set(wanted)  # adds and removes only the difference
            written = True
        report.count("scenes", written)
        load_sources(scene, fact, report)
        rows.append(scene)
    report.scenes = len(rows)
    return rows


def load_sources(scene: Scene, fact: SceneFact, report: Report) -> None:
    """The scene's citations, by address. A source a moderator added to a demo scene stays."""
    for source in fact.sources:
        _, written = sync(
            SceneSource,
            {"scene_id": scene.pk, "url": source.url},
            {
                "title": source.title,
                "publisher": source.publisher,
                "published_on": source.published_on,
                "quote": source.quote,
                "checked_on": source.checked_on,
            },
        )
        report.count("sources", written)


def move_scenes(report: Report) -> None:
    """Take the estimated time off scenes that earlier versions of the demo loaded as documented.

    No source gives their time, so they now have none (and an episode only where a source names it). The
    row is kept rather than deleted and created again, so its address, fans' votes and comments stay.
    """
    for (slug, episode, start), new_episode in MOVED.items():
        moved = Scene.objects.filter(
            drama__slug=slug, episode=episode, start_seconds=parse_timecode(start), submitted_by__isnull=True
        ).update(episode=new_episode, start_seconds=None, end_seconds=None)
        report.count("moved scenes", bool(moved))


def retire_scenes(keep: list[Scene], report: Report) -> None:
    """Remove the placeholder scenes that earlier versions of the demo loaded and this one no longer has.

    Found by their old natural key (scenes/demo/retired.py), and only while they are still as the demo left
    them: published by nobody (no fan submitted them). A rerun finds none left, so it removes nothing.
    """
    kept = {scene.pk for scene in keep}
    for slug, episode, start in RETIRED:
        stale = Scene.objects.filter(
            drama__slug=slug, episode=episode, start_seconds=parse_timecode(start), submitted_by__isnull=True
        ).exclude(pk__in=kept)
        for scene in stale:
            names = [image.image.name for image in scene.images.all()]
            scene.delete()
            for name in names:
                forget_demo_file(name, keep="")
            report.count("retired scenes", True)


# --- pictures ----------------------------------------------------------------------------------------


def art_for(scene: Scene) -> artwork.SceneArt:
    return artwork.SceneArt(
        drama_slug=scene.drama.slug,
        drama_title=scene.drama.title,
        hangul_title=scene.drama.hangul_title,
        episode=scene.episode,
        timecode="" if scene.start_seconds is None else format_timecode(scene.start_seconds),
        hugger_name=scene.hugger.name,
        hugged_name=scene.hugged.name,
        hugger_gender=scene.hugger.gender,
        hugged_gender=scene.hugged.gender,
    )


def artwork_file_name(prefix: str, art) -> str:
    """Named after what is drawn, so a changed scene gets a new picture and an unchanged one keeps its file."""
    digest = hashlib.sha256(repr((ARTWORK_VERSION, art)).encode()).hexdigest()[:10]
    return f"{DEMO_FILE_PREFIX}{prefix}-{digest}.jpg"


def alt_text(scene: Scene) -> str:
    episode = f"episode {scene.episode}" if scene.episode else "episode not known"
    return (
        f"Placeholder artwork: {scene.drama.title}, {episode} — {scene.hugger.name} hugs "
        f"{scene.hugged.name} from behind. Two stylised silhouettes on a soft "
        f"{artwork.palette_for(scene.drama.slug).name} background, not a still from the drama."
    )


def store(name: str, draw) -> tuple[str, bool]:
    """The stored file for ``name``: reused if it is already there, otherwise drawn and saved.

    Returns the name and whether a picture was drawn. Reusing matters when the database was reset but the
    media kept: saving again would make Django store a second copy under a mangled name.
    """
    if default_storage.exists(name):
        return name, False
    return default_storage.save(name, ContentFile(draw())), True


def load_posters(drama_rows: dict[str, Drama], report: Report) -> None:
    for drama in drama_rows.values():
        art = artwork.PosterArt(drama.slug, drama.title, drama.hangul_title, drama.year, drama.network, drama.episodes)
        name = f"posters/{artwork_file_name(drama.slug, art)}"
        if drama.poster.name == name and default_storage.exists(name):
            continue
        old = drama.poster.name
        drama.poster, drawn = store(name, lambda art=art: artwork.poster_image(art))
        report.posters_drawn += drawn
        drama.save(update_fields=["poster"])
        report.count("posters", True)
        forget_demo_file(old, keep=drama.poster.name)


def load_scene_images(scenes: list[Scene], report: Report) -> None:
    scene_ids = [scene.pk for scene in scenes]
    existing = {image.scene_id: image for image in SceneImage.objects.filter(scene_id__in=scene_ids, position=0)}
    scenes = Scene.objects.filter(pk__in=scene_ids).select_related("drama", "hugger", "hugged")
    for scene in scenes:
        image = existing.get(scene.pk) or SceneImage(scene=scene, position=0)
        if image.pk and not is_demo_file(image.image.name):
            continue  # a moderator replaced our placeholder with something better: leave it
        art = art_for(scene)
        name = screenshot_path(image, artwork_file_name(f"{scene.drama.slug}-e{scene.episode or 'x'}", art))
        text = alt_text(scene)
        if image.pk and image.image.name == name and default_storage.exists(name):
            if image.alt_text != text:
                image.alt_text = text
                image.save(update_fields=["alt_text"])
                report.count("scene images", True)
            if not image.perceptual_hash:
                hash_stored_screenshot(image)  # so "find a scene from a screenshot" finds the demo's scenes
                report.count("scene images", True)
            continue
        old = image.image.name if image.pk else ""
        # Assigning the name (not the file) makes Django read the picture's width and height.
        image.image, drawn = store(name, lambda art=art: artwork.scene_image(art))
        report.images_drawn += drawn
        image.alt_text = text
        image.save()
        hash_stored_screenshot(image)
        report.count("scene images", True)
        forget_demo_file(old, keep=image.image.name)


def load_streaming_links(drama_rows: dict[str, Drama], report: Report) -> None:
    """Each drama's searches on the providers (scenes/demo/streaming.py), added once; moderators' links stay."""
    for drama in drama_rows.values():
        for provider, url in streaming_links(drama.title):
            _, written = sync(
                StreamingLink, {"drama": drama, "provider": provider, "region": "", "episode": None}, {"url": url}
            )
            report.count("streaming links", written)


def is_demo_file(name: str) -> bool:
    return name.rsplit("/", 1)[-1].startswith(DEMO_FILE_PREFIX)


def forget_demo_file(name: str, keep: str) -> None:
    """Delete a superseded placeholder file (never anything a person uploaded, nor the one now in use)."""
    if name and name != keep and is_demo_file(name) and default_storage.exists(name):
        default_storage.delete(name)


def load(*, images: bool = True, opinions: bool = True, dramas=DRAMAS, scenes=SCENES) -> Report:
    check(dramas, scenes)
    report = Report()
    actors = load_actors(dramas, report)
    drama_rows, character_rows = load_dramas(dramas, actors, report)
    move_scenes(report)
    scene_rows = load_scenes(scenes, drama_rows, character_rows, report)
    retire_scenes(scene_rows, report)
    load_streaming_links(drama_rows, report)
    if images:
        load_posters(drama_rows, report)
        load_scene_images(scene_rows, report)
    if opinions:
        from .fans import load_duels, load_opinions

        report.opinions = load_opinions(scene_rows)
        for scene in scene_rows:
            scene.refresh_from_db(fields=["awesome_count", "awkward_count"])
        report.opinions += load_duels(scene_rows)
    return report
