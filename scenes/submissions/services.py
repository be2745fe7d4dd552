"""
Fans add to the catalogue: a submitted scene waits (pending) until a moderator publishes it; edits to a
published scene wait as a SceneEdit while the published version stays public.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from scenes.models import Actor, Character, Drama, DramaProposal, Scene, SceneEdit, SceneSource, SceneTrope, Trope

from . import tasks
from .images import PreparedScreenshot, delete_screenshot_files, store_screenshot
from .images import near_duplicates as similar_screenshots
from .processing import CheckedScreenshot, discard_upload, keep_screenshot

# Two scenes of one episode starting within this many seconds are probably the same back hug.
DUPLICATE_WINDOW_SECONDS = 60
# What a submitter may change on their own scene (screenshots are managed by moderators once stored).
EDITABLE_FIELDS = (
    "episode",
    "start_seconds",
    "end_seconds",
    "hugger_id",
    "hugged_id",
    "setting",
    "description",
    "line_korean",
    "line_english",
    "is_spoiler",
)


@dataclass(frozen=True)
class NewCharacter:
    """A character the catalogue lacks, described by the fan who submits a scene with them."""

    name: str
    actor_name: str
    gender: str
    role: str


def near_duplicates(
    *, drama: Drama, episode: int | None, start_seconds: int | None, exclude: Scene | None = None, fan=None
):
    """
    Scenes of the same episode starting within a minute: probably the same back hug. Given ``fan``, only
    those the fan may see (published, or their own): other fans' pending submissions are not shown to them.
    Without an episode and a start there is nothing to compare: none.
    """
    if episode is None or start_seconds is None:
        return Scene.objects.none()
    scenes = Scene.objects.filter(
        drama=drama,
        episode=episode,
        start_seconds__gte=max(0, start_seconds - DUPLICATE_WINDOW_SECONDS),
        start_seconds__lte=start_seconds + DUPLICATE_WINDOW_SECONDS,
        merged_into__isnull=True,
    ).exclude(status=Scene.Status.REJECTED)
    if exclude is not None:
        scenes = scenes.exclude(pk=exclude.pk)
    if fan is not None:
        theirs = Q(submitted_by=fan) if fan.is_authenticated else Q(pk__in=[])
        scenes = scenes.filter(Q(status=Scene.Status.PUBLISHED) | theirs)
    return scenes.select_related("drama", "hugger", "hugged")


def lookalike_scenes(scene: Scene) -> list[int]:
    """Other scenes holding a near copy (perceptual hash) of one of this scene's screenshots, by id."""
    found = set()
    for image in scene.images.all():
        if image.perceptual_hash:
            others = image.__class__.objects.exclude(scene=scene)
            found.update(match.scene_id for match in similar_screenshots(image.perceptual_hash, queryset=others))
    return sorted(found)


def _character(drama: Drama, person: Character | NewCharacter) -> Character:
    if isinstance(person, Character):
        return person
    actor = None
    if person.actor_name.strip():
        actor_slug = slugify(person.actor_name)
        actor = Actor.objects.filter(Q(slug=actor_slug) | Q(name__iexact=person.actor_name.strip())).first()
        if actor is None and actor_slug:
            actor = Actor.objects.create(name=person.actor_name.strip(), slug=actor_slug, is_confirmed=False)
    existing = Character.objects.filter(drama=drama, name__iexact=person.name.strip()).first()
    if existing is not None:
        return existing
    # Unconfirmed until a moderator publishes a scene with them: a pending submission adds nothing public.
    return Character.objects.create(
        drama=drama,
        name=person.name.strip(),
        actor=actor,
        gender=person.gender,
        role=person.role,
        is_confirmed=False,
    )


def submit_scene(
    *,
    fan,
    drama: Drama,
    episode: int | None,
    start_seconds: int | None,
    end_seconds: int | None,
    hugger: Character | NewCharacter,
    hugged: Character | NewCharacter,
    description: str,
    setting: str = "",
    line_korean: str = "",
    line_english: str = "",
    is_spoiler: bool = False,
    tropes: list[Trope] = (),
    screenshots: list[tuple[CheckedScreenshot | PreparedScreenshot, str]] = (),
    source: dict | None = None,
) -> Scene:
    """A new pending scene with its tropes, screenshots and the source the fan gives (``url``, ``title``,
    ``quote``), all or nothing (no rows, no files on failure).

    A checked upload (what the submission form gives) is kept and processed by a task once the scene is
    committed; a prepared screenshot is stored at once.
    """
    stored = []
    try:
        with transaction.atomic():
            scene = Scene(
                drama=drama,
                episode=episode,
                start_seconds=start_seconds,
                end_seconds=end_seconds,
                hugger=_character(drama, hugger),
                hugged=_character(drama, hugged),
                setting=setting,
                description=description,
                line_korean=line_korean,
                line_english=line_english,
                is_spoiler=is_spoiler,
                status=Scene.Status.PENDING,
                submitted_by=fan,
            )
            scene.full_clean()
            scene.save()
            SceneTrope.objects.bulk_create(
                [SceneTrope(scene=scene, trope=trope) for trope in tropes if not trope.is_derived]
            )
            if source:
                # The fan read the page as they submitted: checked today (moderators check it again to publish).
                cited = SceneSource(scene=scene, checked_on=timezone.localdate(), **source)
                cited.full_clean()
                cited.save()
            for position, (screenshot, alt_text) in enumerate(screenshots):
                if isinstance(screenshot, CheckedScreenshot):
                    image = keep_screenshot(scene=scene, screenshot=screenshot, alt_text=alt_text, position=position)
                else:
                    image = store_screenshot(
                        scene=scene, uploaded_file=screenshot, alt_text=alt_text, position=position
                    )
                stored.append(image)
            for image in stored:
                if image.is_processing:
                    tasks.process_screenshot.enqueue(image.pk)
    except BaseException:
        for image in stored:  # Storage has no rollback: remove what this submission wrote.
            discard_upload(image)
            delete_screenshot_files(image)
        raise
    return scene


def edit_scene(*, scene: Scene, editor, changes: dict, tropes: list[Trope] | None = None) -> SceneEdit | None:
    """
    The submitter edits their scene. A pending scene changes at once; a published one keeps its public
    version and the edit waits for a moderator (returned as a SceneEdit).
    """
    changes = {name: value for name, value in changes.items() if name in EDITABLE_FIELDS}
    trope_slugs = sorted(trope.slug for trope in tropes) if tropes is not None else None
    if scene.status == Scene.Status.PUBLISHED:
        payload = {**changes, **({"tropes": trope_slugs} if trope_slugs is not None else {})}
        return SceneEdit.objects.create(scene=scene, editor=editor, changes=payload)
    with transaction.atomic():
        apply_changes(scene=scene, changes={**changes, **({"tropes": trope_slugs} if trope_slugs is not None else {})})
    return None


def apply_changes(*, scene: Scene, changes: dict) -> Scene:
    """Write an accepted edit onto the scene (validated like any scene)."""
    trope_slugs = changes.get("tropes")
    for name, value in changes.items():
        if name in EDITABLE_FIELDS:
            setattr(scene, name, value)
    scene.full_clean()
    scene.save()
    if trope_slugs is not None:
        wanted = set(Trope.objects.curated().filter(slug__in=trope_slugs))
        current = {scene_trope.trope: scene_trope for scene_trope in scene.scene_tropes.select_related("trope")}
        for trope, scene_trope in current.items():
            if trope not in wanted and scene_trope.origin == SceneTrope.Origin.CURATED:
                scene_trope.delete()
        SceneTrope.objects.bulk_create([SceneTrope(scene=scene, trope=trope) for trope in wanted - set(current)])
    return scene


def propose_drama(*, fan, title: str, year: int, network: str, episodes: int, hangul_title: str = "", note: str = ""):
    return DramaProposal.objects.create(
        proposer=fan,
        title=title.strip(),
        hangul_title=hangul_title.strip(),
        year=year,
        network=network.strip(),
        episodes=episodes,
        note=note.strip(),
    )
