"""
The shared parts of the busiest readers' pages: what the front page, a scene's page, a drama's page, an actor's
page and the trope guide show every reader who hides the same tropes, computed once and kept
(edge.freshness.kept) under the rules of whole pages: until the site's or the scene's or drama's generation moves,
and at most LIST_SECONDS (a scene's own part, a minute). A signed-in fan's page puts their own parts on top (their
verdict, favourite, trope votes, follows; their spoiler progress is applied when the cards are drawn), so it costs
a handful of queries however large the catalogue.
"""

from django.db.models import Prefetch, prefetch_related_objects

from community.selectors import shared_scene_parts, thread_of
from edge.freshness import kept
from scenes.freshness import DRAMA_PAGE, SCENE_PAGE
from scenes.models import Actor, Drama, Scene, Trope, TropeGroup
from scenes.models.querysets import card_prefetches
from scenes.stats.daily import back_hug_of_the_day, cached_back_hug_of_the_day
from scenes.stats.numbers import dramas_with_most_back_hugs

from .guide import trope_guide
from .profiles import actor_back_hugs_by_drama, drama_profile

SCENE_SECONDS = 60


def hidden_key(viewer) -> tuple:
    """Readers who hide the same tropes see the same lists: their hidden tropes are part of every key."""
    return tuple(sorted(viewer.hidden_trope_ids))


def front_page(viewer) -> dict:
    return kept("front-page", key=hidden_key(viewer), compute=lambda: _front_page(viewer))


def _front_page(viewer) -> dict:
    # Five short lists of cards, fetched apart and prefetched together (two queries for all their tropes and images).
    cards = Scene.objects.published().for_cards().prefetch_related(None)
    daily = cached_back_hug_of_the_day(cards)
    if daily and viewer.hidden_tropes and not cards.filter(pk=daily.pk).for_viewer(viewer).exists():
        daily = back_hug_of_the_day(cards.for_viewer(viewer))  # The fan hides one of its tropes: their own pick.
    published = cards.for_viewer(viewer)
    lists = {
        "controversial": list(published.most_controversial()[:3]),  # "Fans can't agree": a claim, so enough votes
        "featured": list(published.filter(is_featured=True).latest_published()[:3]),
        "latest": list(published.latest_published()[:6]),
        "favourites": list(published.fans_favourites()[:6]),
    }
    shown = [scene for scenes in lists.values() for scene in scenes] + ([daily] if daily else [])
    prefetch_related_objects(shown, *card_prefetches())
    return {
        "daily": daily,
        **lists,
        "dramas": list(dramas_with_most_back_hugs()),
        "groups": list(
            TropeGroup.objects.prefetch_related(Prefetch("tropes", queryset=Trope.objects.order_by("position")))
        ),
        "totals": {"scenes": Scene.objects.published().count(), "dramas": Drama.objects.count()},
    }


def published_scene_page(pk: int, viewer) -> dict | None:
    """A published scene's page as every reader sees it, or None (not published, merged away, or no such scene)."""
    return kept(
        "scene-page",
        key=(pk, hidden_key(viewer)),
        depends_on=(SCENE_PAGE.format(pk=pk),),
        fresh_for=SCENE_SECONDS,
        compute=lambda: _published_scene_page(pk, viewer),
    )


def _published_scene_page(pk: int, viewer) -> dict | None:
    scene = (
        Scene.objects.published()
        .filter(pk=pk, merged_into=None)
        .for_cards()
        .with_actors()
        .select_related("duel_rating")
        .with_sources()
    ).first()
    if scene is None:
        return None
    return {**shared_scene_parts(scene), "more_from_drama": list(more_from_drama(scene, viewer))}


def more_from_drama(scene, viewer):
    more = Scene.objects.published().for_cards().filter(drama=scene.drama).exclude(pk=scene.pk).in_story_order()
    return more.for_viewer(viewer)[:4]


def drama_page(drama: Drama, viewer) -> dict:
    return kept(
        "drama-page",
        key=(drama.pk, hidden_key(viewer)),
        depends_on=(DRAMA_PAGE.format(slug=drama.slug),),
        compute=lambda: _drama_page(drama, viewer),
    )


def _drama_page(drama: Drama, viewer) -> dict:
    scenes = Scene.objects.published().filter(drama=drama)
    visible = scenes.for_viewer(viewer)
    profile = drama_profile(drama, scenes, visible=visible)
    return {
        "characters": list(drama.characters.public().select_related("actor").order_by("role", "name")),
        "scenes": list(visible.for_cards().in_story_order()),
        "profile": profile,
        "stats": profile.classification_totals(),
        "thread": thread_of(drama),
    }


def trope_guide_page(viewer) -> list:
    """The trope guide's groups as every reader who hides the same tropes sees them (its best scenes are the
    costly part: a walk down the awesome index per trope)."""
    return kept("trope-guide", key=hidden_key(viewer), compute=lambda: trope_guide(viewer))


def actor_page(slug: str, viewer) -> dict | None:
    """A public actor's page as every reader who hides the same tropes sees it, or None (no such actor)."""
    return kept("actor-page", key=(slug, hidden_key(viewer)), compute=lambda: _actor_page(slug, viewer))


def _actor_page(slug: str, viewer) -> dict | None:
    actor = Actor.objects.public().filter(slug=slug).first()
    if actor is None:
        return None
    published = Scene.objects.published().for_cards().in_story_order().for_viewer(viewer)
    return {
        "actor": actor,
        "roles": list(actor.roles.public().select_related("drama").order_by("-drama__year")),
        "by_drama": actor_back_hugs_by_drama(actor, Scene.objects.published()),
        "given": list(published.filter(hugger__actor=actor)),
        "received": list(published.filter(hugged__actor=actor)),
    }
