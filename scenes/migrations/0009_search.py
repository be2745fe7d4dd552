"""
Search: a search document per scene, suggestions for dramas, actors and tropes, and the searches that found
nothing; with the database's own index over them (FTS5 on SQLite; tsvector, GIN and pg_trgm on PostgreSQL).
See scenes/search_index.py. The last step indexes what is already in the catalogue.
"""

import django.contrib.postgres.search
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

from scenes.search import index as search_index


def add_trigram_extension(apps, schema_editor):
    # PostgreSQL only. A trusted extension, so the database owner may add it; kept when migrating back, as
    # other things may use it (and Django's TrigramExtension fails to reverse on SQLite).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm", params=None)


def index_catalogue(apps, schema_editor):
    search_index.rebuild_search_index(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("scenes", "0008_moderation"),
    ]

    operations = [
        migrations.RunPython(add_trigram_extension, migrations.RunPython.noop),
        migrations.CreateModel(
            name="SceneSearch",
            fields=[
                (
                    "scene",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="scenes.scene",
                    ),
                ),
                ("titles", models.TextField(blank=True, help_text="The drama's English, Hangul and other titles.")),
                (
                    "names",
                    models.TextField(blank=True, help_text="The hugger's and the hugged's names and their actors'."),
                ),
                ("place", models.TextField(blank=True, help_text="The setting.")),
                ("body", models.TextField(blank=True, help_text="The description and the lines spoken.")),
                (
                    "vector",
                    django.contrib.postgres.search.SearchVectorField(
                        editable=False, help_text="PostgreSQL only: the weighted words.", null=True
                    ),
                ),
            ],
            options={"verbose_name": "scene search document"},
        ),
        migrations.CreateModel(
            name="SearchMiss",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("query", models.CharField(help_text="The search, normalised.", max_length=100, unique=True)),
                ("count", models.PositiveIntegerField(default=1, help_text="How many times readers searched for it.")),
                ("first_seen", models.DateTimeField(default=django.utils.timezone.now)),
                ("last_seen", models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
            ],
            options={
                "verbose_name": "search that found nothing",
                "verbose_name_plural": "searches that found nothing",
                "ordering": ["-count", "-last_seen"],
            },
        ),
        migrations.CreateModel(
            name="SearchSuggestion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[("drama", "Dramas"), ("actor", "Actors"), ("trope", "Tropes")], max_length=10
                    ),
                ),
                ("label", models.CharField(help_text="What the suggestion shows.", max_length=200)),
                (
                    "hint",
                    models.CharField(blank=True, help_text="Shown beside it: Hangul, year, the alias.", max_length=200),
                ),
                ("slug", models.CharField(help_text="Slug of the page it leads to.", max_length=200)),
                ("terms", models.TextField(help_text="Normalised words it is found by.")),
                (
                    "vector",
                    django.contrib.postgres.search.SearchVectorField(
                        editable=False, help_text="PostgreSQL only: the words.", null=True
                    ),
                ),
                (
                    "actor",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="scenes.actor",
                    ),
                ),
                (
                    "alias",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="scenes.tropealias",
                    ),
                ),
                (
                    "drama",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="scenes.drama",
                    ),
                ),
                (
                    "trope",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="scenes.trope",
                    ),
                ),
            ],
            options={"ordering": ["kind", "label"]},
        ),
        migrations.RunPython(search_index.install_index, search_index.uninstall_index),
        migrations.RunPython(index_catalogue, migrations.RunPython.noop),
    ]
