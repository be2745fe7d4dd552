"""Exporting scenes: the published catalogue in story order, in the format import_scenes reads back."""

from typing import Any, TextIO

from django.db.models import Prefetch, QuerySet

from scenes.models import Scene, SceneTrope
from scenes.timecodes import format_timecode

from .formats import EXPORT_CHUNK_SIZE, write_csv, write_json
from .sources import source_record


def export_queryset() -> QuerySet[Scene]:
    """The published catalogue in story order, with what a row needs, in three queries per chunk."""
    return (
        Scene.objects.published()
        .select_related("drama", "hugger", "hugged")
        .prefetch_related(
            Prefetch(
                "scene_tropes",
                queryset=SceneTrope.objects.filter(is_public=True).select_related("trope").order_by("trope__slug"),
                to_attr="exported_scene_tropes",
            ),
            "sources",
        )
        .in_story_order()
    )


def scene_record(scene: Scene) -> dict[str, Any]:
    """A scene as one record of the import format, with JSON types (CSV flattens them)."""
    return {
        "drama": scene.drama.slug,
        "episode": scene.episode,
        "start": format_timecode(scene.start_seconds) if scene.start_seconds is not None else None,
        "end": format_timecode(scene.end_seconds) if scene.end_seconds is not None else None,
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
        "is_spoiler": scene.is_spoiler,
        "published_at": scene.published_at.isoformat() if scene.published_at else None,
        "sources": [source_record(source) for source in scene.sources.all()],
    }


def export_scenes(stream: TextIO, *, file_format: str, scenes: QuerySet[Scene] | None = None) -> int:
    """Write the published catalogue (or ``scenes``, prepared like export_queryset()) to ``stream``; the count."""
    scenes = export_queryset() if scenes is None else scenes
    records = (scene_record(scene) for scene in scenes.iterator(chunk_size=EXPORT_CHUNK_SIZE))
    return write_csv(records, stream) if file_format == "csv" else write_json(records, stream)
