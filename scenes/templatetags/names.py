"""
Names as the reader's language puts them first: a Korean reader sees a drama's Hangul title and an actor's Hangul
name first, with the English or romanised one after; everyone else sees the English first, the Hangul after.

``{% names drama as name %}`` gives ``name.first`` and ``name.second`` (either may be the Hangul; ``second`` is empty
when the catalogue has only one) with their ``first_lang`` and ``second_lang`` for the ``lang`` attribute;
``{{ drama|display_name }}`` is the inline form: "상속자들 (The Heirs)" in Korean, "The Heirs" in English.
"""

from dataclasses import dataclass

from django import template
from django.utils.translation import get_language

register = template.Library()

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


def names_of(thing) -> Names:
    for hangul_field, english_field in FIELDS:
        if hasattr(thing, english_field):
            english, hangul = getattr(thing, english_field), getattr(thing, hangul_field, "") or ""
            break
    else:
        return Names(str(thing), "", "", "")
    if hangul and (get_language() or "").startswith("ko"):
        return Names(hangul, english, "ko", "en")
    return Names(english, hangul, "en", "ko" if hangul else "")


@register.simple_tag
def names(thing) -> Names:
    return names_of(thing)


@register.filter
def display_name(thing) -> str:
    """The name to show inline: the Hangul first with the English after for a Korean reader, else the English."""
    name = names_of(thing)
    if name.first_lang == "ko" and name.second:
        return f"{name.first} ({name.second})"
    return name.first
