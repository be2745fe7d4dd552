"""
Follows: a fan follows dramas, actors and other fans, to hear of new back hugs in those dramas (a notification)
and to read what they all did in /me/feed/. Reads and writes of the follow rows; the feed is in community.feed.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from scenes.models import Actor, Drama
from scenes.naming import first_name

from .models import Follow
from .services import ActionRefused, ensure_can_act

User = get_user_model()

KINDS = {"drama": Drama, "actor": Actor, "fan": User}


def target_field(target) -> str:
    """The Follow column that points at ``target``."""
    if isinstance(target, Drama):
        return "drama"
    if isinstance(target, Actor):
        return "actor"
    if isinstance(target, User):
        return "followed_fan"
    raise TypeError(f"A fan follows dramas, actors and fans, not {type(target).__name__}.")


# One sentence per kind, so that each language words it whole (a kind's name alone does not make a sentence).
UNKNOWN_TARGET = {
    "drama": gettext_lazy("There is no drama called “%(name)s”."),
    "actor": gettext_lazy("There is no actor called “%(name)s”."),
    "fan": gettext_lazy("There is no fan called “%(name)s”."),
}


def unknown(kind: str, name: str) -> str:
    """The message for a follow of a drama, actor or fan (``kind``) the catalogue does not have."""
    return UNKNOWN_TARGET[kind] % {"name": name}


def label(target) -> str:
    """What a follow button and its message call ``target``: a drama's or actor's name in the reader's order (the
    Hangul first for a Korean reader), a fan's username."""
    return first_name(target) if isinstance(target, Drama | Actor) else target.get_username()


def set_following(*, fan, target, following: bool) -> bool:
    """Follow ``target`` (a drama, an actor or a fan) or stop; safe to repeat. Returns whether ``fan`` follows it."""
    ensure_can_act(fan)
    field = target_field(target)
    if field == "followed_fan" and target.pk == fan.pk:
        raise ActionRefused(_("You can't follow yourself."))
    if not following:
        Follow.objects.filter(fan=fan, **{field: target}).delete()
        return False
    try:
        with transaction.atomic():  # a savepoint: two clicks at once meet the unique constraint, not an error page
            Follow.objects.get_or_create(fan=fan, **{field: target})
    except IntegrityError:
        pass
    return True


def is_following(fan, target) -> bool:
    if not getattr(fan, "is_authenticated", False):
        return False
    return Follow.objects.filter(fan=fan, **{target_field(target): target}).exists()


def followed(fan) -> dict[str, list]:
    """What ``fan`` follows, by kind, for their feed page (three small queries)."""
    follows = Follow.objects.filter(fan=fan)
    return {
        "dramas": [
            f.drama for f in follows.filter(drama__isnull=False).select_related("drama").order_by("drama__title")
        ],
        "actors": [
            f.actor for f in follows.filter(actor__isnull=False).select_related("actor").order_by("actor__name")
        ],
        "fans": [
            f.followed_fan
            for f in follows.filter(followed_fan__isnull=False)
            .select_related("followed_fan")
            .order_by("followed_fan__username")
        ],
    }
