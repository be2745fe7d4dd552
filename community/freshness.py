"""
The community's changes that moderators make outside the services (the admin's forms and delete buttons), told to
the edge like the services' own (scenes.freshness says which pages depend on what).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from edge.freshness import changed, site_changed
from scenes.freshness import drama_changed, fan_changed, scene_changed

from .models import Comment, FanProfile

# A fan's own verdicts on the cards of a page (selectors.own_verdicts) are kept under this tag: their vote moves it.
FAN_VOTES = "fan-votes:{pk}"


def fan_votes_changed(fan_id: int) -> None:
    changed(FAN_VOTES.format(pk=fan_id))


def comment_changed(comment: Comment) -> None:
    """A comment posted, edited or deleted by its author: its thread's page and the author's profile."""
    if comment.scene_id:
        scene_changed(comment.scene_id)
    elif comment.drama_id:
        drama_changed(comment.drama.slug)
    fan_changed(comment.author.username)


@receiver(post_delete, sender=Comment, dispatch_uid="pages-comment-deleted")
@receiver(post_save, sender=FanProfile, dispatch_uid="pages-fan-profile-saved")
def removed_by_a_moderator(sender, instance, raw=False, **kwargs):
    """A comment deleted or a ban set or lifted in the admin: off every page at once."""
    if not raw:
        site_changed()
