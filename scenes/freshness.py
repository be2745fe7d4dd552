"""
What each write changes for readers' kept pages (edge.freshness): the tags pages depend on, and the catalogue's
signals that move them.

- A scene's own page (and its API answers) depends on ``scene:<id>``: a vote, a favourite, a trope vote, a
  comment, an edit, a new screenshot or source shows there at once.
- A drama's page depends on ``drama:<slug>`` (its comments); a fan's profile on ``fan:<username>`` (their
  comments and favourites).
- The site's generation moves for what must leave or change every page at once: a moderator's decision
  (scenes.moderation.log.record: publishing, rejecting, merging, hiding a comment, a ban), a scene no longer
  published, and an edit of the catalogue that shows everywhere (a drama, actor, character or trope saved).
- Everything else a page shows of other things (the tallies on cards, counts on lists) is at most
  edge.freshness.LIST_SECONDS old, because no page that shows them is kept longer.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from edge.freshness import changed, site_changed
from scenes.models import (
    Actor,
    Character,
    Drama,
    Scene,
    SceneImage,
    SceneSource,
    SceneTrope,
    StreamingLink,
    Trope,
    TropeAlias,
    TropeGroup,
)
from scenes.stats.numbers import forget_site_stats

SCENE_PAGE = "scene:{pk}"
DRAMA_PAGE = "drama:{slug}"
FAN_PAGE = "fan:{username}"


def scene_changed(scene_id: int) -> None:
    changed(SCENE_PAGE.format(pk=scene_id))


def drama_changed(slug: str) -> None:
    changed(DRAMA_PAGE.format(slug=slug))


def fan_changed(username: str) -> None:
    changed(FAN_PAGE.format(username=username))


@receiver(post_save, sender=Scene, dispatch_uid="pages-scene-saved")
def scene_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    scene_changed(instance.pk)
    if not created and instance.status != Scene.Status.PUBLISHED:
        site_changed()  # It may have been public a moment ago: gone from every list at once.
    elif not created and instance.spoiler_mark_changed:
        # Marked (or unmarked) as a spoiler: every list and chart naming it says so at once, the stats recounted.
        site_changed()
        forget_site_stats()
    instance._stored_is_spoiler = instance.is_spoiler


@receiver(post_delete, sender=Scene, dispatch_uid="pages-scene-deleted")
def scene_deleted(sender, instance, **kwargs):
    site_changed()


@receiver(post_save, sender=SceneImage, dispatch_uid="pages-image-saved")
@receiver(post_delete, sender=SceneImage, dispatch_uid="pages-image-deleted")
@receiver(post_save, sender=SceneTrope, dispatch_uid="pages-scene-trope-saved")
@receiver(post_delete, sender=SceneTrope, dispatch_uid="pages-scene-trope-deleted")
@receiver(post_save, sender=SceneSource, dispatch_uid="pages-scene-source-saved")
@receiver(post_delete, sender=SceneSource, dispatch_uid="pages-scene-source-deleted")
def part_of_scene_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        scene_changed(instance.scene_id)


@receiver(m2m_changed, sender=Scene.tropes.through, dispatch_uid="pages-scene-tropes-changed")
def scene_tropes_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # trope.scenes.add(...): every scene named changed.
        for pk in pk_set or ():
            scene_changed(pk)
    else:
        scene_changed(instance.pk)


@receiver(post_save, sender=Drama, dispatch_uid="pages-drama-saved")
@receiver(post_delete, sender=Drama, dispatch_uid="pages-drama-deleted")
@receiver(post_save, sender=Actor, dispatch_uid="pages-actor-saved")
@receiver(post_delete, sender=Actor, dispatch_uid="pages-actor-deleted")
@receiver(post_save, sender=Character, dispatch_uid="pages-character-saved")
@receiver(post_delete, sender=Character, dispatch_uid="pages-character-deleted")
@receiver(post_save, sender=Trope, dispatch_uid="pages-trope-saved")
@receiver(post_delete, sender=Trope, dispatch_uid="pages-trope-deleted")
@receiver(post_save, sender=TropeGroup, dispatch_uid="pages-trope-group-saved")
@receiver(post_save, sender=TropeAlias, dispatch_uid="pages-trope-alias-saved")
@receiver(post_delete, sender=TropeAlias, dispatch_uid="pages-trope-alias-deleted")
@receiver(post_save, sender=StreamingLink, dispatch_uid="pages-streaming-link-saved")
@receiver(post_delete, sender=StreamingLink, dispatch_uid="pages-streaming-link-deleted")
def catalogue_changed(sender, instance, raw=False, **kwargs):
    """A title, a name, a cast, a trope or where to watch shows on many pages: all of them anew."""
    if not raw:
        site_changed()
