"""
Names as the reader's language puts them first (scenes/naming.py): ``{% names drama as name %}`` gives ``name.first``
and ``name.second`` (either may be the Hangul; ``second`` is empty when the catalogue has only one) with their
``first_lang`` and ``second_lang`` for the ``lang`` attribute; ``{{ drama|display_name }}`` is the inline form:
"상속자들 (The Heirs)" in Korean, "The Heirs" in English.
"""

from django import template
from django.utils.translation import gettext

from scenes.naming import Names, inline_name, names_of
from scenes.naming import names as names_in_order

register = template.Library()


@register.simple_tag
def names(thing) -> Names:
    return names_of(thing)


@register.simple_tag
def names_from(english: str, hangul: str) -> Names:
    """``names`` for a row of values rather than an object: ``{% names_from row.drama__title row.drama__hangul_title
    as name %}``."""
    return names_in_order(english, hangul or "")


@register.filter
def display_name(thing) -> str:
    """The name to show inline: the Hangul first with the English after for a Korean reader, else the English."""
    return inline_name(thing)


@register.filter
def first_name(thing) -> str:
    """The one name to show where there is room for one: the Hangul for a Korean reader, where there is one."""
    return names_of(thing).first


@register.filter
def curated(text: str) -> str:
    """The catalogue's own words for a trope or a group of tropes (scenes/taxonomy.py) in the reader's language;
    anything a moderator has written since is not in the catalogue of translations and shows as written."""
    return gettext(text) if text else text
