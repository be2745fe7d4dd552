"""
Every scene's controversy counted again with community.scoring.controversy as it now is: the lower bound of the
Wilson interval for the smaller side's share, 0 under SUPERLATIVE_MIN_VOTES votes (it was total ** balance, which
ranked 2–2 splits above 7–4). Votes keep the column current from here on; this brings the existing rows along.
"""

from django.db import migrations

BATCH = 2000


def count_again(apps, schema_editor):
    from community import scoring  # the rule as it stands: one formula, not a copy frozen here

    Scene = apps.get_model("scenes", "Scene")
    voted = Scene.objects.filter(awesome_count__gt=0) | Scene.objects.filter(awkward_count__gt=0)
    changed = []
    for scene in voted.only("pk", "awesome_count", "awkward_count", "controversy").order_by("pk").iterator(BATCH):
        value = scoring.controversy(scene.awesome_count, scene.awkward_count)
        if value != scene.controversy:
            scene.controversy = value
            changed.append(scene)
        if len(changed) >= BATCH:
            Scene.objects.bulk_update(changed, ["controversy"])
            changed = []
    Scene.objects.bulk_update(changed, ["controversy"])


class Migration(migrations.Migration):
    dependencies = [("scenes", "0024_scene_sources")]

    operations = [migrations.RunPython(count_again, migrations.RunPython.noop)]
