"""Suggestions as a reader types: the dramas, actors and tropes they may mean, from the suggestion index."""

from dataclasses import dataclass

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import Case, F, IntegerField, Value, When, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber

from scenes.models import SearchSuggestion
from scenes.naming import hangul_first

from .index import SUGGESTION_FTS
from .text import parse_query, words

SUGGESTIONS_PER_KIND = 5
SUGGESTION_MATCH = f"SELECT rowid FROM {SUGGESTION_FTS} WHERE {SUGGESTION_FTS} MATCH %s"  # noqa: S608 - constants


@dataclass(frozen=True)
class ShownSuggestion:
    """A suggestion as the reader reads it: ``label`` (in ``lang``) first, ``hint`` beside it."""

    label: str
    hint: str
    lang: str
    url: str


HINT_SEPARATOR = " · "  # a drama's hint: its Hangul title and year (scenes.search.index)


def in_reader_order(item: SearchSuggestion) -> ShownSuggestion:
    """A Korean reader reads a drama's, an actor's or a trope's Hangul name first, as on the pages (scenes.naming):
    the index keeps it as the hint, so the two change places. An alias's hint is the alias itself and stays."""
    label, hint, url = item.label, item.hint, item.url
    if not hangul_first() or not hint or item.alias_id:
        return ShownSuggestion(label, hint, "en", url)
    if item.kind == SearchSuggestion.Kind.DRAMA:
        hangul, _separator, year = hint.rpartition(HINT_SEPARATOR)
        if not hangul:  # no Hangul title: the hint is the year alone
            return ShownSuggestion(label, hint, "en", url)
        return ShownSuggestion(hangul, f"{label}{HINT_SEPARATOR}{year}", "ko", url)
    return ShownSuggestion(hint, label, "ko", url)


@dataclass
class SuggestionGroup:
    kind: str
    label: str
    items: list[SearchSuggestion]

    @property
    def shown(self) -> list[ShownSuggestion]:
        return [in_reader_order(item) for item in self.items]


def suggestions(text: str, *, per_kind: int = SUGGESTIONS_PER_KIND, using: str = "default") -> list[SuggestionGroup]:
    """Dramas, actors and tropes a reader may mean by ``text``, best first: one query (on PostgreSQL, a
    second, fuzzy one when the words find nothing).

    One group per kind, in that order, each with at most ``per_kind`` SearchSuggestion rows (a trope once,
    even when its name and an alias both match).
    """
    groups = [SuggestionGroup(kind, label, []) for kind, label in SearchSuggestion.Kind.choices]
    query = parse_query(text)
    if not query:
        return groups
    rows = SearchSuggestion.objects.using(using)
    if connections[using].vendor == "postgresql":
        tsquery = SearchQuery(query.tsquery(), search_type="raw", config="simple")
        found = _best_suggestions(rows.filter(vector=tsquery), query, per_kind)
        if not found:
            found = _best_suggestions(
                rows.filter(TrigramWordSimilar(F("terms"), " ".join(words(text)))), query, per_kind
            )
    else:
        matching = RawSQL(SUGGESTION_MATCH, [query.fts5()])  # noqa: S611 - a constant; the query is a parameter.
        found = _best_suggestions(rows.filter(pk__in=matching), query, per_kind)
    for group in groups:
        for row in found:
            taken = row.kind == "trope" and any(item.trope_id == row.trope_id for item in group.items)
            if row.kind == group.kind and len(group.items) < per_kind and not taken:
                group.items.append(row)
    return groups


def actors_named(text: str, *, using: str = "default"):
    """
    The ids of the actors whose name matches ``text`` as the site's search reads it (scenes.search.text: "Lee
    Min-ho", "lee minho", "leeminho" and "이민호" or "iminho" alike, the last word as a prefix), as a subquery for
    the actor index; None when ``text`` has no words. Read from the actors' suggestion rows, which hold each
    public actor's names already normalised and romanised.
    """
    query = parse_query(text)
    if not query:
        return None
    rows = SearchSuggestion.objects.using(using).filter(kind=SearchSuggestion.Kind.ACTOR)
    if connections[using].vendor == "postgresql":
        rows = rows.filter(vector=SearchQuery(query.tsquery(), search_type="raw", config="simple"))
    else:
        rows = rows.filter(pk__in=RawSQL(SUGGESTION_MATCH, [query.fts5()]))  # noqa: S611 - a constant; see above.
    return rows.values("actor_id")


def _best_suggestions(rows, query, per_kind: int) -> list[SearchSuggestion]:
    """The first ``per_kind`` (twice that for tropes: aliases count once) of each kind, those starting with the
    first word first."""
    first_word = query.groups[0][0][0].word
    starts = Case(When(terms__startswith=first_word, then=Value(0)), default=Value(1), output_field=IntegerField())
    place = Window(RowNumber(), partition_by=F("kind"), order_by=[starts.asc(), F("label").asc(), F("pk").asc()])
    return list(rows.annotate(place=place).filter(place__lte=per_kind * 2).order_by("kind", "place"))
