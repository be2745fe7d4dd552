from django.db import migrations
from django.utils.text import slugify

from scenes.taxonomy import GROUPS


def install_taxonomy(apps, schema_editor):
    TropeGroup = apps.get_model("scenes", "TropeGroup")
    Trope = apps.get_model("scenes", "Trope")
    TropeAlias = apps.get_model("scenes", "TropeAlias")
    for group_position, (group_slug, group_name, group_description, tropes) in enumerate(GROUPS):
        group, _ = TropeGroup.objects.update_or_create(
            slug=group_slug,
            defaults={"name": group_name, "description": group_description, "position": group_position},
        )
        for position, (slug, name, hangul, rule, description, aliases) in enumerate(tropes):
            trope, _ = Trope.objects.update_or_create(
                slug=slug,
                defaults={
                    "group": group,
                    "name": name,
                    "hangul_name": hangul,
                    "rule": rule,
                    "description": description,
                    "position": position,
                },
            )
            for alias in aliases:
                TropeAlias.objects.get_or_create(
                    slug=slugify(alias, allow_unicode=True), defaults={"trope": trope, "name": alias}
                )


def remove_taxonomy(apps, schema_editor):
    apps.get_model("scenes", "TropeAlias").objects.all().delete()
    apps.get_model("scenes", "Trope").objects.all().delete()
    apps.get_model("scenes", "TropeGroup").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("scenes", "0002_catalogue_rules")]

    operations = [migrations.RunPython(install_taxonomy, remove_taxonomy)]
