"""
Writes: notifications are made where the events happen (community.services for replies and hidden comments,
scenes.moderation for publications and rejections) through these keyword-only functions.

Each checks the recipients' settings and bans in one query, writes the notifications in one statement (a
second notice of the same event is ignored by the table's constraints), forgets the recipients' kept unread
counts, and hands e-mail to ``mail.schedule_emails`` once the transaction commits.
"""

from collections.abc import Iterable

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from community.models import Comment, FanProfile, Follow
from scenes.models import Scene

from . import mail
from .models import Delivery, Kind, Notification, NotificationSetting

UNREAD_KEY = "notifications:unread:{}"


def unread_key(fan_id: int) -> str:
    return UNREAD_KEY.format(fan_id)


def forget_unread_counts(fan_ids: Iterable[int]) -> None:
    cache.delete_many([unread_key(fan_id) for fan_id in set(fan_ids)])


def deliveries(*, fan_ids: Iterable[int], kind: str) -> dict[int, str]:
    """How each of ``fan_ids`` wants ``kind`` delivered, leaving out banned fans and those who turned it off."""
    fan_ids = set(fan_ids)
    if not fan_ids:
        return {}
    chosen = dict(NotificationSetting.objects.filter(fan__in=fan_ids, kind=kind).values_list("fan_id", "delivery"))
    banned = set(FanProfile.objects.filter(user__in=fan_ids, is_banned=True).values_list("user_id", flat=True))
    found = {fan_id: chosen.get(fan_id, Delivery.SITE) for fan_id in fan_ids - banned}
    return {fan_id: delivery for fan_id, delivery in found.items() if delivery != Delivery.OFF}


def _notify(kind: str, notifications: list[Notification]) -> int:
    """Store the notifications whose recipients want them; e-mail those who asked for it. Returns how many."""
    wanted = deliveries(fan_ids=[n.recipient_id for n in notifications], kind=kind)
    notifications = [n for n in notifications if n.recipient_id in wanted]
    if not notifications:
        return 0
    on_site = [n for n in notifications if wanted[n.recipient_id] != Delivery.EMAIL]
    Notification.objects.bulk_create(on_site, ignore_conflicts=True, batch_size=500)
    emailed = []
    for notification in notifications:
        if wanted[notification.recipient_id] != Delivery.EMAIL:
            continue
        # One by one (those who asked for e-mail are few): the mail needs the row's key, and news already
        # told (the same reply, the same scene) must not be mailed twice.
        fields = {"recipient_id": notification.recipient_id, "kind": kind, "comment_id": notification.comment_id}
        if kind != Kind.REJECTED:
            fields["scene_id"] = notification.scene_id
        if kind == Kind.REJECTED or not Notification.objects.filter(**fields).exists():
            notification.save()
            emailed.append(notification.pk)
    forget_unread_counts(n.recipient_id for n in notifications)
    mail.schedule_emails(emailed)
    return len(notifications)


def notify_reply(*, reply: Comment) -> int:
    """The author of the comment ``reply`` answers hears of it, unless they wrote the reply themselves."""
    if reply.parent_id is None or not reply.is_visible:
        return 0
    parent_author = Comment.objects.filter(pk=reply.parent_id).values_list("author_id", flat=True).first()
    if parent_author is None or parent_author == reply.author_id:
        return 0
    notification = Notification(
        recipient_id=parent_author, kind=Kind.REPLY, comment=reply, scene_id=reply.scene_id, drama_id=reply.drama_id
    )
    return _notify(Kind.REPLY, [notification])


def notify_submissions_published(*, scene_ids: Iterable[int]) -> int:
    """Tell the submitters that their scenes are published, and the dramas' followers that there is a new one.

    Followers hear of a scene once, at its first publication: taken down and put back, it is not news again.
    """
    scenes = list(
        Scene.objects.filter(pk__in=list(scene_ids), status=Scene.Status.PUBLISHED).values_list(
            "pk", "drama_id", "submitted_by_id"
        )
    )
    submitted = [
        Notification(recipient_id=fan, kind=Kind.PUBLISHED, scene_id=pk, drama_id=drama)
        for pk, drama, fan in scenes
        if fan is not None
    ]
    sent = _notify(Kind.PUBLISHED, submitted)
    followers = Follow.objects.filter(drama__in={drama for _, drama, _ in scenes}).values_list("drama_id", "fan_id")
    by_drama: dict[int, list[int]] = {}
    for drama, fan in followers:
        by_drama.setdefault(drama, []).append(fan)
    news = [
        Notification(recipient_id=fan, kind=Kind.FOLLOWED_DRAMA, scene_id=pk, drama_id=drama)
        for pk, drama, submitter in scenes
        for fan in by_drama.get(drama, [])
        if fan != submitter  # the submitter hears "published" instead
    ]
    return sent + _notify(Kind.FOLLOWED_DRAMA, news)


def notify_submissions_rejected(*, scene_ids: Iterable[int], reason: str) -> int:
    """Tell the submitters that their scenes were not accepted, with the moderator's reason."""
    scenes = Scene.objects.filter(pk__in=list(scene_ids), submitted_by__isnull=False).values_list(
        "pk", "drama_id", "submitted_by_id"
    )
    rejected = [
        Notification(recipient_id=fan, kind=Kind.REJECTED, scene_id=pk, drama_id=drama, reason=reason[:500])
        for pk, drama, fan in scenes
    ]
    return _notify(Kind.REJECTED, rejected)


def forget_comments(*, comment_ids: Iterable[int]) -> None:
    """A hidden comment is no news: notifications about it go (and with them any e-mail not yet sent)."""
    about = Notification.objects.filter(comment__in=list(comment_ids))
    recipients = list(about.values_list("recipient_id", flat=True))
    about.delete()
    forget_unread_counts(recipients)


def set_delivery(*, fan, kind: str, delivery: str) -> None:
    """How ``fan`` wants notifications of ``kind``: off, on the site, or on the site and by e-mail."""
    if kind not in Kind.values or delivery not in Delivery.values:
        raise ValueError(f"Unknown notification kind or delivery: {kind!r}, {delivery!r}.")
    NotificationSetting.objects.update_or_create(fan=fan, kind=kind, defaults={"delivery": delivery})


def mark_read(*, fan) -> int:
    """Everything the fan has been told is read now."""
    changed = Notification.objects.filter(recipient=fan, read_at__isnull=True).update(read_at=timezone.now())
    forget_unread_counts([fan.pk])
    return changed


def clear_read(*, fan) -> int:
    """Delete the notifications the fan has read."""
    deleted, _ = Notification.objects.filter(recipient=fan, read_at__isnull=False).delete()
    return deleted


def visible_to_recipient() -> Q:
    """Notifications whose comment (if any) readers can still see."""
    return Q(comment__isnull=True) | Q(comment__is_hidden=False, comment__is_deleted=False)
