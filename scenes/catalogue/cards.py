"""
Scene cards, the most rendered piece of the site (24 to a catalogue page, more on the front page): each card's
HTML is kept in the "cards" cache and reused while what it shows stays the same.

card() gathers what a card shows as plain values (names, tallies, links, the first screenshot's addresses,
the tropes and, for this reader, the spoiler notice); the card template reads nothing else. Those values, the
language and the card templates' source are the key the HTML is kept under, so a vote, an edit, a renamed trope or a new
template makes a new key: nothing has to be invalidated and a stale card is never served; entries no longer
asked for expire or are evicted. Readers who see the same card share one entry; a fan whose spoiler
settings differ gets their own.
"""

import hashlib

from django.core.cache import caches
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language

from community.preferences.viewer import ViewerPreferences, viewer_preferences
from scenes.links import reverser
from scenes.naming import names_of

CARD_TEMPLATE = "scenes/_scene_card.html"
# Included by the card: its source is part of every key too.
CARD_PARTS = ("scenes/_spoiler.html",)
# Every vote gives a card a new key; the old entry lingers until this expires, so it stays short.
CARD_TIMEOUT = 60 * 60
SHOWN_TROPES = 5  # The rest are counted ("+2").


def render_cards(scenes, request=None) -> list[SafeString]:
    """The card HTML of each of ``scenes``, in order: one cache read for all, templates rendered only for misses."""
    scenes = list(scenes)
    if not scenes:
        return []
    preferences = viewer_preferences(request) if request is not None else ViewerPreferences(None)
    template = get_template(CARD_TEMPLATE)
    salt = f"{get_language()}:{_templates_digest(template)}"  # the card's words are in the reader's language
    link = reverser()
    cards = [card(scene, preferences.spoiler(scene), link) for scene in scenes]
    keys = [f"card:{_digest(salt, values)}" for values in cards]
    store = caches["cards"]
    found = store.get_many(keys)
    rendered = {}
    for key, values in zip(keys, cards, strict=True):
        if key not in found and key not in rendered:
            rendered[key] = template.render({"card": values})  # The card needs nothing from the request.
    if rendered:
        store.set_many(rendered, CARD_TIMEOUT)
    return [SafeString(found.get(key) or rendered[key]) for key in keys]


def card(scene, spoiler, link) -> dict:
    """Everything ``scene``'s card shows, as plain values (for a scene fetched with for_cards()); ``link`` is a
    links.reverser()."""
    image = next((image for image in scene.images.all() if image.image), None)  # one still processing has none
    tropes = scene.public_tropes()
    drama = names_of(scene.drama)  # the Hangul title first for a Korean reader
    return {
        "url": link("scenes:scene-detail", scene.pk),
        "drama": drama.first,
        "drama_lang": drama.first_lang,
        "drama_url": link("scenes:drama-detail", scene.drama.slug),
        "episode": scene.episode,
        "timecode": scene.timecode,
        "hugger": names_of(scene.hugger).first,  # a character's Hangul name too, where the catalogue has one
        "hugged": names_of(scene.hugged).first,
        "setting": capfirst(scene.setting),
        "awesome": scene.awesome_count,
        "awkward": scene.awkward_count,
        "favourites": scene.favourite_count,
        "comments": scene.comment_count,
        "image": {
            "src": image.thumbnail_url,
            "srcset": image.srcset(),
            "width": image.width or 640,
            "height": image.height or 360,
        }
        if image
        else None,
        "tropes": [
            {
                "name": names_of(trope).first,
                "lang": names_of(trope).first_lang,
                "url": link("scenes:trope-detail", trope.slug),
                "group": trope.group.slug,
            }
            for trope in tropes[:SHOWN_TROPES]
        ],
        "more_tropes": max(len(tropes) - SHOWN_TROPES, 0),
        "illustrative": scene.is_illustrative,
        "documented": scene.is_documented,
        "spoiler": {"notice": spoiler.notice} if spoiler else None,
    }


def _templates_digest(template) -> str:
    """The card templates' source, digested: a deploy that changes them changes every key. (Cheap: the template
    loader keeps compiled templates, so this hashes a few kilobytes of text per page.)"""
    sources = [template.template.source, *(get_template(name).template.source for name in CARD_PARTS)]
    return hashlib.blake2b("\0".join(sources).encode(), digest_size=8).hexdigest()


def _digest(salt: str, values: dict) -> str:
    return hashlib.blake2b(f"{salt}{values!r}".encode(), digest_size=16).hexdigest()
