"""
Scene cards, the most rendered piece of the site (24 to a catalogue page, more on the front page): each card's
HTML is kept in the "cards" cache and reused while what it shows stays the same.

card() gathers what a card shows as plain values (names, tallies, links, the first screenshot's addresses,
the tropes and, for this reader, the spoiler notice); the card template reads nothing else. Those values, the
language and the card templates' source are the key the HTML is kept under, so a vote, an edit, a renamed trope or a new
template makes a new key: nothing has to be invalidated and a stale card is never served; entries no longer
asked for expire or are evicted. Readers who see the same card share one entry; a fan whose spoiler
settings differ gets their own.

A card carries an awkward-or-awesome control (community/_card_verdict.html). The kept HTML holds the anonymous
reader's, the same for all (buttons that lead to signing in, community.pending_votes); a signed-in fan's own,
with their verdict pressed and their CSRF token, replaces it as the cards are drawn (``_with_own_votes``) and is
never kept.
"""

import hashlib

from django.core.cache import caches
from django.middleware.csrf import get_token
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language

from community.preferences.viewer import ViewerPreferences, viewer_preferences
from community.selectors import own_verdicts
from scenes.links import reverser
from scenes.naming import names_of

CARD_TEMPLATE = "scenes/_scene_card.html"
# Included by the card: its source is part of every key too.
CARD_PARTS = ("scenes/_spoiler.html", "community/_card_verdict.html")
VOTE_TEMPLATE = "community/_card_verdict.html"
# Around the vote control in a kept card: where a signed-in fan's own control goes.
VOTE_START, VOTE_END = "<!--vote-->", "<!--/vote-->"
# Every vote gives a card a new key; the old entry lingers until this expires, so it stays short.
CARD_TIMEOUT = 60 * 60
SHOWN_TROPES = 5  # The rest are counted ("+2").


def render_cards(scenes, request=None, *, own_votes: bool = True) -> list[SafeString]:
    """The card HTML of each of ``scenes``, in order: one cache read for all, templates rendered only for misses;
    a signed-in fan's own vote controls on top unless not ``own_votes``."""
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
    html = [found.get(key) or rendered[key] for key in keys]
    if own_votes and request is not None and request.user.is_authenticated:
        html = _with_own_votes(html, scenes, request, link)
    return [SafeString(card_html) for card_html in html]


def vote_control(*, pk: int, awesome: int, awkward: int, link, request=None, mine=None, next_url: str = "") -> dict:
    """What a card's vote control shows: the tallies and, for the fan of ``request``, their verdict and a form that
    posts (``request`` None: the anonymous reader's, the same for all)."""
    control = {"awesome": awesome, "awkward": awkward, "sign_in_url": link("community:vote-sign-in", pk)}
    if request is not None:
        control |= {
            "fan": True,
            "mine": mine,
            "url": link("community:vote", pk),
            "csrf_token": get_token(request),
            "next": next_url or request.get_full_path(),  # where a vote without JavaScript comes back to
        }
    return control


def _with_own_votes(html: list[str], scenes, request, link) -> list[str]:
    """The cards with the fan's own vote control in place of the anonymous reader's."""
    mine = own_verdicts(request.user, [scene.pk for scene in scenes])
    template = get_template(VOTE_TEMPLATE)
    drawn = []
    for card_html, scene in zip(html, scenes, strict=True):
        before, found, rest = card_html.partition(VOTE_START)
        if not found:
            drawn.append(card_html)
            continue
        control = vote_control(
            pk=scene.pk,
            awesome=scene.awesome_count,
            awkward=scene.awkward_count,
            link=link,
            request=request,
            mine=mine.get(scene.pk),
        )
        drawn.append(f"{before}{template.render({'vote': control})}{rest.partition(VOTE_END)[2]}")
    return drawn


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
        # Only a published scene is voted on (a fan's own pending submission has a card on their profile).
        "vote": vote_control(pk=scene.pk, awesome=scene.awesome_count, awkward=scene.awkward_count, link=link)
        if scene.is_published
        else None,
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
