"""What moderators decide on: submissions' pending edits, proposed dramas, and the log of every decision."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .scenes import Scene


class PendingSceneManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(status=Scene.Status.PENDING, merged_into__isnull=True)


class PendingScene(Scene):
    """The moderators' queue in admin: submissions waiting for a decision."""

    objects = PendingSceneManager()

    class Meta:
        proxy = True
        verbose_name = _("pending submission")
        verbose_name_plural = _("pending submissions (the queue)")


class ModerationLog(models.Model):
    """One moderation decision, kept for accountability; the public log shows it without who exactly."""

    class Action(models.TextChoices):
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        REJECTED = "rejected", _("Rejected")
        MERGED = "merged", _("Merged into another scene")
        EDIT_ACCEPTED = "edit_accepted", _("Accepted an edit")
        EDIT_REJECTED = "edit_rejected", _("Declined an edit")
        HIDDEN = "hidden", _("Hid a comment")
        UNHIDDEN = "unhidden", _("Unhid a comment")
        BANNED = "banned", _("Banned a fan")
        DRAMA_ADDED = "drama_added", _("Added a proposed drama")
        DRAMA_DECLINED = "drama_declined", _("Declined a proposed drama")

    action = models.CharField(_("action"), max_length=20, choices=Action.choices, db_index=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_actions",
    )
    scene = models.ForeignKey(
        "scenes.Scene", verbose_name=_("scene"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=300, help_text=_("What was acted on, as readers know it."))
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self):
        return f"{self.get_action_display()}: {self.subject}"

    @property
    def moderator_role(self) -> str:
        """The public log names the role, never the person or their e-mail."""
        if self.moderator is None:
            return gettext("A moderator")
        return gettext("An administrator") if self.moderator.is_superuser else gettext("A moderator")


class SceneEdit(models.Model):
    """A submitter's change to a published scene, waiting for a moderator; the published version stays."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    scene = models.ForeignKey("scenes.Scene", verbose_name=_("scene"), on_delete=models.CASCADE, related_name="edits")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("editor"), on_delete=models.CASCADE, related_name="scene_edits"
    )
    changes = models.JSONField(_("changes"), help_text=_("The proposed values of the edited fields, by field name."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("scene edit")
        verbose_name_plural = _("scene edits")
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("Edit of scene %(scene)s by %(editor)s") % {"scene": self.scene_id, "editor": self.editor}


class DramaProposal(models.Model):
    """A fan asks for a drama the catalogue lacks; a moderator adds it (or declines)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ADDED = "added", _("Added")
        DECLINED = "declined", _("Declined")

    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposer"), on_delete=models.CASCADE, related_name="drama_proposals"
    )
    title = models.CharField(_("title"), max_length=200)
    hangul_title = models.CharField(_("hangul title"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    network = models.CharField(_("network"), max_length=60)
    episodes = models.PositiveSmallIntegerField(_("episodes"))
    note = models.CharField(
        _("note"), max_length=500, blank=True, help_text=_("Anything that helps moderators check it.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    drama = models.ForeignKey(
        "scenes.Drama", verbose_name=_("drama"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("drama proposal")
        verbose_name_plural = _("drama proposals")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def get_absolute_url(self):
        return reverse("scenes:submit")
