"""
Checks on the demo data that need no database, run before anything is written.

The database refuses some mistakes itself (an episode beyond the drama, a derived trope on a scene), but
only one row at a time and with a terse message; these checks name every problem at once, in terms of the
data files, so whoever edits them can fix everything in one go.
"""

from django.utils.text import slugify

from scenes.taxonomy import GROUPS
from scenes.timecodes import parse_timecode

from .records import DramaFact, SceneFact

GENDERS = {"female", "male", "other"}
ROLES = {"female_lead", "male_lead", "second_female_lead", "second_male_lead", "supporting"}
MIN_TROPES, MAX_TROPES = 2, 5
MIN_SECONDS, MAX_SECONDS = 5, 60


class DemoDataError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("The demo data has problems:\n- " + "\n- ".join(problems))


def curated_trope_slugs() -> set[str]:
    """Tropes a scene may carry: every trope in the taxonomy without a rule (derived ones follow from the hugger)."""
    return {slug for *_, tropes in GROUPS for slug, _name, _hangul, rule, *_ in tropes if not rule}


def check_dramas(dramas: tuple[DramaFact, ...]) -> list[str]:
    problems = []
    slugs = [drama.slug for drama in dramas]
    problems += [f"drama slug {slug!r} is used twice" for slug in sorted({s for s in slugs if slugs.count(s) > 1})]
    actor_hangul: dict[str, str] = {}
    for drama in dramas:
        if drama.slug != slugify(drama.title):
            problems.append(f"{drama.slug}: the slug is not the slugified title {drama.title!r}")
        names = [character.name for character in drama.characters]
        problems += [
            f"{drama.slug}: character {name!r} is listed twice" for name in set(names) if names.count(name) > 1
        ]
        for character in drama.characters:
            where = f"{drama.slug}: {character.name}"
            if character.gender not in GENDERS:
                problems.append(f"{where}: unknown gender {character.gender!r}")
            if character.role not in ROLES:
                problems.append(f"{where}: unknown role {character.role!r}")
            # One actor, one row: the same romanised name must always come with the same Hangul.
            known = actor_hangul.setdefault(slugify(character.actor), character.actor_hangul)
            if known != character.actor_hangul:
                problems.append(f"{where}: {character.actor} is written {character.actor_hangul}, elsewhere {known}")
    return problems


def check_scenes(scenes: tuple[SceneFact, ...], dramas: tuple[DramaFact, ...]) -> list[str]:
    problems = []
    by_slug = {drama.slug: drama for drama in dramas}
    curated = curated_trope_slugs()
    seen = set()
    for scene in scenes:
        where = f"{scene.drama} ep. {scene.episode} {scene.start}"
        drama = by_slug.get(scene.drama)
        if drama is None:
            problems.append(f"{where}: no such drama")
            continue
        try:
            key = (scene.drama, scene.episode, parse_timecode(scene.start))
        except ValueError as error:
            problems.append(f"{where}: {error}")
            continue
        if key in seen:
            problems.append(f"{where}: two scenes start at the same moment")
        seen.add(key)
        if not 1 <= scene.episode <= drama.episodes:
            problems.append(f"{where}: {drama.title} has {drama.episodes} episodes")
        if not MIN_SECONDS <= scene.seconds <= MAX_SECONDS:
            problems.append(f"{where}: a hug of {scene.seconds} s is not a realistic length")
        names = {character.name for character in drama.characters}
        for who in (scene.hugger, scene.hugged):
            if who not in names:
                problems.append(f"{where}: {who!r} is not a character of {drama.title}")
        if scene.hugger == scene.hugged:
            problems.append(f"{where}: someone cannot back-hug themselves")
        if not MIN_TROPES <= len(scene.tropes) <= MAX_TROPES or len(set(scene.tropes)) != len(scene.tropes):
            problems.append(f"{where}: give {MIN_TROPES}-{MAX_TROPES} different tropes")
        for slug in scene.tropes:
            if slug not in curated:
                problems.append(f"{where}: {slug!r} is not a curated trope (derived ones follow from the hugger)")
        if bool(scene.line_korean) != bool(scene.line_english):
            problems.append(f"{where}: give the line in both Korean and English, or neither")
    return problems


def check(dramas: tuple[DramaFact, ...], scenes: tuple[SceneFact, ...]) -> None:
    problems = check_dramas(dramas) + check_scenes(scenes, dramas)
    if problems:
        raise DemoDataError(problems)
