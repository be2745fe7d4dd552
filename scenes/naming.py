"""
Names as the reader's language puts them first: for a Korean reader a drama's Hangul title, an actor's, a
character's or a trope's Hangul name, with the English or romanised one after; for everyone else the English first
and the Hangul after. Used by the templates (scenes/templatetags/names.py), the scene cards
(scenes/catalogue/cards.py), the charts, feeds and messages that name a drama or a person.
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

# Where each kind of thing keeps its English (or romanised) name and its Hangul one.
FIELDS = (("hangul_title", "title"), ("hangul_name", "name"))


@dataclass(frozen=True)
class Names:
    first: str
    second: str
    first_lang: str
    second_lang: str

    def __str__(self):
        return self.first

    @property
    def inline(self) -> str:
        """Both names in a line of text: "상속자들 (The Heirs)" for a Korean reader, else the English alone."""
        if self.first_lang == "ko" and self.second:
            return f"{self.first} ({self.second})"
        return self.first


def names_of(thing) -> Names:
    for hangul_field, english_field in FIELDS:
        if hasattr(thing, english_field):
            return names(getattr(thing, english_field), getattr(thing, hangul_field, "") or "")
    return Names(str(thing), "", "", "")


def hangul_first() -> bool:
    """Whether this request's reader reads the Hangul name first: a Korean reader (any "ko" language)."""
    return (get_language() or "").startswith("ko")


def names(english: str, hangul: str) -> Names:
    """An English (or romanised) name and a Hangul one (empty when unknown), in the order the reader reads them."""
    if hangul and hangul_first():
        return Names(hangul, english, "ko", "en")
    return Names(english, hangul, "en", "ko" if hangul else "")


def first_name(thing) -> str:
    """The one name to show where there is room for one: the Hangul for a Korean reader, where there is one."""
    return names_of(thing).first


def inline_name(thing) -> str:
    """The name in a line of text: "상속자들 (The Heirs)" for a Korean reader, "The Heirs" for everyone else."""
    return names_of(thing).inline


def spoiler_title(*, drama: str, episode: int | None) -> str:
    """What a scene that is a spoiler to its reader is called where it would be named (titles, headings, charts,
    feeds): its drama and episode, never who hugs whom (community/preferences/viewer.py has the rule)."""
    if episode is None:
        return _("A back hug in %(drama)s (spoiler)") % {"drama": drama}
    return _("A back hug in %(drama)s, episode %(episode)s (spoiler)") % {"drama": drama, "episode": episode}
