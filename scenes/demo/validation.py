"""
Checks on the demo data that need no database, run before anything is written.

The database refuses some mistakes itself (an episode beyond the drama, a derived trope on a scene), but
only one row at a time and with a terse message; these checks name every problem at once, in terms of the
data files, so whoever edits them can fix everything in one go.
"""

from django.utils.text import slugify

from scenes.taxonomy import GROUPS
from scenes.timecodes import parse_timecode

from .character_names import HANGUL_NAMES
from .records import DramaFact, SceneFact

GENDERS = {"female", "male", "other"}
ROLES = {"female_lead", "male_lead", "second_female_lead", "second_male_lead", "supporting"}
MIN_TROPES, MAX_TROPES = 2, 5
MIN_SECONDS, MAX_SECONDS = 5, 60
CONFIDENCES = {"high", "medium", "low"}
# As the catalogue's SceneSource allows (scenes.models.QUOTE_MAX_WORDS): a pointer into the page, not a copy.
QUOTE_MAX_WORDS = 12


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
    characters = {(drama.slug, character.name) for drama in dramas for character in drama.characters}
    problems += [
        f"{slug}: {name} has a Hangul name in character_names.py but is no character of the drama"
        for slug, name in sorted(set(HANGUL_NAMES) - characters)
    ]
    return problems


def check_timing(scene: SceneFact, drama: DramaFact, where: str) -> list[str]:
    """Illustrative scenes carry an invented episode and time; documented ones only what a source gives."""
    problems = []
    if scene.episode is not None and not 1 <= scene.episode <= drama.episodes:
        problems.append(f"{where}: {drama.title} has {drama.episodes} episodes")
    if scene.illustrative:
        if scene.episode is None or scene.start is None or scene.seconds is None:
            problems.append(f"{where}: an illustrative scene needs its (invented) episode, start and length")
    elif scene.start is not None or scene.seconds is not None:
        problems.append(f"{where}: no source gives a time, so a documented scene cannot have one")
    if scene.start is not None:
        try:
            parse_timecode(scene.start)
        except ValueError as error:
            problems.append(f"{where}: {error}")
    if scene.seconds is not None and not MIN_SECONDS <= scene.seconds <= MAX_SECONDS:
        problems.append(f"{where}: a hug of {scene.seconds} s is not a realistic length")
    return problems


def check_sources(scene: SceneFact, where: str) -> list[str]:
    """A documented scene cites at least one page (two when the first is weak); a placeholder cites none."""
    problems = []
    if scene.illustrative:
        if scene.sources:
            problems.append(f"{where}: an illustrative scene cites no source (mark it documented instead)")
        return problems
    if not scene.sources:
        problems.append(f"{where}: a documented scene needs a source")
    if scene.confidence not in CONFIDENCES:
        problems.append(f"{where}: confidence {scene.confidence!r} is not one of {sorted(CONFIDENCES)}")
    if scene.confidence == "low" and len({source.url for source in scene.sources}) < 2:
        problems.append(f"{where}: a low-confidence scene needs a second source that confirms it")
    for source in scene.sources:
        if not source.url.startswith(("https://", "http://")) or not source.title or not source.publisher:
            problems.append(f"{where}: {source.url!r} needs an address, a title and a publisher")
        if not source.quote or len(source.quote.split()) > QUOTE_MAX_WORDS:
            problems.append(f"{where}: quote {source.quote!r} must be 1-{QUOTE_MAX_WORDS} words")
    return problems


def check_scenes(scenes: tuple[SceneFact, ...], dramas: tuple[DramaFact, ...]) -> list[str]:
    problems = []
    by_slug = {drama.slug: drama for drama in dramas}
    curated = curated_trope_slugs()
    seen = set()
    for scene in scenes:
        where = f"{scene.drama} ep. {scene.episode or '?'} {scene.hugger} -> {scene.hugged}"
        drama = by_slug.get(scene.drama)
        if drama is None:
            problems.append(f"{where}: no such drama")
            continue
        if scene.key in seen:
            problems.append(f"{where}: listed twice (same people, episode and start)")
        seen.add(scene.key)
        problems += check_timing(scene, drama, where) + check_sources(scene, where)
        names = {character.name for character in drama.characters}
        for who in (scene.hugger, scene.hugged):
            if who not in names:
                problems.append(f"{where}: {who!r} is not a character of {drama.title}")
        if scene.hugger == scene.hugged:
            problems.append(f"{where}: someone cannot back-hug themselves")
        # A documented scene carries only what its sources say, which can be a single trope; fans add more.
        fewest = MIN_TROPES if scene.illustrative else 1
        if not fewest <= len(scene.tropes) <= MAX_TROPES or len(set(scene.tropes)) != len(scene.tropes):
            problems.append(f"{where}: give {fewest}-{MAX_TROPES} different tropes")
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
