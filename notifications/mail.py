"""
Notifications by e-mail, for fans who chose "on the site and by e-mail" for a kind.

``send_notification_email(notification_id)`` takes a key, not a row, and checks everything again when it runs,
so it can run later in a worker (a task queue) as well as right after the request: a notification read,
cleared or about a comment hidden meanwhile, a fan banned or who changed their mind, gets no mail.
``schedule_emails`` is the one place that decides when: for now, once the transaction commits.
"""

from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from community.models import FanProfile

from .models import Delivery, Notification, NotificationSetting


def schedule_emails(notification_ids: list[int]) -> None:
    for notification_id in notification_ids:
        transaction.on_commit(partial(send_notification_email, notification_id))


def send_notification_email(notification_id: int) -> bool:
    """Send one notification's e-mail if it is still news for a fan who wants it; whether one was sent."""
    notification = (
        Notification.objects.select_related(
            "recipient", "scene__drama", "scene__hugger", "scene__hugged", "drama", "comment__author"
        )
        .filter(pk=notification_id, read_at__isnull=True)
        .first()
    )
    if notification is None or not notification.recipient.email or not notification.recipient.is_active:
        return False
    fan = notification.recipient
    if notification.comment_id and not notification.comment.is_visible:
        return False
    profile = FanProfile.objects.filter(user=fan).values("is_banned", "language").first() or {}
    if profile.get("is_banned"):
        return False
    if not NotificationSetting.objects.filter(fan=fan, kind=notification.kind, delivery=Delivery.EMAIL).exists():
        return False
    # In the fan's language (their setting, else the site's), with links to the pages in that language.
    with translation.override(profile.get("language") or settings.LANGUAGE_CODE):
        site = settings.SITE_URL.rstrip("/")
        context = {
            "notification": notification,
            "fan": fan,
            "link": site + notification.get_absolute_url(),
            "settings_link": site + reverse("community:preferences") + "#notifications",
        }
        subject = " ".join(render_to_string("notifications/email/subject.txt", context).split())
        body = render_to_string("notifications/email/body.txt", context)
    send_mail(subject, body, None, [fan.email])
    return True
