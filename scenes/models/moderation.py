"""What moderators decide on: submissions' pending edits, proposed dramas, and the log of every decision."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from .scenes import Scene


class PendingSceneManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(status=Scene.Status.PENDING, merged_into__isnull=True)


class PendingScene(Scene):
    """The moderators' queue in admin: submissions waiting for a decision."""

    objects = PendingSceneManager()

    class Meta:
        proxy = True
        verbose_name = "pending submission"
        verbose_name_plural = "pending submissions (the queue)"


class ModerationLog(models.Model):
    """One moderation decision, kept for accountability; the public log shows it without who exactly."""

    class Action(models.TextChoices):
        PUBLISHED = "published", "Published"
        UNPUBLISHED = "unpublished", "Unpublished"
        REJECTED = "rejected", "Rejected"
        MERGED = "merged", "Merged into another scene"
        EDIT_ACCEPTED = "edit_accepted", "Accepted an edit"
        EDIT_REJECTED = "edit_rejected", "Declined an edit"
        HIDDEN = "hidden", "Hid a comment"
        UNHIDDEN = "unhidden", "Unhid a comment"
        BANNED = "banned", "Banned a fan"
        DRAMA_ADDED = "drama_added", "Added a proposed drama"
        DRAMA_DECLINED = "drama_declined", "Declined a proposed drama"

    action = models.CharField(max_length=20, choices=Action.choices, db_index=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="moderation_actions"
    )
    scene = models.ForeignKey("scenes.Scene", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    subject = models.CharField(max_length=300, help_text="What was acted on, as readers know it.")
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "moderation log entry"
        verbose_name_plural = "moderation log"

    def __str__(self):
        return f"{self.get_action_display()}: {self.subject}"

    @property
    def moderator_role(self) -> str:
        """The public log names the role, never the person or their e-mail."""
        if self.moderator is None:
            return "A moderator"
        return "An administrator" if self.moderator.is_superuser else "A moderator"


class SceneEdit(models.Model):
    """A submitter's change to a published scene, waiting for a moderator; the published version stays."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    scene = models.ForeignKey("scenes.Scene", on_delete=models.CASCADE, related_name="edits")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scene_edits")
    changes = models.JSONField(help_text="The proposed values of the edited fields, by field name.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Edit of scene {self.scene_id} by {self.editor}"


class DramaProposal(models.Model):
    """A fan asks for a drama the catalogue lacks; a moderator adds it (or declines)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ADDED = "added", "Added"
        DECLINED = "declined", "Declined"

    proposer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drama_proposals")
    title = models.CharField(max_length=200)
    hangul_title = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField()
    network = models.CharField(max_length=60)
    episodes = models.PositiveSmallIntegerField()
    note = models.CharField(max_length=500, blank=True, help_text="Anything that helps moderators check it.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    drama = models.ForeignKey("scenes.Drama", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def get_absolute_url(self):
        return reverse("scenes:submit")
