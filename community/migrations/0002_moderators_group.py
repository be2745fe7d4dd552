"""
The "Moderators" group: exactly what a moderator needs in admin, no more. A moderator is a staff user
(is_staff) in this group, never a superuser.

Left out on purpose:
- anything on auth (users, groups, permissions): whoever can change users can make themselves a superuser,
  and the user list shows e-mail addresses;
- deleting dramas, scenes, actors, tropes and trope groups: the catalogue is merged, not deleted, and a
  deletion would take fans' votes and comments with it;
- adding, changing or deleting votes, trope votes and favourites: the scenes' tallies count them, so
  moderators look at them (to investigate abuse) but never edit them;
- adding comments or reports: fans write those on the site.

Permissions are normally created by a post_migrate signal after all migrations have run, so this
migration creates them first (django.contrib.auth.management.create_permissions is idempotent).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Moderators"

VIEW_ADD_CHANGE = ("view", "add", "change")

PERMISSIONS = {
    "scenes": {
        # The catalogue: moderators fix and publish, they do not delete (see above).
        "drama": VIEW_ADD_CHANGE,
        "actor": VIEW_ADD_CHANGE,
        "scene": VIEW_ADD_CHANGE,
        "trope": VIEW_ADD_CHANGE,
        "tropegroup": VIEW_ADD_CHANGE,
        # Cleaning: a wrong screenshot, a wrong trope on a scene, a stray alias or character goes.
        "character": (*VIEW_ADD_CHANGE, "delete"),
        "sceneimage": (*VIEW_ADD_CHANGE, "delete"),
        "scenetrope": (*VIEW_ADD_CHANGE, "delete"),
        "tropealias": (*VIEW_ADD_CHANGE, "delete"),
    },
    "community": {
        # Change is what the hide, unhide and dismiss actions ask for; delete removes a comment for good.
        "comment": ("view", "change", "delete"),
        # The moderators' queue (a proxy of Comment with its own permissions); deleting is done from comments.
        "reportedcomment": ("view", "change"),
        # Deleting a comment deletes its reports with it, and the admin's delete confirmation refuses unless
        # the moderator may delete everything a deletion takes along: so delete is needed here too.
        "commentreport": ("view", "change", "delete"),
        # Banning: any fan, also one who never had a profile (add).
        "fanprofile": VIEW_ADD_CHANGE,
        # Read only: for investigating abuse (vote rings, sock puppets).
        "vote": ("view",),
        "tropevote": ("view",),
        "favourite": ("view",),
    },
}


def moderator_permissions() -> set[tuple[str, str]]:
    """(app_label, codename) of every permission the group holds."""
    return {
        (app_label, f"{action}_{model}")
        for app_label, models in PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }


def create_moderators_group(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_config in apps.get_app_configs():
        app_config.models_module = True  # the migration state's app configs have none; create_permissions skips those
        create_permissions(app_config, apps=apps, verbosity=0, using=using)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = moderator_permissions()
    found = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.using(using)
        .filter(content_type__app_label__in=PERMISSIONS, codename__in={codename for _, codename in wanted})
        .select_related("content_type")
    }
    missing = wanted - found.keys()
    if missing:
        raise LookupError(f"Permissions for the Moderators group not found: {sorted(missing)}")
    group, _ = Group.objects.using(using).get_or_create(name=MODERATORS)
    group.permissions.set([found[key] for key in wanted])


def delete_moderators_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=MODERATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("scenes", "0007_scene_awkward_score"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_moderators_group, delete_moderators_group)]
