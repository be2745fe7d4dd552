"""A fan's notifications, and how they want each kind delivered."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community.models import Comment
from scenes.models import Drama, Scene


class Kind(models.TextChoices):
    REPLY = "reply", _("Replies to your comments")
    PUBLISHED = "published", _("Your submissions published")
    REJECTED = "rejected", _("Your submissions not accepted")
    FOLLOWED_DRAMA = "followed_drama", _("New back hugs in dramas you follow")


class Delivery(models.TextChoices):
    OFF = "off", _("Off")
    SITE = "site", _("On the site")
    EMAIL = "email", _("On the site and by e-mail")


class Notification(models.Model):
    """One thing that happened for ``recipient``; what it is about is kept as rows, so it reads in any language."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    scene = models.ForeignKey(
        Scene, verbose_name=_("scene"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    drama = models.ForeignKey(
        Drama, verbose_name=_("drama"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reason = models.CharField(
        _("reason"), max_length=500, blank=True, help_text=_("A moderator's reason, as given at the time.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["reply", "published", "rejected", "followed_drama"]),
                name="notification_kind_known",
            ),
            # A scene taken down and published again does not tell its followers twice.
            models.UniqueConstraint(
                fields=["recipient", "kind", "scene"],
                condition=Q(kind__in=["published", "followed_drama"]),
                name="notification_once_per_scene",
            ),
            models.UniqueConstraint(
                fields=["recipient", "comment"], condition=Q(kind="reply"), name="notification_once_per_reply"
            ),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_inbox"),
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"),
        ]

    def __str__(self):
        return gettext("%(kind)s for %(fan)s") % {"kind": self.get_kind_display(), "fan": self.recipient}

    def get_absolute_url(self) -> str:
        # The comment's thread is its scene's or drama's, both known here: no query for the comment's own.
        page = self.scene.get_absolute_url() if self.scene_id else self.drama.get_absolute_url()
        return f"{page}#comment-{self.comment_id}" if self.comment_id else page


class NotificationSetting(models.Model):
    """How a fan wants one kind delivered; without a row, a kind shows on the site only."""

    fan = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fan"), on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices, default=Delivery.SITE)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["fan", "kind"], name="one_notification_setting_per_kind"),
            models.CheckConstraint(
                condition=Q(delivery__in=["off", "site", "email"]), name="notification_delivery_known"
            ),
        ]

    def __str__(self):
        return f"{self.fan}: {self.get_kind_display()} {self.get_delivery_display()}"
