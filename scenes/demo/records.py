"""The shapes of the demo data: plain, immutable records that the loader turns into rows."""

from datetime import date
from typing import NamedTuple

# When the demo's sources were last read and found to still say what their quote says.
CHECKED_ON = date(2026, 12, 7)


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


class SourceFact(NamedTuple):
    """A public page that describes the back hug: the scene's citation on the site."""

    url: str
    title: str  # the page's headline; where it could not be read, what the page is
    publisher: str
    quote: str  # a few words from the page (a dozen at most), so anyone can find the passage
    published_on: date | None = None
    checked_on: date = CHECKED_ON


class SceneFact(NamedTuple):
    drama: str  # drama slug
    # Documented scenes give the episode only where a source names it, and never a time: nobody has timed
    # them against the broadcast. Illustrative scenes have an invented episode and time, labelled as such.
    episode: int | None
    start: str | None  # "mm:ss" into the episode
    seconds: int | None  # how long the hug lasts, where the start is known
    hugger: str  # character names, as in the drama's characters
    hugged: str
    setting: str
    description: str  # in our own words
    tropes: tuple[str, ...]  # curated trope slugs only: derived ones follow from the hugger
    line_korean: str = ""
    line_english: str = ""
    # True unless the moment is documented by the sources below: the site labels illustrative scenes
    # as placeholders.
    illustrative: bool = True
    featured: bool = False
    # It gives away a turn of the story (a twist, a reveal, how it ends): marked, as a moderator would, so readers
    # who have not watched that far see it blurred (Scene.is_spoiler). A handful, not every late episode.
    spoiler: bool = False
    sources: tuple[SourceFact, ...] = ()
    # How well the sources document the moment, on the research list's scale: "high" (the scene and its
    # episode), "medium" (the scene, no episode) or "low" (only stills or a preview before broadcast, or a
    # vague mention), which counts only with a second, independent source that confirms it.
    confidence: str = ""

    @property
    def key(self) -> tuple:
        """The scene's natural key: the drama, who hugs whom, and the episode and start where known."""
        return (self.drama, self.hugger, self.hugged, self.episode, self.start)


def documented(
    drama: str,
    episode: int | None,
    hugger: str,
    hugged: str,
    setting: str,
    description: str,
    tropes: tuple[str, ...],
    confidence: str,
    *sources: SourceFact,
    featured: bool = False,
    spoiler: bool = False,
) -> SceneFact:
    """A back hug public pages describe: no time (nobody has timed it), the episode only where a page names it."""
    return SceneFact(
        drama=drama,
        episode=episode,
        start=None,
        seconds=None,
        hugger=hugger,
        hugged=hugged,
        setting=setting,
        description=description,
        tropes=tropes,
        illustrative=False,
        featured=featured,
        spoiler=spoiler,
        sources=sources,
        confidence=confidence,
    )
