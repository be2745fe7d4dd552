"""
Back-hug scenes: one hug each, the tropes on it (with fans' agreement) and its screenshots.

This module is longer than 400 lines: the Scene model's translated fields, its constraints and indexes (each with
its reason) and the properties that say an unknown episode or time plainly read best in one place. The screenshots
(SceneImage) are the next to move to a module of their own when it grows again.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..timecodes import format_timecode
from .catalogue import Character, Drama
from .querysets import UNDECIDED_TROPE, SceneQuerySet
from .taxonomy import Trope


class Scene(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    drama = models.ForeignKey(Drama, verbose_name=_("drama"), on_delete=models.PROTECT, related_name="scenes")
    # Each of these may be unknown: a documented scene whose sources name no episode, or no time in it.
    episode = models.PositiveSmallIntegerField(
        _("episode"), null=True, blank=True, help_text=_("The episode; empty when no source says which.")
    )
    start_seconds = models.PositiveIntegerField(
        _("start seconds"),
        null=True,
        blank=True,
        help_text=_("When the hug starts, in seconds into the episode; empty when not known."),
    )
    end_seconds = models.PositiveIntegerField(
        _("end seconds"),
        null=True,
        blank=True,
        help_text=_("When the hug ends, in seconds into the episode; empty when not known."),
    )
    hugger = models.ForeignKey(
        Character,
        verbose_name=_("hugger"),
        on_delete=models.PROTECT,
        related_name="hugs_given",
        help_text=_("Who hugs from behind."),
    )
    hugged = models.ForeignKey(
        Character,
        verbose_name=_("hugged"),
        on_delete=models.PROTECT,
        related_name="hugs_received",
        help_text=_("Who is hugged."),
    )
    setting = models.CharField(
        _("setting"), max_length=200, blank=True, help_text=_("Where it happens, e.g. 'rainy bus stop'.")
    )
    description = models.TextField(_("description"), help_text=_("What happens, in a few sentences of our own."))
    line_korean = models.CharField(
        _("Korean line"), max_length=300, blank=True, help_text=_("The line spoken during the hug, in Korean.")
    )
    line_english = models.CharField(
        _("English line"), max_length=300, blank=True, help_text=_("The same line in English.")
    )
    is_illustrative = models.BooleanField(
        _("is illustrative"),
        default=False,
        help_text=_("An invented placeholder scene for the demo, not a documented moment of the drama."),
    )
    is_featured = models.BooleanField(
        _("is featured"), default=False, help_text=_("Shown on the front page as a moderators' pick.")
    )
    # Only what gives a story away is a spoiler, as its submitter or a moderator says: a rule by episode blurred a
    # third of the catalogue, most of it harmless (community/preferences/viewer.py has the whole rule).
    is_spoiler = models.BooleanField(
        _("is a spoiler"),
        default=False,
        db_default=False,  # rows written by SQL (bulk loads) too
        help_text=_(
            "It gives away a turn of the story (a twist, a reveal, an ending): readers who have not watched that far "
            "see it blurred, with a neutral title."
        ),
    )
    tropes = models.ManyToManyField(
        Trope, verbose_name=_("tropes"), through="SceneTrope", related_name="scenes", blank=True
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submitted_scenes",
    )
    rejection_reason = models.CharField(
        _("rejection reason"),
        max_length=500,
        blank=True,
        help_text=_("Shown to the submitter on their profile when a scene is rejected."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_duplicates",
        help_text=_("The scene this duplicate was merged into; its URL redirects there."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)

    # Tallies kept by the community services (votes, favourites, comments) in the same transaction as the
    # rows they count, so lists can sort by them with an index instead of counting per request.
    awesome_count = models.PositiveIntegerField(_("awesome count"), default=0, editable=False)
    awkward_count = models.PositiveIntegerField(_("awkward count"), default=0, editable=False)
    awesome_score = models.FloatField(
        _("awesome score"),
        default=0.0,
        editable=False,
        help_text=_("Lower bound of the Wilson interval for the share of awesome."),
    )
    awkward_score = models.FloatField(
        _("awkward score"),
        default=0.0,
        editable=False,
        help_text=_("Lower bound of the Wilson interval for the share of awkward."),
    )
    controversy = models.FloatField(
        _("controversy"),
        default=0.0,
        editable=False,
        help_text=_("High when many fans vote and they split close to 50/50."),
    )
    favourite_count = models.PositiveIntegerField(_("favourite count"), default=0, editable=False)
    comment_count = models.PositiveIntegerField(_("comment count"), default=0, editable=False)

    objects = SceneQuerySet.as_manager()

    class Meta:
        verbose_name = _("scene")
        verbose_name_plural = _("scenes")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(episode__isnull=True) | Q(episode__gte=1), name="scene_episode_positive"
            ),
            # An end needs a start, and comes after it; a start needs an episode to be a time in.
            models.CheckConstraint(
                condition=Q(end_seconds__isnull=True)
                | Q(start_seconds__isnull=False, end_seconds__gt=F("start_seconds")),
                name="scene_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(start_seconds__isnull=True) | Q(episode__isnull=False), name="scene_time_needs_episode"
            ),
            models.CheckConstraint(condition=~Q(hugger=F("hugged")), name="scene_hugger_is_not_hugged"),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "published", "rejected"]), name="scene_status_known"
            ),
            # Lists of published scenes sort by the date alone, walking its index.
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="scene_published_has_date"
            ),
        ]
        # The rules that span tables (episode within the drama, both characters of the scene's drama)
        # are enforced by triggers: see scenes/models/db_rules.py.
        indexes = [
            models.Index(fields=["drama", "episode"], name="scene_drama_episode"),
            # A drama's published scenes in story order, and their number (DramaQuerySet.with_scene_counts),
            # read from the index alone.
            models.Index(fields=["drama", "episode"], condition=Q(status="published"), name="scene_published_by_drama"),
            models.Index(fields=["status", "-awesome_score"], name="scene_awesome"),
            models.Index(fields=["status", "-awkward_score"], name="scene_awkward"),
            models.Index(fields=["status", "-controversy"], name="scene_controversial"),
            models.Index(fields=["status", "-comment_count"], name="scene_discussed"),
            models.Index(fields=["status", "-favourite_count"], name="scene_favourites"),
            # The stats read the published scenes' tallies per hugger (and per id, joining tropes) from this
            # index alone, never the wide rows. The id is a key column, not INCLUDE: SQLite has no INCLUDE.
            models.Index(
                fields=["status", "hugger", "awesome_count", "awkward_count", "id"], name="scene_hugger_tallies"
            ),
            # The published scenes' ids in order, with their hugger, read from the index alone: a filter that
            # keeps some of them (a trope's scenes) merges the two id lists instead of reading every scene's
            # row, the facet counts take the hugger (for the derived tropes) from it, and a search tells a
            # match is published without visiting the row.
            models.Index(fields=["id", "hugger"], condition=Q(status="published"), name="scene_published_id"),
            # Help classify's "hardly anyone has voted" (SceneQuerySet.needing_votes) walks this in order.
            models.Index(
                F("awesome_count") + F("awkward_count"),
                F("id").desc(),
                condition=Q(status="published"),
                name="scene_needing_votes",
            ),
        ]

    def __str__(self):
        return f"{self.drama.title}, {self.moment}: {self.hugger.name} → {self.hugged.name}"

    def get_absolute_url(self):
        return reverse("scenes:scene-detail", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        """Remember the spoiler mark as stored: changing it changes every page naming the scene
        (scenes/freshness.py), which ``spoiler_mark_changed`` tells."""
        scene = super().from_db(db, field_names, values)
        scene._stored_is_spoiler = scene.__dict__.get("is_spoiler")
        return scene

    @property
    def spoiler_mark_changed(self) -> bool:
        """Marked or unmarked as a spoiler since it was read from the database (or saved)."""
        return getattr(self, "_stored_is_spoiler", False) != self.is_spoiler

    def clean(self):
        errors = {}
        if self.drama_id and self.episode and self.episode > self.drama.episodes:
            errors["episode"] = gettext("%(drama)s has only %(episodes)d episodes.") % {
                "drama": self.drama.title,
                "episodes": self.drama.episodes,
            }
        for field in ("hugger", "hugged"):
            character = getattr(self, field, None) if getattr(self, f"{field}_id") else None
            if character and self.drama_id and character.drama_id != self.drama_id:
                errors[field] = gettext("%(character)s is not a character of %(drama)s.") % {
                    "character": character.name,
                    "drama": self.drama.title,
                }
        if self.hugger_id and self.hugger_id == self.hugged_id:
            errors["hugged"] = _("Someone cannot back-hug themselves: pick two different characters.")
        if self.start_seconds is not None and self.end_seconds is not None and self.end_seconds <= self.start_seconds:
            errors["end_seconds"] = _("The hug must end after it starts.")
        if self.end_seconds is not None and self.start_seconds is None:
            errors["start_seconds"] = _("Give the start too, or leave both times empty.")
        if self.start_seconds is not None and self.episode is None:
            errors["episode"] = _("A start time needs its episode: give the episode, or leave the times empty.")
        if self.is_featured and self.status != self.Status.PUBLISHED:
            errors["is_featured"] = _("Only a published scene can be featured on the front page.")
        if errors:
            raise ValidationError(errors)

    @property
    def timecode(self) -> str:
        """Where the hug starts, ``12:34``; empty when no start time is known."""
        return format_timecode(self.start_seconds) if self.start_seconds is not None else ""

    @property
    def duration_seconds(self) -> int | None:
        if self.start_seconds is None or self.end_seconds is None:
            return None
        return self.end_seconds - self.start_seconds

    @property
    def episode_label(self) -> str:
        """ "Episode 3", or "Episode unknown" when no source says which."""
        if self.episode is None:
            return gettext("Episode unknown")
        return gettext("Episode %(episode)d") % {"episode": self.episode}

    @property
    def moment(self) -> str:
        """Where in the drama: "Episode 3 · 12:34", "Episode 3 · no start time" or "Episode unknown"."""
        if self.episode is None:
            return self.episode_label
        if self.start_seconds is None:
            return gettext("Episode %(episode)d · no start time") % {"episode": self.episode}
        return gettext("Episode %(episode)d · %(time)s") % {"episode": self.episode, "time": self.timecode}

    @property
    def is_documented(self) -> bool:
        """A source says it happens, and it is not an invented placeholder (documented() asks the same)."""
        if self.is_illustrative:
            return False
        cached = getattr(self, "_prefetched_objects_cache", {}).get("sources")
        if cached is not None:
            return bool(cached)
        if hasattr(self, "has_sources"):
            return bool(self.has_sources)
        return self.sources.exists()

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_second_lead(self) -> bool:
        return self.hugger.is_second_lead

    @property
    def is_girl_initiated(self) -> bool:
        return self.hugger.gender == Character.Gender.FEMALE

    def derived_tropes(self) -> list[Trope]:
        return [trope for trope in Trope.objects.derived_list() if trope.applies_to_hugger(self.hugger)]

    def public_tropes(self) -> list[Trope]:
        """Derived classifications first, then the public attached ones (for_cards() prefetches them)."""
        if hasattr(self, "public_scene_tropes"):
            taxonomy = Trope.objects.taxonomy()
            # A trope added in the last few seconds may not be in the cached taxonomy yet: then read it.
            attached = [taxonomy.get(link.trope_id) or link.trope for link in self.public_scene_tropes]
        else:
            attached = list(self.tropes.filter(scene_tropes__is_public=True).select_related("group"))
        attached.sort(key=lambda t: (t.group.position, t.position, t.name))
        return self.derived_tropes() + attached

    def publish(self, *, when=None):
        self.status = self.Status.PUBLISHED
        self.published_at = self.published_at or when or timezone.now()


class SceneTrope(models.Model):
    """
    A trope on a scene, attached by a moderator (curated) or proposed by a fan, with the fans' agreement.

    Only public ones show on the scene and match filters: a curated trope stays public until fans reject
    it; a proposed one becomes public once enough fans agree (community.services.recount_trope_votes).
    Derived tropes are never stored (a trigger refuses them).
    """

    class Origin(models.TextChoices):
        CURATED = "curated", _("Curated")
        PROPOSED = "proposed", _("Proposed by fans")

    scene = models.ForeignKey(Scene, verbose_name=_("scene"), on_delete=models.CASCADE, related_name="scene_tropes")
    trope = models.ForeignKey(Trope, verbose_name=_("trope"), on_delete=models.CASCADE, related_name="scene_tropes")
    origin = models.CharField(_("origin"), max_length=10, choices=Origin.choices, default=Origin.CURATED)
    agree_count = models.PositiveIntegerField(_("agree count"), default=0, editable=False)
    disagree_count = models.PositiveIntegerField(_("disagree count"), default=0, editable=False)
    is_public = models.BooleanField(_("is public"), default=True, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("scene trope")
        verbose_name_plural = _("scene tropes")
        constraints = [models.UniqueConstraint(fields=["scene", "trope"], name="scene_trope_once")]
        indexes = [
            models.Index(fields=["trope", "is_public", "scene"], name="scenetrope_public"),
            # A set of scenes' public tropes (a search's facet counts) read from the index alone.
            models.Index(
                fields=["scene", "trope"], condition=models.Q(is_public=True), name="scenetrope_public_by_scene"
            ),
            # The few undecided ones, so Help classify finds their scenes without testing every scene.
            models.Index(fields=["scene"], condition=UNDECIDED_TROPE, name="scenetrope_undecided"),
        ]

    def __str__(self):
        return gettext("%(trope)s on scene %(scene)s") % {"trope": self.trope, "scene": self.scene_id}

    @property
    def agreement(self) -> int:
        """The share of fans who agree, in percent (None before anyone voted)."""
        votes = self.agree_count + self.disagree_count
        return round(100 * self.agree_count / votes) if votes else None


def screenshot_path(instance, filename):
    return f"screenshots/{instance.scene_id or 'new'}/{filename}"


class SceneImage(models.Model):
    """A screenshot of a scene; uploads go through scenes.submissions.images.store_screenshot (re-encoded, hashed)."""

    # Widths of the stored thumbnails; part of the stored data (srcset descriptors), so changing them means
    # regenerating the thumbnails.
    SMALL_WIDTH = 320
    MEDIUM_WIDTH = 640
    HASH_BANDS = 4  # perceptual_hash split into 4 indexed 16-bit bands: see scenes.submissions.images.near_duplicates

    scene = models.ForeignKey(Scene, verbose_name=_("scene"), on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to=screenshot_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(_("width"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True, editable=False)
    thumbnail_small = models.ImageField(
        _("thumbnail small"),
        upload_to="screenshots/",
        blank=True,
        editable=False,
        help_text=_("The screenshot 320 pixels wide."),
    )
    thumbnail_medium = models.ImageField(
        _("thumbnail medium"),
        upload_to="screenshots/",
        blank=True,
        editable=False,
        help_text=_("The screenshot 640 pixels wide."),
    )
    perceptual_hash = models.CharField(
        _("perceptual hash"),
        max_length=16,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("64-bit difference hash (16 hex digits): near-identical pictures differ in few bits."),
    )
    hash_band_0 = models.PositiveIntegerField(_("hash band 0"), null=True, blank=True, db_index=True, editable=False)
    hash_band_1 = models.PositiveIntegerField(_("hash band 1"), null=True, blank=True, db_index=True, editable=False)
    hash_band_2 = models.PositiveIntegerField(_("hash band 2"), null=True, blank=True, db_index=True, editable=False)
    hash_band_3 = models.PositiveIntegerField(_("hash band 3"), null=True, blank=True, db_index=True, editable=False)
    alt_text = models.CharField(
        _("alt text"), max_length=300, help_text=_("Describe the picture for people who cannot see it.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # A fan's upload waits, as it came, in the private "incoming" storage until a task processes it
    # (scenes.submissions.processing); the row shows "processing" until then.
    upload_name = models.CharField(
        _("upload name"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("The upload waiting to be processed, if any."),
    )
    processing_error = models.CharField(
        _("processing error"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("Why the upload could not be processed, if it failed."),
    )

    class Meta:
        verbose_name = _("scene image")
        verbose_name_plural = _("scene images")
        ordering = ["position", "id"]

    def __str__(self):
        return self.alt_text

    @property
    def is_processing(self) -> bool:
        """Still waiting for its task: no picture to show yet."""
        return bool(self.upload_name) and not self.image

    @property
    def is_ready(self) -> bool:
        return bool(self.image)

    def srcset(self) -> str:
        """``url 320w, url 640w, url 1920w`` for ``<img srcset>``.

        Rows stored without thumbnails (demo data, admin uploads) fall back to the main image alone.
        """
        if not self.image:
            return ""
        if not self.width:
            return self.image.url
        thumbnails = [(self.thumbnail_small, self.SMALL_WIDTH), (self.thumbnail_medium, self.MEDIUM_WIDTH)]
        entries = [f"{file.url} {width}w" for file, width in thumbnails if file and width < self.width]
        return ", ".join([*entries, f"{self.image.url} {self.width}w"])

    @property
    def thumbnail_url(self) -> str:
        """The medium thumbnail (a card's ``src``), or the main image when there is none."""
        if self.thumbnail_medium:
            return self.thumbnail_medium.url
        return self.image.url if self.image else ""


@receiver(post_delete, sender=SceneImage)
def remove_screenshot_files(sender, instance, **kwargs):
    """Deleting a screenshot row deletes its files too, once the deletion is committed (a rollback keeps them)."""
    names = [
        (file.storage, file.name) for file in (instance.image, instance.thumbnail_small, instance.thumbnail_medium)
    ]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in names if name])
