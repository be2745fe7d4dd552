"""
The actor index (/actors/): every public actor in at least one published back hug, with how many they give and
receive and the dramas they do it in; by name or by the most back hugs, searchable by name as the site's search
reads names (romanised any way, or in Hangul).
"""

from django.db.models import Exists, F, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from scenes.models import Actor, Character, Scene
from scenes.search.suggestions import actors_named

# The orders a reader can pick: (label, ORDER BY). Name last in each, then pk, so a page boundary never moves.
SORTS = {
    "name": (pgettext_lazy("actor order", "Name"), ("name", "pk")),
    "given": (pgettext_lazy("actor order", "Most back hugs given"), ("-hugs_given", "-hugs_received", "name", "pk")),
    "received": (
        pgettext_lazy("actor order", "Most back hugs received"),
        ("-hugs_received", "-hugs_given", "name", "pk"),
    ),
}
NO_SUCH_SORT = _("Sort by name, given or received.")


def roles_in_back_hugs():
    """An actor's public characters that give or receive a published back hug, with their drama, newest first."""
    published = Scene.objects.published()
    return (
        Character.objects.public()
        .filter(Exists(published.filter(hugger=OuterRef("pk"))) | Exists(published.filter(hugged=OuterRef("pk"))))
        .select_related("drama")
        .order_by(F("drama__year").desc(), "drama__title", "name")
    )


def whose_name_matches(actors, text: str):
    """The ``actors`` whose name matches ``text`` as the site's search reads names (none when it has no words)."""
    ids = actors_named(text)
    return actors.filter(pk__in=ids) if ids is not None else actors.none()


def actor_index(*, text: str = "", sort: str = "name"):
    """
    The actors the index lists, each with ``hugs_given``, ``hugs_received`` and ``back_hug_roles`` (their
    characters in published back hugs, with the drama): three queries for a page (count, rows, roles)
    whatever the number of actors. ``text`` keeps only the actors whose name matches it.
    """
    actors = Actor.objects.public().in_published_scenes().with_back_hug_counts()
    if text:
        actors = whose_name_matches(actors, text)
    return actors.order_by(*SORTS[sort][1]).prefetch_related(
        Prefetch("roles", queryset=roles_in_back_hugs(), to_attr="back_hug_roles")
    )


def with_dramas(actors) -> list:
    """``actors`` (from actor_index) each with ``back_hug_dramas``: their roles' dramas, each once, newest first."""
    actors = list(actors)
    for actor in actors:
        dramas = {}
        for role in actor.back_hug_roles:
            dramas.setdefault(role.drama_id, role.drama)
        actor.back_hug_dramas = list(dramas.values())
    return actors
