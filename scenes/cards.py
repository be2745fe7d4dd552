"""
Scene cards, the most rendered piece of the site (24 to a catalogue page, more on the front page): each card's
HTML is kept in the "cards" cache and reused while what it shows stays the same.

A card is stored under a digest of everything it shows (the scene's episode and time, characters, setting,
tallies, drama, first screenshot, tropes and, for this reader, its spoiler notice) and of the card templates'
source. A vote, an edit, a renamed trope or a new template therefore makes a new key: nothing has to be
invalidated and a stale card is never served; entries no longer asked for expire or are evicted. Readers who
see the same card share one entry; a fan whose spoiler settings differ gets their own.
"""

import hashlib

from django.core.cache import caches
from django.template.loader import get_template
from django.utils.safestring import SafeString

from community.preferences import ViewerPreferences, viewer_preferences

from .models import SceneImage

CARD_TEMPLATE = "scenes/_scene_card.html"
# Included by the card: its source is part of every key too.
CARD_PARTS = ("scenes/_spoiler.html",)
CARD_TIMEOUT = 24 * 60 * 60
CARDS_SHOWN_TROPES = 5  # Keep in step with the card template's slice.


def render_cards(scenes, request=None) -> list[SafeString]:
    """The card HTML of each of ``scenes``, in order: one cache read for all, templates rendered only for misses."""
    scenes = list(scenes)
    if not scenes:
        return []
    preferences = viewer_preferences(request) if request is not None else ViewerPreferences(None)
    template = get_template(CARD_TEMPLATE)
    salt = _templates_digest(template)
    contexts, keys = [], []
    for scene in scenes:
        context = {"scene": scene, "spoiler": preferences.spoiler(scene)}
        contexts.append(context)
        keys.append(f"card:{_digest(salt, card_values(**context))}")
    store = caches["cards"]
    found = store.get_many(keys)
    rendered = {}
    for key, context in zip(keys, contexts, strict=True):
        if key not in found and key not in rendered:
            rendered[key] = template.render(context)  # The card needs nothing from the request.
    if rendered:
        store.set_many(rendered, CARD_TIMEOUT)
    return [SafeString(found.get(key) or rendered[key]) for key in keys]


def card_values(*, scene, spoiler) -> tuple:
    """Everything the card template shows of ``scene``: two cards with the same values render the same HTML."""
    images = scene.images.all()
    image = images[0] if images else None
    tropes = scene.public_tropes()
    drama, hugger, hugged = scene.drama, scene.hugger, scene.hugged
    return (
        scene.pk,
        scene.episode,
        scene.start_seconds,
        scene.setting,
        scene.is_illustrative,
        (scene.awesome_count, scene.awkward_count, scene.favourite_count, scene.comment_count),
        (drama.slug, drama.title),
        (hugger.name, hugged.name),
        # The files' names stand for their URLs (the storage's address is in the salt: _templates_digest).
        (image.image.name, image.thumbnail_small.name, image.thumbnail_medium.name, image.width, image.height)
        if image
        else None,
        len(tropes),
        tuple((trope.slug, trope.name, trope.group.slug) for trope in tropes[:CARDS_SHOWN_TROPES]),
        spoiler.notice if spoiler else None,
    )


def _templates_digest(template) -> str:
    """
    The card templates' source and where screenshots are served from, digested: a deploy that changes either
    changes every key. (Cheap: the template loader keeps compiled templates, so this hashes a few kilobytes of
    text per page.)
    """
    storage = SceneImage._meta.get_field("image").storage
    sources = [
        template.template.source,
        *(get_template(name).template.source for name in CARD_PARTS),
        f"{type(storage).__module__}.{type(storage).__name__} {storage.url('')}",
    ]
    return hashlib.blake2b("\0".join(sources).encode(), digest_size=8).hexdigest()


def _digest(salt: str, values: tuple) -> str:
    return hashlib.blake2b(f"{salt}{values!r}".encode(), digest_size=16).hexdigest()
