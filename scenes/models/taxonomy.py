"""The trope taxonomy: groups, their tropes (curated, or derived from the hugger) and fans' other words for them."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..links import cached_reverse
from .catalogue import Character
from .querysets import TropeQuerySet


class TropeGroup(models.Model):
    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    description = models.TextField(
        _("description"), help_text=_("What this group of tropes is about, for the trope guide.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Order on the trope guide."))

    class Meta:
        verbose_name = _("trope group")
        verbose_name_plural = _("trope groups")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Trope(models.Model):
    class Rule(models.TextChoices):
        """A derived trope is a fact about the hugger, never a label someone attaches."""

        NONE = "", _("Curated (attached to scenes)")
        SECOND_LEAD = "second_lead", _("Derived: the hugger is a second lead")
        GIRL_INITIATED = "girl_initiated", _("Derived: the hugger is female")
        BOY_INITIATED = "boy_initiated", _("Derived: the hugger is male")

    group = models.ForeignKey(TropeGroup, verbose_name=_("group"), on_delete=models.PROTECT, related_name="tropes")
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    hangul_name = models.CharField(_("hangul name"), max_length=80, blank=True)
    description = models.TextField(
        _("description"), help_text=_("A short explanation in our own words, shown on the trope guide.")
    )
    rule = models.CharField(
        _("rule"),
        max_length=20,
        choices=Rule.choices,
        blank=True,
        default=Rule.NONE,
        help_text=_("Derived tropes follow from the hugger's role or gender and cannot be attached by hand."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = TropeQuerySet.as_manager()

    class Meta:
        verbose_name = _("trope")
        verbose_name_plural = _("tropes")
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
        return Q(pk__in=self.scene_tropes.filter(is_public=True).values("scene_id"))

    def applies_to_hugger(self, hugger: Character) -> bool:
        return {
            self.Rule.SECOND_LEAD: hugger.is_second_lead,
            self.Rule.GIRL_INITIATED: hugger.gender == Character.Gender.FEMALE,
            self.Rule.BOY_INITIATED: hugger.gender == Character.Gender.MALE,
        }.get(self.rule, False)


class TropeAlias(models.Model):
    """Another name fans use for a trope ("captured", "백허그"), so their word finds the curated one."""

    trope = models.ForeignKey(Trope, verbose_name=_("trope"), on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=True)

    class Meta:
        verbose_name = _("trope alias")
        ordering = ["name"]
        verbose_name_plural = _("trope aliases")

    def __str__(self):
        return self.name
