"""A fan's reading preferences: tropes they hide everywhere, and how far they have watched each drama."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_moderators_group"),
        # Trope and Drama exist since long before; depending on the catalogue's newest migration would tie
        # this one to whatever the catalogue adds next.
        ("scenes", "0007_scene_awkward_score"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="fanprofile",
            name="hidden_tropes",
            field=models.ManyToManyField(
                blank=True,
                help_text="Tropes the fan never wants to see: scenes carrying them leave every list they read.",
                related_name="hidden_by",
                to="scenes.trope",
            ),
        ),
        migrations.CreateModel(
            name="WatchProgress",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "last_episode_watched",
                    models.PositiveSmallIntegerField(
                        help_text=(
                            "The last episode the fan has seen; 0 when they have not started. "
                            "At most the drama's episodes."
                        )
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "drama",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="watch_progress", to="scenes.drama"
                    ),
                ),
                (
                    "fan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="watch_progress",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "watch progress",
                "constraints": [models.UniqueConstraint(fields=("fan", "drama"), name="one_watch_progress_per_drama")],
            },
        ),
    ]
