"""
How text becomes searchable: the same rules for the documents we index and for what a reader types.

Normalising: Unicode NFKC (full-width letters become plain ones), accents stripped ("Café" -> "cafe"),
lower case; then words are runs of letters and digits, so hyphens, apostrophes and punctuation split them.
Hangul is kept as typed (NFKD would split syllables into jamo; we recompose them).

Romanised Korean names are written many ways: "Lee Min-ho", "lee minho", "Lee Minho", "LEE MIN HO",
"leeminho". A name is therefore indexed as its words plus two squashed forms:

    "Lee Min-ho"  ->  lee min ho  minho  leeminho
                      (words)     (each hyphenated part joined)  (the whole name joined)

and a query matches when every one of its words matches, where a hyphenated word may also match joined,
or when the whole query squashed into one word matches:

    "Lee Min-ho"  ->  lee AND (min AND ho OR minho)   OR  leeminho
    "lee minho"   ->  lee AND minho                   OR  leeminho
    "LEE MIN HO"  ->  lee AND min AND ho              OR  leeminho

so every spelling above finds "Lee Min-ho" and "Lee Minho" alike. When the squashed query is itself a title or
a name ("leeminho", "theheirs"), the reader named someone or something: scenes where its words are merely
scattered (a Lee, a Min-young and a hug) are left out (scenes.search.ranking), so that every spelling of a
name finds the same scenes. A name or title in Hangul is also indexed
in Latin letters, by the Revised Romanization (scenes.search.romanise), with the same squashed forms:

    "상속자들"         ->  상속자들  sangsokjadeul
    "별에서 온 그대"   ->  별에서 온 그대 별에서온그대  byeoreseo on geudae byeoreseoongeudae
                           byeoleseo byeoleseoongeudae  (syllable by syllable too, where it differs)

so "sangsokjadeul", "sang-sok-ja-deul" and "byeoreseo on geudae" find them. The last word of a query (of two letters
or more), and every Hangul word, also matches as a prefix: the reader may not have finished typing it, and
Korean attaches particles to words ("상속자들이").

Both search backends (SQLite FTS5, PostgreSQL tsvector) receive documents already reduced to these words
separated by spaces, so their own tokenisers have nothing left to disagree about.
"""

import re
import unicodedata
from dataclasses import dataclass

from .romanise import romanisations

WORD = re.compile(r"[^\W_]+")
# Hangul syllables and jamo: words in these scripts match as prefixes.
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 40


def normalise(text: str) -> str:
    """Lower case, accents stripped, compatibility forms folded; Hangul syllables kept whole."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(character for character in decomposed if not unicodedata.combining(character))
    return unicodedata.normalize("NFKC", stripped).lower()


def words(text: str) -> list[str]:
    return WORD.findall(normalise(text))


def name_words(text: str) -> list[str]:
    """A name's words, each hyphenated part joined, and the whole name squashed (see the module docstring)."""
    parts = [words(part) for part in normalise(text).split()]
    found = [word for part in parts for word in part]
    found += ["".join(part) for part in parts if len(part) > 1]
    if len([word for part in parts for word in part]) > 1:
        found.append("".join(word for part in parts for word in part))
    return found


def document(*texts: str, names: bool = False) -> str:
    """The words of ``texts`` as one space-separated string (with the squashed forms and the Hangul also in
    Latin letters when ``names``)."""
    split = name_words if names else words
    if names:
        texts = [spelling for text in texts for spelling in (text, *romanisations(normalise(text)))]
    seen, result = set(), []
    for text in texts:
        for word in split(text or ""):
            if names and word in seen:
                continue  # Repeated names would only inflate their weight in the ranking.
            seen.add(word)
            result.append(word)
    return " ".join(result)


def squashed(text: str) -> str:
    """The whole text as one word: how a search box entry is compared with names and titles."""
    return "".join(words(text))


@dataclass(frozen=True)
class Term:
    word: str
    prefix: bool = False


@dataclass(frozen=True)
class Query:
    """
    A parsed search. ``groups`` must all match; a group is alternatives, each a list of terms that must all
    match; ``whole`` (the squashed query) is an alternative to all the groups together.

    The *strong* form, for searches of two words or more, is stricter: the words as a phrase, in order and
    next to each other, or the squashed whole: "Kim Min-ho" then matches that name, not a Kim and a Min-ho
    in the same scene.
    """

    groups: tuple[tuple[tuple[Term, ...], ...], ...]
    whole: Term | None
    phrase: tuple[Term, ...] = ()

    def __bool__(self):
        return bool(self.groups)

    @property
    def has_strong(self) -> bool:
        return len(self.phrase) > 1

    def name_fts5(self) -> str:
        """SQLite FTS5: the squashed query, whole, as a word of a title or name ("leeminho", "theheirs")."""
        return f'{{titles names}} : "{self.whole.word}"'

    def name_tsquery(self) -> str:
        """PostgreSQL: the same (titles and names are the documents' weight A)."""
        return f"'{self.whole.word}':A"

    def fts5(self, *, strong: bool = False) -> str:
        """The query in SQLite FTS5 syntax."""
        if strong:  # FTS5 makes only a phrase's last token a prefix.
            words = " ".join(term.word for term in self.phrase)
            phrase = f'"{words}"' + ("*" if self.phrase[-1].prefix else "")
            return f"{phrase} OR {self._fts5_term(self.whole)}"
        return self._render(self._fts5_term, and_=" AND ", or_=" OR ")

    def tsquery(self, *, strong: bool = False) -> str:
        """The query in PostgreSQL ``to_tsquery`` syntax."""
        if strong:
            phrase = " <-> ".join(self._tsquery_term(term) for term in self.phrase)
            return f"({phrase}) | {self._tsquery_term(self.whole)}"
        return self._render(self._tsquery_term, and_=" & ", or_=" | ")

    @staticmethod
    def _fts5_term(term: Term) -> str:
        return f'"{term.word}"' + ("*" if term.prefix else "")

    @staticmethod
    def _tsquery_term(term: Term) -> str:
        return f"'{term.word}'" + (":*" if term.prefix else "")

    def _render(self, render_term, *, and_: str, or_: str) -> str:
        def all_of(terms):
            rendered = and_.join(render_term(term) for term in terms)
            return f"({rendered})" if len(terms) > 1 else rendered

        def any_of(alternatives):
            rendered = or_.join(all_of(terms) for terms in alternatives)
            return f"({rendered})" if len(alternatives) > 1 else rendered

        every_group = and_.join(any_of(group) for group in self.groups)
        if self.whole is None:
            return every_group
        return f"({every_group}){or_}{render_term(self.whole)}"


def parse_query(text: str) -> Query:
    """A reader's search as a Query (empty when it has no words). See the module docstring for the rules."""
    parts = [part for part in (words(chunk) for chunk in normalise(text).split()) if part]
    parts = [[word[:MAX_WORD_LENGTH] for word in part] for part in parts][:MAX_QUERY_WORDS]
    if not parts:
        return Query(groups=(), whole=None)

    def term(word: str, last: bool) -> Term:
        # One Latin letter as a prefix would match a good part of the index; one Hangul syllable is a word.
        return Term(word, prefix=bool(HANGUL.search(word)) or (last and len(word) > 1))

    groups = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if len(part) == 1:
            groups.append(((term(part[0], last),),))
        else:
            separate = tuple(term(word, last and position == len(part) - 1) for position, word in enumerate(part))
            groups.append((separate, (term("".join(part), last),)))
    every_word = [word for part in parts for word in part]
    if len(every_word) == 1:
        return Query(groups=tuple(groups), whole=None)
    phrase = tuple(term(word, position == len(every_word) - 1) for position, word in enumerate(every_word))
    return Query(groups=tuple(groups), whole=term("".join(every_word), True), phrase=phrase)
