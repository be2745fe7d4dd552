"""The fans' side: verdict votes, trope votes, favourites, comments, reports, bans, follows and duels."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from scenes.models import Actor, Drama, Scene, Trope

from .querysets import CommentQuerySet


class FanProfile(models.Model):
    """What the site knows of a fan beyond their account: for now, whether moderators banned them."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fan_profile")
    is_banned = models.BooleanField(default=False, help_text="A banned fan can read but not vote, comment or report.")
    ban_reason = models.CharField(max_length=300, blank=True, help_text="Shown to the fan when they try to act.")
    banned_at = models.DateTimeField(null=True, blank=True)
    feed_token = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="The secret in the address of the fan's private Atom feed; a new one revokes the old address.",
    )
    hidden_tropes = models.ManyToManyField(
        Trope,
        blank=True,
        related_name="hidden_by",
        help_text="Tropes the fan never wants to see: scenes carrying them leave every list they read.",
    )
    language = models.CharField(
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text="The fan's language for the site (set when they sign in) and their e-mails; empty: their browser's.",
    )

    class Meta:
        verbose_name = "fan"

    def __str__(self):
        return self.user.get_username()


class Verdict(models.TextChoices):
    AWESOME = "awesome", "Awesome"
    AWKWARD = "awkward", "Awkward"


class Vote(models.Model):
    """A fan's verdict on a scene: one per fan and scene, changeable and retractable."""

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="votes")
    fan = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="votes")
    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scene", "fan"], name="one_vote_per_fan"),
            models.CheckConstraint(condition=Q(verdict__in=["awesome", "awkward"]), name="vote_verdict_known"),
        ]
        indexes = [models.Index(fields=["fan", "scene"], name="vote_fan_scene")]

    def __str__(self):
        return f"{self.fan} finds scene {self.scene_id} {self.verdict}"


class TropeVote(models.Model):
    """A fan agreeing or disagreeing that a trope applies to a scene (proposing one is agreeing first)."""

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="trope_votes")
    trope = models.ForeignKey(Trope, on_delete=models.CASCADE, related_name="votes")
    fan = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trope_votes")
    agrees = models.BooleanField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scene", "trope", "fan"], name="one_trope_vote_per_fan")]

    def __str__(self):
        return f"{self.fan} {'agrees' if self.agrees else 'disagrees'}: {self.trope} on scene {self.scene_id}"


class Favourite(models.Model):
    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="favourites")
    fan = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scene", "fan"], name="one_favourite_per_fan")]
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.fan} ♥ scene {self.scene_id}"


class Comment(models.Model):
    """A comment on a scene or a drama, maybe a reply. Deleting keeps a placeholder so replies stay."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comments")
    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="comments", null=True, blank=True)
    drama = models.ForeignKey(Drama, on_delete=models.CASCADE, related_name="comments", null=True, blank=True)
    parent = models.ForeignKey("self", on_delete=models.CASCADE, related_name="replies", null=True, blank=True)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    is_deleted = models.BooleanField(default=False)
    is_hidden = models.BooleanField(default=False, help_text="Hidden by a moderator; the text is kept for moderators.")
    hidden_reason = models.CharField(max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(scene__isnull=False, drama__isnull=True) | Q(scene__isnull=True, drama__isnull=False)),
                name="comment_on_a_scene_or_a_drama",
            ),
        ]
        indexes = [
            models.Index(fields=["scene", "created_at"], name="comment_scene_thread"),
            models.Index(fields=["drama", "created_at"], name="comment_drama_thread"),
        ]

    def __str__(self):
        return f"Comment {self.pk} by {self.author}"

    def get_absolute_url(self):
        return f"{self.target.get_absolute_url()}#{self.anchor}"

    @property
    def target(self):
        return self.scene or self.drama

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"

    @property
    def is_visible(self) -> bool:
        return not (self.is_deleted or self.is_hidden)

    def edit_url(self):
        return reverse("community:comment-edit", args=[self.pk])


class CommentReport(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_made")
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_fan")]
        ordering = ["-created_at"]

    def __str__(self):
        return f"Report on comment {self.comment_id} by {self.reporter}"


class ReportedComment(Comment):
    """The moderators' queue in admin: comments with open reports."""

    class Meta:
        proxy = True
        verbose_name = "reported comment"


class WatchProgress(models.Model):
    """How far a fan has watched a drama: its scenes after that episode show behind a spoiler notice."""

    fan = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watch_progress")
    drama = models.ForeignKey(Drama, on_delete=models.CASCADE, related_name="watch_progress")
    last_episode_watched = models.PositiveSmallIntegerField(
        help_text="The last episode the fan has seen; 0 when they have not started. At most the drama's episodes."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "watch progress"
        constraints = [models.UniqueConstraint(fields=["fan", "drama"], name="one_watch_progress_per_drama")]

    def __str__(self):
        return f"{self.fan} watched {self.drama} up to episode {self.last_episode_watched}"


class Follow(models.Model):
    """A fan following a drama, an actor or another fan: exactly one of the three."""

    fan = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    drama = models.ForeignKey(Drama, on_delete=models.CASCADE, null=True, blank=True, related_name="followers")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, null=True, blank=True, related_name="followers")
    followed_fan = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(drama__isnull=False, actor__isnull=True, followed_fan__isnull=True)
                    | Q(drama__isnull=True, actor__isnull=False, followed_fan__isnull=True)
                    | Q(drama__isnull=True, actor__isnull=True, followed_fan__isnull=False)
                ),
                name="follow_one_thing",
            ),
            models.CheckConstraint(condition=~Q(followed_fan=models.F("fan")), name="follow_not_oneself"),
            models.UniqueConstraint(
                fields=["fan", "drama"], condition=Q(drama__isnull=False), name="follow_drama_once"
            ),
            models.UniqueConstraint(
                fields=["fan", "actor"], condition=Q(actor__isnull=False), name="follow_actor_once"
            ),
            models.UniqueConstraint(
                fields=["fan", "followed_fan"], condition=Q(followed_fan__isnull=False), name="follow_fan_once"
            ),
        ]

    def __str__(self):
        return f"{self.fan} follows {self.target}"

    @property
    def target(self):
        return self.drama or self.actor or self.followed_fan


class DuelVote(models.Model):
    """A fan's pick between two published scenes ("which back hug is better?"): one per fan and pair, for good.

    The pair is stored lowest id first, so (a, b) and (b, a) are the same duel to the constraint. ``weight`` is
    how much the pick counted in the ratings: a fan's picks stop counting for a scene after a few duels of
    theirs with it (community.duels.services), so one fan cannot carry a scene up or down.
    """

    fan = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="duel_votes")
    first = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="+")
    winner = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="+")
    weight = models.FloatField(default=1.0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["fan", "first", "second"], name="one_duel_vote_per_fan_and_pair"),
            models.CheckConstraint(condition=Q(first__lt=models.F("second")), name="duel_pair_in_order"),
            models.CheckConstraint(
                condition=Q(winner=models.F("first")) | Q(winner=models.F("second")), name="duel_winner_in_pair"
            ),
            models.CheckConstraint(condition=Q(weight__gte=0, weight__lte=1), name="duel_weight_in_range"),
        ]
        indexes = [
            models.Index(fields=["fan", "first"], name="duel_vote_fan_first"),
            models.Index(fields=["fan", "second"], name="duel_vote_fan_second"),
        ]

    def __str__(self):
        return f"{self.fan}: scene {self.winner_id} of {self.first_id} and {self.second_id}"


class DuelRating(models.Model):
    """A scene's rating from the duels (Glicko: an Elo rating with its uncertainty), kept up to date per vote."""

    scene = models.OneToOneField(Scene, on_delete=models.CASCADE, primary_key=True, related_name="duel_rating")
    rating = models.FloatField(default=1500.0)
    deviation = models.FloatField(default=350.0, help_text="The rating's uncertainty: 95% lie within twice this.")
    conservative = models.FloatField(
        default=800.0,
        help_text="rating − 2 × deviation: what the ranking sorts by, so luck with few duels is not enough.",
    )
    duels = models.PositiveIntegerField(default=0)
    wins = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # One per sort of the ranking (community.duels.selectors.SORTS), its tie-breaks included, only over the
        # scenes that have been in a counted duel: a page of the ranking walks one of these in order.
        indexes = [
            models.Index(fields=["-conservative", "-rating", "scene"], condition=Q(duels__gt=0), name="duel_rank"),
            models.Index(fields=["-rating", "scene"], condition=Q(duels__gt=0), name="duel_rank_rating"),
            models.Index(fields=["-duels", "-rating", "scene"], condition=Q(duels__gt=0), name="duel_rank_duels"),
            models.Index(fields=["-deviation", "scene"], condition=Q(duels__gt=0), name="duel_rank_uncertain"),
        ]

    def __str__(self):
        return f"scene {self.scene_id}: {self.rating:.0f} ± {2 * self.deviation:.0f}"

    @property
    def margin(self) -> float:
        """Half the 95% interval."""
        return 2 * self.deviation
