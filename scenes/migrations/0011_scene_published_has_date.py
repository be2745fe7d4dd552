from django.db import migrations, models
from django.db.models import F, Q

from scenes.models import db_rules


def date_published_scenes(apps, schema_editor):
    """Published scenes from before the rule get the best date known: when they were last changed."""
    Scene = apps.get_model("scenes", "Scene")
    Scene.objects.filter(status="published", published_at__isnull=True).update(published_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("scenes", "0010_pending_queue"),
    ]

    operations = [
        # SQLite rebuilds the table to add a constraint, which drops its triggers: see scenes/db_rules.py.
        migrations.RunPython(db_rules.uninstall, db_rules.install),
        migrations.RunPython(date_published_scenes, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="scene",
            constraint=models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False), name="scene_published_has_date"
            ),
        ),
        migrations.RunPython(db_rules.install, db_rules.uninstall),
    ]
