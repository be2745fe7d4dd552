"""The search tables: a document per scene, suggestions for dramas, actors and tropes, searches that found nothing.

Written by scenes.search.index, read by scenes.search.ranking and scenes.search.suggestions; the database's
own index over them is in scenes/search/index.py too.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .catalogue import Actor, Drama
from .scenes import Scene
from .taxonomy import Trope, TropeAlias


class SceneSearch(models.Model):
    """A scene's search document, in normalised words (see scenes.search.text). Rebuilt, never edited."""

    scene = models.OneToOneField(
        Scene, verbose_name=_("scene"), on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    titles = models.TextField(_("titles"), blank=True, help_text=_("The drama's English, Hangul and other titles."))
    names = models.TextField(
        _("names"), blank=True, help_text=_("The hugger's and the hugged's names and their actors'.")
    )
    place = models.TextField(_("place"), blank=True, help_text=_("The setting."))
    body = models.TextField(_("body"), blank=True, help_text=_("The description and the lines spoken."))
    vector = SearchVectorField(
        _("vector"), null=True, editable=False, help_text=_("PostgreSQL only: the weighted words.")
    )

    class Meta:
        verbose_name_plural = _("scene search documents")
        verbose_name = _("scene search document")

    def __str__(self):
        return gettext("Search document of scene %(scene)s") % {"scene": self.scene_id}


class SearchSuggestion(models.Model):
    """Something a reader may mean while typing: a drama, an actor, a trope, or a trope's alias."""

    class Kind(models.TextChoices):
        DRAMA = "drama", _("Dramas")
        ACTOR = "actor", _("Actors")
        TROPE = "trope", _("Tropes")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    drama = models.ForeignKey(
        Drama, verbose_name=_("drama"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    trope = models.ForeignKey(
        Trope, verbose_name=_("trope"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    alias = models.ForeignKey(
        TropeAlias, verbose_name=_("alias"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    label = models.CharField(_("label"), max_length=200, help_text=_("What the suggestion shows."))
    hint = models.CharField(
        _("hint"), max_length=200, blank=True, help_text=_("Shown beside it: Hangul, year, the alias.")
    )
    slug = models.CharField(_("slug"), max_length=200, help_text=_("Slug of the page it leads to."))
    terms = models.TextField(_("terms"), help_text=_("Normalised words it is found by."))
    vector = SearchVectorField(_("vector"), null=True, editable=False, help_text=_("PostgreSQL only: the words."))

    class Meta:
        verbose_name = _("search suggestion")
        verbose_name_plural = _("search suggestions")
        ordering = ["kind", "label"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.label}"

    @property
    def url(self) -> str:
        name = {"drama": "scenes:drama-detail", "actor": "scenes:actor-detail", "trope": "scenes:trope-detail"}
        return reverse(name[self.kind], args=[self.slug])

    def as_json(self) -> dict:
        return {"label": self.label, "hint": self.hint, "url": self.url}


class SearchMiss(models.Model):
    """A search on the catalogue that found nothing: moderators read these as what the catalogue is missing."""

    QUERY_MAX_LENGTH = 100

    query = models.CharField(
        _("query"), max_length=QUERY_MAX_LENGTH, unique=True, help_text=_("The search, normalised.")
    )
    count = models.PositiveIntegerField(_("count"), default=1, help_text=_("How many times readers searched for it."))
    first_seen = models.DateTimeField(_("first seen"), default=timezone.now)
    last_seen = models.DateTimeField(_("last seen"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-count", "-last_seen"]
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")

    def __str__(self):
        return self.query
