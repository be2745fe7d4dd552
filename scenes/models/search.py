"""The search tables: a document per scene, suggestions for dramas, actors and tropes, searches that found nothing.

Written by scenes.search.index, read by scenes.search.ranking and scenes.search.suggestions; the database's
own index over them is in scenes/search/index.py too.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone

from .catalogue import Actor, Drama
from .scenes import Scene
from .taxonomy import Trope, TropeAlias


class SceneSearch(models.Model):
    """A scene's search document, in normalised words (see scenes.search.text). Rebuilt, never edited."""

    scene = models.OneToOneField(Scene, on_delete=models.CASCADE, primary_key=True, related_name="search_document")
    titles = models.TextField(blank=True, help_text="The drama's English, Hangul and other titles.")
    names = models.TextField(blank=True, help_text="The hugger's and the hugged's names and their actors'.")
    place = models.TextField(blank=True, help_text="The setting.")
    body = models.TextField(blank=True, help_text="The description and the lines spoken.")
    vector = SearchVectorField(null=True, editable=False, help_text="PostgreSQL only: the weighted words.")

    class Meta:
        verbose_name = "scene search document"

    def __str__(self):
        return f"Search document of scene {self.scene_id}"


class SearchSuggestion(models.Model):
    """Something a reader may mean while typing: a drama, an actor, a trope, or a trope's alias."""

    class Kind(models.TextChoices):
        DRAMA = "drama", "Dramas"
        ACTOR = "actor", "Actors"
        TROPE = "trope", "Tropes"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    drama = models.ForeignKey(Drama, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    trope = models.ForeignKey(Trope, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    alias = models.ForeignKey(TropeAlias, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    label = models.CharField(max_length=200, help_text="What the suggestion shows.")
    hint = models.CharField(max_length=200, blank=True, help_text="Shown beside it: Hangul, year, the alias.")
    slug = models.CharField(max_length=200, help_text="Slug of the page it leads to.")
    terms = models.TextField(help_text="Normalised words it is found by.")
    vector = SearchVectorField(null=True, editable=False, help_text="PostgreSQL only: the words.")

    class Meta:
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

    query = models.CharField(max_length=QUERY_MAX_LENGTH, unique=True, help_text="The search, normalised.")
    count = models.PositiveIntegerField(default=1, help_text="How many times readers searched for it.")
    first_seen = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-count", "-last_seen"]
        verbose_name = "search that found nothing"
        verbose_name_plural = "searches that found nothing"

    def __str__(self):
        return self.query
