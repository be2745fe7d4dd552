"""The catalogue: dramas, actors, characters, back-hug scenes, their screenshots and the trope taxonomy."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from .links import cached_reverse
from .querysets import DramaQuerySet, SceneQuerySet, TropeQuerySet
from .timecodes import format_timecode


class Drama(models.Model):
    title = models.CharField(max_length=200, help_text="English title, as fans know it.")
    slug = models.SlugField(max_length=200, unique=True, help_text="The slugified English title; part of public URLs.")
    hangul_title = models.CharField(max_length=200, blank=True, help_text="Original title in Hangul.")
    other_titles = models.CharField(
        max_length=400, blank=True, help_text="Other English titles fans use, separated by semicolons."
    )
    year = models.PositiveSmallIntegerField(help_text="Year the drama first aired.")
    network = models.CharField(max_length=60, help_text="Broadcaster or platform, e.g. KBS2, SBS, tvN.")
    episodes = models.PositiveSmallIntegerField(help_text="Number of episodes; scenes must fall within them.")
    poster = models.ImageField(upload_to="posters/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DramaQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=Q(episodes__gte=1), name="drama_has_episodes"),
            models.CheckConstraint(condition=Q(year__gte=1950, year__lte=2100), name="drama_year_plausible"),
        ]

    def __str__(self):
        return f"{self.title} ({self.year})"

    def get_absolute_url(self):
        return cached_reverse("scenes:drama-detail", self.slug)

    @property
    def other_titles_list(self) -> list[str]:
        return [title.strip() for title in self.other_titles.split(";") if title.strip()]

    def clean(self):
        # The rule behind the scene trigger (scenes/db_rules.py), as a message for whoever edits the drama.
        if self.pk and self.episodes:
            last = self.scenes.aggregate(last=models.Max("episode"))["last"]
            if last and self.episodes < last:
                raise ValidationError(
                    {
                        "episodes": f"A back hug is catalogued in episode {last}: "
                        "the drama cannot have fewer episodes than that."
                    }
                )


class Actor(models.Model):
    name = models.CharField(max_length=120, help_text="Romanised name, family name first as fans write it.")
    slug = models.SlugField(max_length=120, unique=True)
    hangul_name = models.CharField(max_length=60, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("scenes:actor-detail", args=[self.slug])


class Character(models.Model):
    class Gender(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        OTHER = "other", "Other"

    class Role(models.TextChoices):
        FEMALE_LEAD = "female_lead", "Female lead"
        MALE_LEAD = "male_lead", "Male lead"
        SECOND_FEMALE_LEAD = "second_female_lead", "Second female lead"
        SECOND_MALE_LEAD = "second_male_lead", "Second male lead"
        SUPPORTING = "supporting", "Supporting"

    SECOND_LEADS = (Role.SECOND_FEMALE_LEAD, Role.SECOND_MALE_LEAD)

    drama = models.ForeignKey(Drama, on_delete=models.CASCADE, related_name="characters")
    actor = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="roles", null=True, blank=True, help_text="Who plays them."
    )
    name = models.CharField(max_length=120)
    gender = models.CharField(max_length=10, choices=Gender.choices)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.SUPPORTING)
    is_confirmed = models.BooleanField(
        default=True, help_text="Characters fans add with a submission show on the drama once a moderator publishes it."
    )

    class Meta:
        ordering = ["drama", "name"]
        constraints = [
            models.UniqueConstraint(fields=["drama", "name"], name="character_unique_in_drama"),
            models.CheckConstraint(condition=Q(gender__in=["female", "male", "other"]), name="character_gender_known"),
            models.CheckConstraint(
                condition=Q(
                    role__in=["female_lead", "male_lead", "second_female_lead", "second_male_lead", "supporting"]
                ),
                name="character_role_known",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.drama.title})"

    def clean(self):
        # The rule behind the scene trigger (scenes/db_rules.py): a character in back hugs stays in their drama.
        if not (self.pk and self.drama_id):
            return
        stored = Character.objects.filter(pk=self.pk).values_list("drama_id", flat=True).first()
        if stored is None or stored == self.drama_id:
            return
        scene_count = Scene.objects.filter(Q(hugger=self) | Q(hugged=self)).count()
        if scene_count:
            raise ValidationError(
                {
                    "drama": ngettext(
                        "%(name)s is in %(count)d back hug of their drama and cannot move to another drama.",
                        "%(name)s is in %(count)d back hugs of their drama and cannot move to another drama.",
                        scene_count,
                    )
                    % {"name": self.name, "count": scene_count}
                }
            )

    @property
    def is_second_lead(self) -> bool:
        return self.role in self.SECOND_LEADS


class TropeGroup(models.Model):
    name = models.CharField(max_length=60)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(help_text="What this group of tropes is about, for the trope guide.")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order on the trope guide.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Trope(models.Model):
    class Rule(models.TextChoices):
        """A derived trope is a fact about the hugger, never a label someone attaches."""

        NONE = "", "Curated (attached to scenes)"
        SECOND_LEAD = "second_lead", "Derived: the hugger is a second lead"
        GIRL_INITIATED = "girl_initiated", "Derived: the hugger is female"
        BOY_INITIATED = "boy_initiated", "Derived: the hugger is male"

    group = models.ForeignKey(TropeGroup, on_delete=models.PROTECT, related_name="tropes")
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    hangul_name = models.CharField(max_length=80, blank=True)
    description = models.TextField(help_text="A short explanation in our own words, shown on the trope guide.")
    rule = models.CharField(
        max_length=20,
        choices=Rule.choices,
        blank=True,
        default=Rule.NONE,
        help_text="Derived tropes follow from the hugger's role or gender and cannot be attached by hand.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    objects = TropeQuerySet.as_manager()

    class Meta:
        ordering = ["group__position", "position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return cached_reverse("scenes:trope-detail", self.slug)

    @property
    def is_derived(self) -> bool:
        return bool(self.rule)

    def hugger_condition(self) -> Q | None:
        """For a derived trope, the condition on a character that makes their back hugs carry it; else None."""
        return {
            self.Rule.SECOND_LEAD: Q(role__in=Character.SECOND_LEADS),
            self.Rule.GIRL_INITIATED: Q(gender=Character.Gender.FEMALE),
            self.Rule.BOY_INITIATED: Q(gender=Character.Gender.MALE),
        }.get(self.rule)

    def scene_condition(self) -> Q:
        """A condition on scenes that holds exactly when a scene carries this trope."""
        hugger = self.hugger_condition()
        if hugger is not None:
            return Q(*[(f"hugger__{name}", value) for name, value in hugger.children])
        # A list of the trope's scenes (read from its index once), not a lookup per scene: the database can
        # start from the trope's few thousand scenes instead of testing every published one.
        return Q(pk__in=SceneTrope.objects.filter(trope=self, is_public=True).values("scene_id"))

    def applies_to_hugger(self, hugger: Character) -> bool:
        return {
            self.Rule.SECOND_LEAD: hugger.is_second_lead,
            self.Rule.GIRL_INITIATED: hugger.gender == Character.Gender.FEMALE,
            self.Rule.BOY_INITIATED: hugger.gender == Character.Gender.MALE,
        }.get(self.rule, False)


class TropeAlias(models.Model):
    """Another name fans use for a trope ("captured", "백허그"), so their word finds the curated one."""

    trope = models.ForeignKey(Trope, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "trope aliases"

    def __str__(self):
        return self.name


class Scene(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PUBLISHED = "published", "Published"
        REJECTED = "rejected", "Rejected"

    drama = models.ForeignKey(Drama, on_delete=models.PROTECT, related_name="scenes")
    episode = models.PositiveSmallIntegerField()
    start_seconds = models.PositiveIntegerField(help_text="When the hug starts, in seconds into the episode.")
    end_seconds = models.PositiveIntegerField(help_text="When the hug ends, in seconds into the episode.")
    hugger = models.ForeignKey(
        Character, on_delete=models.PROTECT, related_name="hugs_given", help_text="Who hugs from behind."
    )
    hugged = models.ForeignKey(
        Character, on_delete=models.PROTECT, related_name="hugs_received", help_text="Who is hugged."
    )
    setting = models.CharField(max_length=200, blank=True, help_text="Where it happens, e.g. 'rainy bus stop'.")
    description = models.TextField(help_text="What happens, in a few sentences of our own.")
    line_korean = models.CharField(max_length=300, blank=True, help_text="The line spoken during the hug, in Korean.")
    line_english = models.CharField(max_length=300, blank=True, help_text="The same line in English.")
    is_illustrative = models.BooleanField(
        default=False,
        help_text="An invented placeholder scene for the demo, not a documented moment of the drama.",
    )
    is_featured = models.BooleanField(default=False, help_text="Shown on the front page as a moderators' pick.")
    tropes = models.ManyToManyField(Trope, through="SceneTrope", related_name="scenes", blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="submitted_scenes"
    )
    rejection_reason = models.CharField(
        max_length=500, blank=True, help_text="Shown to the submitter on their profile when a scene is rejected."
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_duplicates",
        help_text="The scene this duplicate was merged into; its URL redirects there.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)

    # Tallies kept by the community services (votes, favourites, comments) in the same transaction as the
    # rows they count, so lists can sort by them with an index instead of counting per request.
    awesome_count = models.PositiveIntegerField(default=0, editable=False)
    awkward_count = models.PositiveIntegerField(default=0, editable=False)
    awesome_score = models.FloatField(
        default=0.0, editable=False, help_text="Lower bound of the Wilson interval for the share of awesome."
    )
    awkward_score = models.FloatField(
        default=0.0, editable=False, help_text="Lower bound of the Wilson interval for the share of awkward."
    )
    controversy = models.FloatField(
        default=0.0, editable=False, help_text="High when many fans vote and they split close to 50/50."
    )
    favourite_count = models.PositiveIntegerField(default=0, editable=False)
    comment_count = models.PositiveIntegerField(default=0, editable=False)

    objects = SceneQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(episode__gte=1), name="scene_episode_positive"),
            models.CheckConstraint(condition=Q(end_seconds__gt=F("start_seconds")), name="scene_ends_after_start"),
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
        # are enforced by triggers: see scenes/db_rules.py.
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
        return f"{self.drama.title} ep. {self.episode} {self.timecode}: {self.hugger.name} → {self.hugged.name}"

    def get_absolute_url(self):
        return reverse("scenes:scene-detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.drama_id and self.episode and self.episode > self.drama.episodes:
            errors["episode"] = f"{self.drama.title} has only {self.drama.episodes} episodes."
        for field in ("hugger", "hugged"):
            character = getattr(self, field, None) if getattr(self, f"{field}_id") else None
            if character and self.drama_id and character.drama_id != self.drama_id:
                errors[field] = f"{character.name} is not a character of {self.drama.title}."
        if self.hugger_id and self.hugger_id == self.hugged_id:
            errors["hugged"] = "Someone cannot back-hug themselves: pick two different characters."
        if self.start_seconds is not None and self.end_seconds is not None and self.end_seconds <= self.start_seconds:
            errors["end_seconds"] = "The hug must end after it starts."
        if self.is_featured and self.status != self.Status.PUBLISHED:
            errors["is_featured"] = "Only a published scene can be featured on the front page."
        if errors:
            raise ValidationError(errors)

    @property
    def timecode(self) -> str:
        return format_timecode(self.start_seconds)

    @property
    def duration_seconds(self) -> int:
        return self.end_seconds - self.start_seconds

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


# Fans needed before their word counts: to drop a curated trope, or to make a proposed one public
# (community.services.recount_trope_votes). A constant, not a setting: an index is built on it.
TROPE_VOTES_TO_DECIDE = 3
# A trope on a scene that fans have not settled (Help classify lists its scenes): a fan's proposal not yet
# public, as many agreeing as disagreeing, or too few disagreeing to decide so far.
UNDECIDED_TROPE = (
    Q(origin="proposed", is_public=False)
    | Q(agree_count__gt=0, agree_count=F("disagree_count"))
    | Q(disagree_count__gt=0, disagree_count__lt=TROPE_VOTES_TO_DECIDE)
)


class SceneTrope(models.Model):
    """
    A trope on a scene, attached by a moderator (curated) or proposed by a fan, with the fans' agreement.

    Only public ones show on the scene and match filters: a curated trope stays public until fans reject
    it; a proposed one becomes public once enough fans agree (community.services.recount_trope_votes).
    Derived tropes are never stored (a trigger refuses them).
    """

    class Origin(models.TextChoices):
        CURATED = "curated", "Curated"
        PROPOSED = "proposed", "Proposed by fans"

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="scene_tropes")
    trope = models.ForeignKey(Trope, on_delete=models.CASCADE, related_name="scene_tropes")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.CURATED)
    agree_count = models.PositiveIntegerField(default=0, editable=False)
    disagree_count = models.PositiveIntegerField(default=0, editable=False)
    is_public = models.BooleanField(default=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
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
        return f"{self.trope} on scene {self.scene_id}"

    @property
    def agreement(self) -> int:
        """The share of fans who agree, in percent (None before anyone voted)."""
        votes = self.agree_count + self.disagree_count
        return round(100 * self.agree_count / votes) if votes else None


def screenshot_path(instance, filename):
    return f"screenshots/{instance.scene_id or 'new'}/{filename}"


class SceneImage(models.Model):
    """A screenshot of a scene. Uploads go through scenes.images.store_screenshot (re-encoded, resized, hashed)."""

    # Widths of the stored thumbnails; part of the stored data (srcset descriptors), so changing them means
    # regenerating the thumbnails.
    SMALL_WIDTH = 320
    MEDIUM_WIDTH = 640
    HASH_BANDS = 4  # perceptual_hash split into 4 indexed 16-bit bands: see scenes.images.near_duplicates

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to=screenshot_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail_small = models.ImageField(
        upload_to="screenshots/", blank=True, editable=False, help_text="The screenshot 320 pixels wide."
    )
    thumbnail_medium = models.ImageField(
        upload_to="screenshots/", blank=True, editable=False, help_text="The screenshot 640 pixels wide."
    )
    perceptual_hash = models.CharField(
        max_length=16,
        blank=True,
        db_index=True,
        editable=False,
        help_text="64-bit difference hash (16 hex digits): near-identical pictures differ in few bits.",
    )
    hash_band_0 = models.PositiveIntegerField(null=True, blank=True, db_index=True, editable=False)
    hash_band_1 = models.PositiveIntegerField(null=True, blank=True, db_index=True, editable=False)
    hash_band_2 = models.PositiveIntegerField(null=True, blank=True, db_index=True, editable=False)
    hash_band_3 = models.PositiveIntegerField(null=True, blank=True, db_index=True, editable=False)
    alt_text = models.CharField(max_length=300, help_text="Describe the picture for people who cannot see it.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.alt_text

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


# Moderation records live in their own module; importing them here registers them with the app.
from .moderation_models import DramaProposal, ModerationLog, PendingScene, SceneEdit  # noqa: E402
from .stats_models import StatsSnapshot  # noqa: E402

__all__ = [
    "Actor",
    "Character",
    "Drama",
    "DramaProposal",
    "ModerationLog",
    "PendingScene",
    "Scene",
    "SceneEdit",
    "SceneImage",
    "SceneTrope",
    "StatsSnapshot",
    "Trope",
    "TropeAlias",
    "TropeGroup",
]
