from django.db import migrations, models

from scenes.models import db_rules


class Migration(migrations.Migration):
    dependencies = [
        ("scenes", "0026_scene_is_spoiler"),
    ]

    # SQLite rebuilds the character table to add a column with a default: its trigger comes off first and is put back
    # last (scenes/models/db_rules.py).
    operations = [
        migrations.RunPython(db_rules.uninstall, db_rules.install),
        migrations.AddField(
            model_name="character",
            name="hangul_name",
            field=models.CharField(
                blank=True,
                help_text="The name in Hangul, as the drama writes it; Korean readers see it first. Empty when unknown.",
                max_length=60,
                verbose_name="hangul name",
            ),
        ),
        migrations.RunPython(db_rules.install, db_rules.uninstall),
    ]
