"""
The fans' side: verdict votes, trope votes, favourites, comments, reports, bans, follows and duels.

Longer than 400 lines on purpose: every field and table carries its name for translation (the admin shows them in
the moderator's language), and the fans' tables are read best together.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from scenes.models import Actor, Drama, Scene, Trope

from .querysets import CommentQuerySet


class FanProfile(models.Model):
    """What the site knows of a fan beyond their account: for now, whether moderators banned them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="fan_profile"
    )
    is_banned = models.BooleanField(
        _("is banned"), default=False, help_text=_("A banned fan can read but not vote, comment or report.")
    )
    ban_reason = models.CharField(
        _("ban reason"), max_length=300, blank=True, help_text=_("Shown to the fan when they try to act.")
    )
    banned_at = models.DateTimeField(_("banned at"), null=True, blank=True)
    feed_token = models.CharField(
        _("feed token"),
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("The secret in the address of the fan's private Atom feed; a new one revokes the old address."),
    )
    hidden_tropes = models.ManyToManyField(
        Trope,
        verbose_name=_("hidden tropes"),
        blank=True,
        related_name="hidden_by",
        help_text=_("Tropes the fan never wants to see: scenes carrying them leave every list they read."),
    )
    show_spoilers = models.BooleanField(
        _("shows all spoilers"),
        default=False,
        db_default=False,  # rows written by SQL (bulk loads) too
        help_text=_("The fan sees every scene plainly: no spoiler notices, whatever they have watched."),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_(
            "The fan's language for the site (set when they sign in) and their e-mails; empty: their browser's."
        ),
    )

    class Meta:
        verbose_name_plural = _("fans")
        verbose_name = _("fan")

    def __str__(self):
        return self.user.get_username()


class Verdict(models.TextChoices):
    AWESOME = "awesome", _("Awesome")
    AWKWARD = "awkward", _("Awkward")


class Vote(models.Model):
    """A fan's verdict on a scene: one per fan and scene, changeable and retractable."""

    scene = models.ForeignKey(Scene, verbose_name=_("scene"), on_delete=models.CASCADE, related_name="votes")
    fan = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fan"), on_delete=models.CASCADE, related_name="votes"
    )
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["scene", "fan"], name="one_vote_per_fan"),
            models.CheckConstraint(condition=Q(verdict__in=["awesome", "awkward"]), name="vote_verdict_known"),
        ]
        indexes = [models.Index(fields=["fan", "scene"], name="vote_fan_scene")]

    def __str__(self):
        return gettext("%(fan)s finds scene %(scene)s %(verdict)s") % {
            "fan": self.fan,
            "scene": self.scene_id,
            "verdict": self.get_verdict_display(),
        }


class TropeVote(models.Model):
    """A fan agreeing or disagreeing that a trope applies to a scene (proposing one is agreeing first)."""

    scene = models.ForeignKey(Scene, verbose_name=_("scene"), on_delete=models.CASCADE, related_name="trope_votes")
    trope = models.ForeignKey(Trope, verbose_name=_("trope"), on_delete=models.CASCADE, related_name="votes")
    fan = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fan"), on_delete=models.CASCADE, related_name="trope_votes"
    )
    agrees = models.BooleanField(_("agrees"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("trope vote")
        verbose_name_plural = _("trope votes")
        constraints = [models.UniqueConstraint(fields=["scene", "trope", "fan"], name="one_trope_vote_per_fan")]

    def __str__(self):
        text = (
            gettext("%(fan)s agrees: %(trope)s on scene %(scene)s")
            if self.agrees
            else gettext("%(fan)s disagrees: %(trope)s on scene %(scene)s")
        )
        return text % {"fan": self.fan, "trope": self.trope, "scene": self.scene_id}


class Favourite(models.Model):
    scene = models.ForeignKey(Scene, verbose_name=_("scene"), on_delete=models.CASCADE, related_name="favourites")
    fan = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fan"), on_delete=models.CASCADE, related_name="favourites"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("favourite")
        verbose_name_plural = _("favourites")
        constraints = [models.UniqueConstraint(fields=["scene", "fan"], name="one_favourite_per_fan")]
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("%(fan)s ♥ scene %(scene)s") % {"fan": self.fan, "scene": self.scene_id}


class Comment(models.Model):
    """A comment on a scene or a drama, maybe a reply. Deleting keeps a placeholder so replies stay."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.CASCADE, related_name="comments"
    )
    scene = models.ForeignKey(
        Scene, verbose_name=_("scene"), on_delete=models.CASCADE, related_name="comments", null=True, blank=True
    )
    drama = models.ForeignKey(
        Drama, verbose_name=_("drama"), on_delete=models.CASCADE, related_name="comments", null=True, blank=True
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("parent"), on_delete=models.CASCADE, related_name="replies", null=True, blank=True
    )
    body = models.TextField(_("body"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    is_deleted = models.BooleanField(_("is deleted"), default=False)
    is_hidden = models.BooleanField(
        _("is hidden"), default=False, help_text=_("Hidden by a moderator; the text is kept for moderators.")
    )
    hidden_reason = models.CharField(_("hidden reason"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hidden by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
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
        return gettext("Comment %(comment)s by %(author)s") % {"comment": self.pk, "author": self.author}

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
    comment = models.ForeignKey(Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reporter"), on_delete=models.CASCADE, related_name="reports_made"
    )
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        constraints = [models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_fan")]
        ordering = ["-created_at"]

    def __str__(self):
        return gettext("Report on comment %(comment)s by %(reporter)s") % {
            "comment": self.comment_id,
            "reporter": self.reporter,
        }


class ReportedComment(Comment):
    """The moderators' queue in admin: comments with open reports."""

    class Meta:
        verbose_name_plural = _("reported comments")
        proxy = True
        verbose_name = _("reported comment")


class WatchProgress(models.Model):
    """How far a fan has watched a drama: its scenes after that episode show behind a spoiler notice."""

    fan = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fan"), on_delete=models.CASCADE, related_name="watch_progress"
    )
    drama = models.ForeignKey(Drama, verbose_name=_("drama"), on_delete=models.CASCADE, related_name="watch_progress")
    last_episode_watched = models.PositiveSmallIntegerField(
        _("last episode watched"),
        help_text=_("The last episode the fan has seen; 0 when they have not started. At most the drama's episodes."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("watch progress")
        verbose_name_plural = _("watch progress")
        constraints = [models.UniqueConstraint(fields=["fan", "drama"], name="one_watch_progress_per_drama")]

    def __str__(self):
        return gettext("%(fan)s watched %(drama)s up to episode %(episode)s") % {
            "fan": self.fan,
            "drama": self.drama,
            "episode": self.last_episode_watched,
        }


class Follow(models.Model):
    """A fan following a drama, an actor or another fan: exactly one of the three."""

    fan = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fan"), on_delete=models.CASCADE, related_name="follows"
    )
    drama = models.ForeignKey(
        Drama, verbose_name=_("drama"), on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, null=True, blank=True, related_name="followers"
    )
    followed_fan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("followed fan"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="followers",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
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
        return gettext("%(fan)s follows %(target)s") % {"fan": self.fan, "target": self.target}

    @property
    def target(self):
        return self.drama or self.actor or self.followed_fan


class DuelVote(models.Model):
    """A fan's pick between two published scenes ("which back hug is better?"): one per fan and pair, for good.

    The pair is stored lowest id first, so (a, b) and (b, a) are the same duel to the constraint. ``weight`` is
    how much the pick counted in the ratings: a fan's picks stop counting for a scene after a few duels of
    theirs with it (community.duels.services), so one fan cannot carry a scene up or down.
    """

    fan = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fan"), on_delete=models.CASCADE, related_name="duel_votes"
    )
    first = models.ForeignKey(Scene, verbose_name=_("first"), on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Scene, verbose_name=_("second"), on_delete=models.CASCADE, related_name="+")
    winner = models.ForeignKey(Scene, verbose_name=_("winner"), on_delete=models.CASCADE, related_name="+")
    weight = models.FloatField(_("weight"), default=1.0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("duel vote")
        verbose_name_plural = _("duel votes")
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
        return gettext("%(fan)s: scene %(winner)s of %(first)s and %(second)s") % {
            "fan": self.fan,
            "winner": self.winner_id,
            "first": self.first_id,
            "second": self.second_id,
        }


class DuelRating(models.Model):
    """A scene's rating from the duels (Glicko: an Elo rating with its uncertainty), kept up to date per vote."""

    scene = models.OneToOneField(
        Scene, verbose_name=_("scene"), on_delete=models.CASCADE, primary_key=True, related_name="duel_rating"
    )
    rating = models.FloatField(_("rating"), default=1500.0)
    deviation = models.FloatField(
        _("deviation"),
        default=350.0,
        # xgettext:no-python-format
        help_text=_("The rating's uncertainty: 95% lie within twice this."),
    )
    conservative = models.FloatField(
        _("conservative"),
        default=800.0,
        help_text=_("rating − 2 × deviation: what the ranking sorts by, so luck with few duels is not enough."),
    )
    duels = models.PositiveIntegerField(_("duels"), default=0)
    wins = models.PositiveIntegerField(_("wins"), default=0)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        # One per sort of the ranking (community.duels.selectors.SORTS), its tie-breaks included, only over the
        # scenes that have been in a counted duel: a page of the ranking walks one of these in order.
        verbose_name = _("duel rating")
        verbose_name_plural = _("duel ratings")
        indexes = [
            models.Index(fields=["-conservative", "-rating", "scene"], condition=Q(duels__gt=0), name="duel_rank"),
            models.Index(fields=["-rating", "scene"], condition=Q(duels__gt=0), name="duel_rank_rating"),
            models.Index(fields=["-duels", "-rating", "scene"], condition=Q(duels__gt=0), name="duel_rank_duels"),
            models.Index(fields=["-deviation", "scene"], condition=Q(duels__gt=0), name="duel_rank_uncertain"),
        ]

    def __str__(self):
        return gettext("scene %(scene)s: %(rating).0f ± %(margin).0f") % {
            "scene": self.scene_id,
            "rating": self.rating,
            "margin": 2 * self.deviation,
        }

    @property
    def margin(self) -> float:
        """Half the 95% interval."""
        return 2 * self.deviation
