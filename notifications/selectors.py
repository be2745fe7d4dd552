"""Reads: the unread count every signed-in page's header shows, and the notifications page's rows."""

from django.core.cache import cache

from .models import Delivery, Kind, Notification, NotificationSetting
from .services import unread_key, visible_to_recipient

# The count is dropped whenever it changes (services.forget_unread_counts); the timeout only bounds the
# memory of fans who never come back.
UNREAD_TIMEOUT = 60 * 60


def unread_count(fan) -> int:
    """How many notifications ``fan`` has not read: from the cache, else one indexed count."""
    if not getattr(fan, "is_authenticated", False):
        return 0
    key = unread_key(fan.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(visible_to_recipient(), recipient=fan, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_TIMEOUT)
    return count


def inbox(fan):
    """The fan's notifications, newest first, with what each row shows, in a fixed number of queries."""
    return (
        Notification.objects.filter(visible_to_recipient(), recipient=fan)
        .select_related("scene__drama", "scene__hugger", "scene__hugged", "drama", "comment__author")
        .order_by("-created_at", "-id")
    )


def delivery_choices(fan) -> dict[str, str]:
    """Each kind's delivery for ``fan``, the default (on the site) where they chose nothing."""
    chosen = dict(NotificationSetting.objects.filter(fan=fan).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, Delivery.SITE) for kind in Kind.values}
