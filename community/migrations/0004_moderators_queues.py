"""
The Moderators group also works the submission queues added since 0002: pending submissions (publish,
reject, merge: view and change on the proxy), fans' edits of published scenes, proposed dramas, and the
moderation log and the searches that found nothing, which they read but never edit.
"""

import importlib

from django.contrib.auth.management import create_permissions
from django.db import migrations

group_migration = importlib.import_module("community.migrations.0002_moderators_group")

ADDED = {
    ("scenes", "view_pendingscene"),
    ("scenes", "change_pendingscene"),
    ("scenes", "view_sceneedit"),
    ("scenes", "change_sceneedit"),
    ("scenes", "view_dramaproposal"),
    ("scenes", "change_dramaproposal"),
    ("scenes", "view_moderationlog"),
    ("scenes", "view_searchmiss"),
}


def add_permissions(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=group_migration.MODERATORS)
    for app_label, codename in ADDED:
        group.permissions.add(Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename))


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.using(schema_editor.connection.alias).filter(name=group_migration.MODERATORS).first()
    if group:
        for app_label, codename in ADDED:
            group.permissions.remove(*Permission.objects.filter(content_type__app_label=app_label, codename=codename))


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0003_fan_preferences"),
        ("scenes", "0010_pending_queue"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
