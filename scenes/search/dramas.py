"""
Which drama a reader means by what they typed in a drama box: the catalogue's filter, the submission form and
the titles suggested as they type (/dramas/options/) all ask here, so they agree.

- drama_named(): the drama one of whose titles is exactly what was typed (its slug; its English, Hangul or
  also-known-as title; the Hangul in Latin letters), whatever the case, spaces, hyphens or accents:
  "The Heirs", "the-heirs", "상속자들", "The Inheritors", "sangsokjadeul", "Sang-sok-ja-deul".
- dramas_like(): for a near miss, the dramas it may mean, best first. First the suggestion index (every word
  found, the last one as a prefix: "the heir" is The Heirs, "상속" too); when that finds none, the title words
  closest in spelling (edit distance, by rapidfuzz: "hiers" or "the hiers" is The Heirs). The edit distance is
  computed over the dramas' indexed words, read in one query: only for a title that matched nothing, a
  thousand dramas cost a few milliseconds.
"""

import re

from django.db import connections
from django.db.models import Q
from django.db.models.expressions import RawSQL
from rapidfuzz import fuzz, process

from scenes.models import Drama, SearchSuggestion

from .cache import kept
from .index import SUGGESTION_FTS
from .romanise import romanisations
from .suggestions import suggestions
from .text import normalise, squashed

DRAMAS_LIKE = 3
# A title of one common word ("Love") is a word of many dramas' titles; those are compared in Python.
MOST_CANDIDATES = 200
# How alike two spellings must be, 0 to 100 (rapidfuzz's normalised Indel similarity): "hiers" and "heirs"
# score 80, "goblim" and "goblin" 83; "love" and "lie" 57, which is no near miss.
SIMILAR_ENOUGH = 75
# Shorter words are too alike to tell apart by spelling ("kim", "him").
SHORTEST_SIMILAR = 4
# Where a title's parts meet: "쓸쓸하고 찬란하神 – 도깨비", "Goblin: The Lonely and Great God".
TITLE_PARTS = re.compile(r"\s+[-–—]\s+|:\s+")
TOKEN = {
    "sqlite": f"SELECT rowid FROM {SUGGESTION_FTS} WHERE {SUGGESTION_FTS} MATCH %s",  # noqa: S608 - constants
    "postgresql": "SELECT id FROM scenes_searchsuggestion WHERE vector @@ to_tsquery('simple', %s)",
}


def title_keys(drama: Drama) -> set[str]:
    """Every title of ``drama`` reduced to one word, as typed text is compared with it; a title's parts apart
    from a dash or colon count too, as fans use them alone ("상속자들" of "왕관을 쓰려는 자, … – 상속자들")."""
    titles = [drama.title, drama.hangul_title, *drama.other_titles_list]
    titles += [part for title in titles for part in TITLE_PARTS.split(title)]
    spellings = [spelling for title in titles for spelling in (title, *romanisations(normalise(title)))]
    return {key for key in map(squashed, spellings) if key}


def drama_named(text: str, *, using: str = "default") -> Drama | None:
    """The drama whose slug or one of whose titles is ``text`` (see the module docstring); None if none is.

    One query, as a slug alone took: every title is indexed whole, squashed, in its drama's suggestion, so
    the dramas with that word in their suggestion are the only candidates, and their titles are compared here.
    """
    text = (text or "").strip()
    key = squashed(text)
    if not text:
        return None
    named = Q(slug=text)
    if key:
        vendor = connections[using].vendor
        word = f'"{key}"' if vendor == "sqlite" else f"'{key}'"
        matching = RawSQL(TOKEN[vendor], [word])  # noqa: S611 - a constant; the word is a parameter.
        suggested = SearchSuggestion.objects.using(using).filter(kind=SearchSuggestion.Kind.DRAMA, pk__in=matching)
        named |= Q(pk__in=suggested.values("drama_id"))
    candidates = Drama.objects.using(using).filter(named).order_by("pk")[:MOST_CANDIDATES]
    by_slug = [drama for drama in candidates if drama.slug == text]
    return next(iter(by_slug), None) or next((drama for drama in candidates if key in title_keys(drama)), None)


def dramas_like(text: str, *, limit: int = DRAMAS_LIKE, using: str = "default") -> list[Drama]:
    """
    The dramas ``text`` may mean when no title is exactly it, best first (see the module docstring). Kept like
    a search's ranking (scenes.search.cache): a mistyped title shared in a link costs its queries once.
    """
    text = (text or "").strip()
    if not squashed(text):
        return []

    def find() -> list[Drama]:
        found = next(group for group in suggestions(text, per_kind=limit, using=using) if group.kind == "drama")
        ids = [row.drama_id for row in found.items] or _closest_in_spelling(text, limit=limit, using=using)
        dramas = Drama.objects.using(using).in_bulk(ids)
        return [dramas[pk] for pk in ids if pk in dramas]

    return kept("dramas-like", (using, text, limit), find)


def _closest_in_spelling(text: str, *, limit: int, using: str) -> list[int]:
    """The ids of the dramas with a title word (or whole title) nearest ``text`` in spelling, nearest first."""
    wanted = [word for word in (squashed(text), *normalise(text).split()) if len(word) >= SHORTEST_SIMILAR]
    if not wanted:
        return []
    words, owners = [], []
    rows = SearchSuggestion.objects.using(using).filter(kind=SearchSuggestion.Kind.DRAMA)
    for drama_id, terms in rows.values_list("drama_id", "terms"):
        for word in terms.split():
            if len(word) >= SHORTEST_SIMILAR:
                words.append(word)
                owners.append(drama_id)
    best: dict[int, float] = {}
    for typed in dict.fromkeys(squashed(word) for word in wanted):
        matches = process.extract(typed, words, scorer=fuzz.ratio, score_cutoff=SIMILAR_ENOUGH, limit=None)
        for _, score, index in matches:
            best[owners[index]] = max(score, best.get(owners[index], 0))
    return sorted(best, key=lambda drama_id: (-best[drama_id], drama_id))[:limit]
