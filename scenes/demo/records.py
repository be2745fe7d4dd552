"""The shapes of the demo data: plain, immutable records that the loader turns into rows."""

from typing import NamedTuple


class CharacterFact(NamedTuple):
    name: str
    actor: str  # romanised, family name first; the actor's slug is made from it
    actor_hangul: str
    gender: str  # a Character.Gender value
    role: str  # a Character.Role value


class DramaFact(NamedTuple):
    slug: str  # the slugified English title, as in shared/data/dramas.csv
    title: str
    hangul_title: str
    other_titles: str  # separated by semicolons
    year: int  # first aired
    network: str
    episodes: int
    characters: tuple[CharacterFact, ...]


class SceneFact(NamedTuple):
    drama: str  # drama slug
    episode: int
    start: str  # "mm:ss" into the episode; with drama and episode, the scene's natural key
    seconds: int  # how long the hug lasts
    hugger: str  # character names, as in the drama's characters
    hugged: str
    setting: str
    description: str  # in our own words
    tropes: tuple[str, ...]  # curated trope slugs only: derived ones follow from the hugger
    line_korean: str = ""
    line_english: str = ""
    # True unless the moment is documented (see the sources noted beside it): the site labels
    # illustrative scenes as placeholders.
    illustrative: bool = True
    featured: bool = False
