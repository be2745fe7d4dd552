"""
Writes: the catalogue's moderation rules as plain functions, called by admin actions, pages and the API alike.

Every function takes the scenes to act on (a queryset or any iterable of scenes), the moderator acting, and
returns how many scenes it changed; scenes that already are in the requested state are left untouched and
not counted. Each change is recorded in the scene's admin history under the moderator's name.

Two rules hold across all of them:
- a scene keeps the date it was first published, so taking it down and putting it back does not move it up
  the "new" list or the feed again;
- a moderators' pick (``is_featured``) is always a published scene: only published scenes can be featured,
  and unpublishing or rejecting a scene also unfeatures it.
"""

from collections.abc import Iterable

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from edge.freshness import site_changed
from notifications import services as notifications
from scenes.models import ModerationLog, Scene

from .log import confirm_characters, describe, record


def publish_scenes(*, scenes: Iterable[Scene], moderator: AbstractBaseUser) -> int:
    """Publish the scenes that are pending or rejected; a scene published before keeps its first date."""
    now = timezone.now()
    return _moderate(
        scenes=scenes,
        moderator=moderator,
        needs_change=~Q(status=Scene.Status.PUBLISHED) & Q(merged_into__isnull=True),
        changes={
            "status": Scene.Status.PUBLISHED,
            "published_at": Coalesce(F("published_at"), Value(now)),
            "rejection_reason": "",
        },
        history="Published.",
        log_action=ModerationLog.Action.PUBLISHED,
    )


def unpublish_scenes(*, scenes: Iterable[Scene], moderator: AbstractBaseUser) -> int:
    """Take published scenes down, back to pending; they keep their publication date for a later re-publish."""
    return _moderate(
        scenes=scenes,
        moderator=moderator,
        needs_change=Q(status=Scene.Status.PUBLISHED),
        changes={"status": Scene.Status.PENDING, "is_featured": False},
        history="Unpublished (back to pending).",
        log_action=ModerationLog.Action.UNPUBLISHED,
    )


def reject_scenes(*, scenes: Iterable[Scene], moderator: AbstractBaseUser, reason: str = "") -> int:
    """Reject scenes (published or pending): readers no longer see them, the submitter still does, with why."""
    return _moderate(
        scenes=scenes,
        moderator=moderator,
        needs_change=~Q(status=Scene.Status.REJECTED),
        changes={"status": Scene.Status.REJECTED, "is_featured": False, "rejection_reason": reason[:500]},
        history=f"Rejected: {reason}" if reason else "Rejected.",
        log_action=ModerationLog.Action.REJECTED,
        reason=reason,
    )


def feature_scenes(*, scenes: Iterable[Scene], moderator: AbstractBaseUser) -> int:
    """Make published scenes moderators' picks on the front page; scenes not published are skipped."""
    return _moderate(
        scenes=scenes,
        moderator=moderator,
        needs_change=Q(status=Scene.Status.PUBLISHED, is_featured=False),
        changes={"is_featured": True},
        history="Featured on the front page.",
    )


def unfeature_scenes(*, scenes: Iterable[Scene], moderator: AbstractBaseUser) -> int:
    """Remove scenes from the front page's moderators' picks."""
    return _moderate(
        scenes=scenes,
        moderator=moderator,
        needs_change=Q(is_featured=True),
        changes={"is_featured": False},
        history="No longer featured.",
    )


def _moderate(
    *,
    scenes: Iterable[Scene],
    moderator: AbstractBaseUser,
    needs_change: Q,
    changes: dict,
    history: str,
    log_action: str | None = None,
    reason: str = "",
) -> int:
    """Apply ``changes`` to those of ``scenes`` matching ``needs_change``, atomically; return how many."""
    if not moderator.has_perm("scenes.change_scene"):
        raise PermissionDenied(_("Only moderators can change a scene's status."))
    with transaction.atomic():
        # Lock the rows first (PostgreSQL; SQLite serialises writers anyway) so the scenes counted and
        # recorded in their history are exactly the ones this call changed, even when two moderators
        # act on the same scenes at once.
        changing = list(
            Scene.objects.select_for_update()
            .filter(pk__in=_primary_keys(scenes))
            .filter(needs_change)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not changing:
            return 0
        Scene.objects.filter(pk__in=changing).update(updated_at=timezone.now(), **changes)
        site_changed()  # A publication, a take-down or a pick shows on lists and the front page at once.
        changed = Scene.objects.filter(pk__in=changing).select_related("drama", "hugger", "hugged")
        LogEntry.objects.log_actions(user_id=moderator.pk, queryset=changed, action_flag=CHANGE, change_message=history)
        if log_action == ModerationLog.Action.PUBLISHED:
            confirm_characters(changed)
        if log_action:
            # The public moderation log: one entry per scene, naming the role, never the person.
            for scene in changed:
                record(action=log_action, moderator=moderator, scene=scene, subject=describe(scene), reason=reason)
        # The submitters, and the fans who follow the dramas, hear of it.
        if log_action == ModerationLog.Action.PUBLISHED:
            notifications.notify_submissions_published(scene_ids=changing)
        elif log_action == ModerationLog.Action.REJECTED:
            notifications.notify_submissions_rejected(scene_ids=changing, reason=reason)
    return len(changing)


def _primary_keys(scenes: Iterable[Scene]):
    if isinstance(scenes, models.QuerySet):
        # A subquery: "select all" across every page of the admin changelist never loads the scenes.
        return scenes.order_by().values("pk")
    return [scene.pk for scene in scenes]
