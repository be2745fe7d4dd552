"""
The moderation log's entries and what every decision shares: a scene's one-line description, and the fans'
new characters that a publication confirms. The lowest room of moderation: the community services record
their decisions (hidden comments, bans) here too.
"""

from django.contrib.auth.models import AbstractBaseUser

from edge.freshness import site_changed
from scenes.models import Actor, Character, ModerationLog, Scene


def describe(scene: Scene) -> str:
    # Written into the log as plain text, in the site's language at the time (like every other log subject).
    return f"{scene.drama.title}, {scene.moment}: {scene.hugger.name} → {scene.hugged.name}"


def record(
    *, action: str, moderator: AbstractBaseUser | None, subject: str, scene: Scene | None = None, reason: str = ""
) -> ModerationLog:
    """Log a moderator's decision. Every decision may take something off pages (a comment, a scene, a fan's
    say), so every kept page is out of date from here on (edge.freshness)."""
    site_changed()
    return ModerationLog.objects.create(
        action=action, moderator=moderator, scene=scene, subject=subject[:300], reason=reason[:500]
    )


def confirm_characters(scenes) -> None:
    """
    Characters (and their actors) a fan added with a submission become public once the scene is published.
    Saved one by one rather than updated in bulk: a confirmed actor joins the search suggestions (a signal).
    """
    people = Character.objects.filter(pk__in=[s.hugger_id for s in scenes] + [s.hugged_id for s in scenes])
    actor_ids = {actor_id for actor_id in people.values_list("actor_id", flat=True) if actor_id}
    people.filter(is_confirmed=False).update(is_confirmed=True)
    for actor in Actor.objects.filter(is_confirmed=False, pk__in=actor_ids):
        actor.is_confirmed = True
        actor.save(update_fields=["is_confirmed"])
