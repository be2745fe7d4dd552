"""The catalogue's people and works: dramas, the actors in them, the characters they play, where dramas stream."""

from urllib.parse import urlsplit

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..links import cached_reverse
from .querysets import ActorQuerySet, DramaQuerySet, PeopleQuerySet


class Drama(models.Model):
    title = models.CharField(_("title"), max_length=200, help_text=_("English title, as fans know it."))
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The slugified English title; part of public URLs.")
    )
    hangul_title = models.CharField(
        _("hangul title"), max_length=200, blank=True, help_text=_("Original title in Hangul.")
    )
    other_titles = models.CharField(
        _("other titles"),
        max_length=400,
        blank=True,
        help_text=_("Other English titles fans use, separated by semicolons."),
    )
    year = models.PositiveSmallIntegerField(_("year"), help_text=_("Year the drama first aired."))
    network = models.CharField(
        _("network"), max_length=60, help_text=_("Broadcaster or platform, e.g. KBS2, SBS, tvN.")
    )
    episodes = models.PositiveSmallIntegerField(
        _("episodes"), help_text=_("Number of episodes; scenes must fall within them.")
    )
    poster = models.ImageField(_("poster"), upload_to="posters/", blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = DramaQuerySet.as_manager()

    class Meta:
        verbose_name = _("drama")
        verbose_name_plural = _("dramas")
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
        # The rule behind the scene trigger (scenes/models/db_rules.py), as a message for whoever edits the drama.
        if self.pk and self.episodes:
            last = self.scenes.aggregate(last=models.Max("episode"))["last"]
            if last and self.episodes < last:
                raise ValidationError(
                    {
                        "episodes": gettext(
                            "A back hug is catalogued in episode %(episode)s: "
                            "the drama cannot have fewer episodes than that."
                        )
                        % {"episode": last}
                    }
                )


class Actor(models.Model):
    name = models.CharField(
        _("name"), max_length=120, help_text=_("Romanised name, family name first as fans write it.")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    hangul_name = models.CharField(_("hangul name"), max_length=60, blank=True)
    is_confirmed = models.BooleanField(
        _("is confirmed"),
        default=True,
        help_text=_("Actors fans add with a submission are public once a moderator publishes it."),
    )

    objects = ActorQuerySet.as_manager()

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("scenes:actor-detail", args=[self.slug])


class Character(models.Model):
    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Other")

    class Role(models.TextChoices):
        FEMALE_LEAD = "female_lead", _("Female lead")
        MALE_LEAD = "male_lead", _("Male lead")
        SECOND_FEMALE_LEAD = "second_female_lead", _("Second female lead")
        SECOND_MALE_LEAD = "second_male_lead", _("Second male lead")
        SUPPORTING = "supporting", _("Supporting")

    SECOND_LEADS = (Role.SECOND_FEMALE_LEAD, Role.SECOND_MALE_LEAD)

    drama = models.ForeignKey(Drama, verbose_name=_("drama"), on_delete=models.CASCADE, related_name="characters")
    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        related_name="roles",
        null=True,
        blank=True,
        help_text=_("Who plays them."),
    )
    name = models.CharField(_("name"), max_length=120)
    hangul_name = models.CharField(
        _("hangul name"),
        max_length=60,
        blank=True,
        help_text=_("The name in Hangul, as the drama writes it; Korean readers see it first. Empty when unknown."),
    )
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SUPPORTING)
    is_confirmed = models.BooleanField(
        _("is confirmed"),
        default=True,
        help_text=_("Characters fans add with a submission show on the drama once a moderator publishes it."),
    )

    objects = PeopleQuerySet.as_manager()

    class Meta:
        verbose_name = _("character")
        verbose_name_plural = _("characters")
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
        # The rule behind the scene trigger (scenes/models/db_rules.py): a character in back hugs stays in their drama.
        if not (self.pk and self.drama_id):
            return
        stored = Character.objects.filter(pk=self.pk).values_list("drama_id", flat=True).first()
        if stored is None or stored == self.drama_id:
            return
        scenes = self.hugs_given.model.objects  # Scene, reached from below: scenes.py imports this module.
        scene_count = scenes.filter(Q(hugger=self) | Q(hugged=self)).count()
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


STREAMING_CACHE_KEY = "streaming:v1:{}"
STREAMING_CACHE_SECONDS = 60 * 60


class StreamingLink(models.Model):
    """Where a drama streams: a provider, the region it is offered in, and the address (of the drama or an episode)."""

    class Provider(models.TextChoices):
        YOUTUBE = "youtube", _("YouTube")
        NETFLIX = "netflix", _("Netflix")
        VIKI = "viki", _("Viki")
        KOCOWA = "kocowa", _("KOCOWA")
        TVING = "tving", _("TVING")
        WAVVE = "wavve", _("Wavve")
        DISNEY = "disney", _("Disney+")
        VIMEO = "vimeo", _("Vimeo")
        DAILYMOTION = "dailymotion", _("Dailymotion")
        OTHER = "other", _("Other")

    # The hosts each provider's addresses live on: an address elsewhere is refused, so a link labelled
    # "Netflix" cannot lead anywhere else.
    HOSTS = {
        Provider.YOUTUBE: ("youtube.com", "youtu.be"),
        Provider.NETFLIX: ("netflix.com",),
        Provider.VIKI: ("viki.com",),
        Provider.KOCOWA: ("kocowa.com",),
        Provider.TVING: ("tving.com",),
        Provider.WAVVE: ("wavve.com",),
        Provider.DISNEY: ("disneyplus.com",),
        Provider.VIMEO: ("vimeo.com",),
        Provider.DAILYMOTION: ("dailymotion.com", "dai.ly"),
    }

    drama = models.ForeignKey(Drama, verbose_name=_("drama"), on_delete=models.CASCADE, related_name="streaming_links")
    provider = models.CharField(_("provider"), max_length=20, choices=Provider.choices)
    region = models.CharField(
        _("region"),
        max_length=2,
        blank=True,
        help_text=_("Where it is offered: a two-letter country code (KR, US, GB…); empty for everywhere."),
    )
    episode = models.PositiveSmallIntegerField(
        _("episode"),
        null=True,
        blank=True,
        help_text=_("The episode this address plays; empty when it leads to the drama as a whole."),
    )
    url = models.URLField(_("url"), max_length=500, help_text=_("The https address on the provider's own site."))

    class Meta:
        verbose_name_plural = _("streaming links")
        verbose_name = _("streaming link")
        ordering = ["provider", "region", "episode", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(episode__isnull=True) | Q(episode__gte=1), name="streaming_episode_positive"
            ),
            models.CheckConstraint(condition=Q(url__startswith="https://"), name="streaming_url_https"),
        ]

    def __str__(self):
        where = f" ({self.region})" if self.region else ""
        episode = gettext(", episode %(episode)s") % {"episode": self.episode} if self.episode else ""
        on = gettext("%(drama)s on %(provider)s") % {"drama": self.drama.title, "provider": self.get_provider_display()}
        return f"{on}{where}{episode}"

    def clean(self):
        errors = {}
        self.region = (self.region or "").strip().upper()
        if self.region and not (len(self.region) == 2 and self.region.isascii() and self.region.isalpha()):
            errors["region"] = _("A two-letter country code such as KR or US, or empty for everywhere.")
        host = (urlsplit(self.url or "").hostname or "").lower()
        if self.url and not self.url.startswith("https://"):
            errors["url"] = _("Use the provider's https address.")
        elif self.url and self.provider in self.HOSTS:
            hosts = self.HOSTS[self.provider]
            if not any(host == known or host.endswith(f".{known}") for known in hosts):
                errors["url"] = _("A %(provider)s address is on %(hosts)s.") % {
                    "provider": self.get_provider_display(),
                    "hosts": " or ".join(hosts),
                }
        if self.episode and self.drama_id and self.episode > self.drama.episodes:
            errors["episode"] = _("%(drama)s has only %(episodes)d episodes.") % {
                "drama": self.drama.title,
                "episodes": self.drama.episodes,
            }
        if errors:
            raise ValidationError(errors)

    @classmethod
    def of_drama(cls, drama_id: int) -> list["StreamingLink"]:
        """The drama's links, kept in the cache (every scene page shows them) until one of them changes."""
        key = STREAMING_CACHE_KEY.format(drama_id)
        links = cache.get(key)
        if links is None:
            links = list(cls.objects.filter(drama_id=drama_id))
            cache.set(key, links, STREAMING_CACHE_SECONDS)
        return links


@receiver(post_save, sender=StreamingLink)
@receiver(post_delete, sender=StreamingLink)
def forget_streaming_links(sender, instance, **kwargs):
    cache.delete(STREAMING_CACHE_KEY.format(instance.drama_id))
