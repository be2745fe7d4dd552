"""The Moderators group: a staff user in it runs the site from admin, and can do no more than that."""

import importlib
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from community.models import Comment, FanProfile, Vote
from scenes.models import Drama, Scene
from tests.community_factories import CommentFactory, CommentReportFactory, FanFactory, VoteFactory
from tests.factories import UserFactory

# Spelled out here, not read from the migration, so that a change to the group is a change to this test.
EXPECTED_PERMISSIONS = {
    *(
        f"scenes.{action}_{model}"
        for model in (
            "drama",
            "actor",
            "character",
            "scene",
            "sceneimage",
            "scenetrope",
            "trope",
            "tropealias",
            "tropegroup",
        )
        for action in ("view", "add", "change")
    ),
    "scenes.delete_sceneimage",
    "scenes.delete_scenetrope",
    "scenes.delete_tropealias",
    "scenes.delete_character",
    "community.view_comment",
    "community.change_comment",
    "community.delete_comment",
    "community.view_reportedcomment",
    "community.change_reportedcomment",
    "community.view_commentreport",
    "community.change_commentreport",
    "community.delete_commentreport",
    "community.view_fanprofile",
    "community.add_fanprofile",
    "community.change_fanprofile",
    "community.view_vote",
    "community.view_tropevote",
    "community.view_favourite",
    # The submission queues (community migration 0004).
    "scenes.view_pendingscene",
    "scenes.change_pendingscene",
    "scenes.view_sceneedit",
    "scenes.change_sceneedit",
    "scenes.view_dramaproposal",
    "scenes.change_dramaproposal",
    "scenes.view_moderationlog",
    "scenes.view_searchmiss",
}


def sign_in_as_moderator(client, username: str = "modestine"):
    """A staff user in the Moderators group (not a superuser), signed in on ``client``."""
    moderator = UserFactory(username=username, is_staff=True, is_superuser=False)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    return moderator


@pytest.fixture
def moderator_client(client, db):
    sign_in_as_moderator(client)
    return client


def admin_url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


# The group


def test_the_moderators_group_holds_exactly_the_permissions_moderators_need(db):
    group = Group.objects.get(name="Moderators")

    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}

    assert held == EXPECTED_PERMISSIONS


def test_the_group_gives_nothing_on_accounts_and_no_deleting_of_the_catalogue(db):
    held = {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name="Moderators").permissions.all()}

    assert not {permission for permission in held if permission.startswith("auth.")}
    assert not held & {"scenes.delete_drama", "scenes.delete_scene", "scenes.delete_trope", "scenes.delete_actor"}


def test_the_migration_can_run_again_and_be_reversed(db):
    migration = importlib.import_module("community.migrations.0002_moderators_group")
    state = MigrationExecutor(connection).loader.project_state(("community", "0002_moderators_group"))
    schema_editor = SimpleNamespace(connection=connection)  # the functions only read its connection's alias
    before = set(Group.objects.get(name="Moderators").permissions.values_list("pk", flat=True))

    migration.create_moderators_group(state.apps, schema_editor)
    queues = importlib.import_module("community.migrations.0004_moderators_queues")
    queues.add_permissions(
        MigrationExecutor(connection).loader.project_state(("community", "0004_moderators_queues")).apps, schema_editor
    )

    assert set(Group.objects.get(name="Moderators").permissions.values_list("pk", flat=True)) == before
    migration.delete_moderators_group(state.apps, schema_editor)
    assert not Group.objects.filter(name="Moderators").exists()


# What a moderator can open and do


def test_a_moderator_is_staff_and_not_a_superuser(client, db):
    moderator = sign_in_as_moderator(client)

    assert moderator.is_staff
    assert not moderator.is_superuser


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:index"),
        admin_url(Comment, "changelist"),
        reverse("admin:community_reportedcomment_changelist"),
        admin_url(FanProfile, "changelist"),
        admin_url(FanProfile, "add"),
        admin_url(Vote, "changelist"),
        admin_url(Scene, "changelist"),
        admin_url(Scene, "add"),
        admin_url(Drama, "changelist"),
    ],
)
def test_a_moderator_can_open_the_pages_of_their_work(moderator_client, url):
    CommentReportFactory()

    assert moderator_client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_add"),
        reverse("admin:auth_group_changelist"),
        reverse("admin:auth_group_add"),
    ],
)
def test_a_moderator_cannot_manage_accounts_or_groups(moderator_client, url):
    assert moderator_client.get(url).status_code == 403


def test_a_moderator_cannot_open_a_fans_account_in_admin(moderator_client):
    fan = FanFactory()

    assert moderator_client.get(reverse("admin:auth_user_change", args=[fan.pk])).status_code == 403


def test_the_admin_index_offers_no_accounts_to_a_moderator(moderator_client):
    response = moderator_client.get(reverse("admin:index"))

    assert reverse("admin:auth_user_changelist") not in response.content.decode()
    assert admin_url(Comment, "changelist") in response.content.decode()


def test_a_moderator_cannot_delete_a_drama_or_a_scene(moderator_client, scene):
    assert moderator_client.get(admin_url(Scene, "delete", scene.pk)).status_code == 403
    assert moderator_client.get(admin_url(Drama, "delete", scene.drama_id)).status_code == 403


def test_a_moderator_can_hide_a_reported_comment_from_the_queue(moderator_client):
    report = CommentReportFactory(comment__body="Buy cheap umbrellas at my shop")

    response = moderator_client.post(
        reverse("admin:community_reportedcomment_changelist"),
        {"action": "hide", "_selected_action": [report.comment_id], "reason": "Advertising", "apply": "yes"},
    )

    assert response.status_code == 302
    comment = Comment.objects.get(pk=report.comment_id)
    assert comment.is_hidden
    assert comment.hidden_reason == "Advertising"


def test_a_moderator_can_delete_a_reported_comment(moderator_client):
    report = CommentReportFactory()

    response = moderator_client.post(
        admin_url(Comment, "changelist"),
        {"action": "delete_selected", "_selected_action": [report.comment_id], "post": "yes"},
    )

    assert response.status_code == 302
    assert not Comment.objects.filter(pk=report.comment_id).exists()


def test_a_moderator_can_ban_a_fan_the_site_holds_no_profile_for(moderator_client):
    fan = FanFactory(username="shopkeeper")

    response = moderator_client.post(
        admin_url(FanProfile, "add"), {"username": "shopkeeper", "is_banned": "on", "ban_reason": "Advertising"}
    )

    assert response.status_code == 302
    assert FanProfile.objects.get(user=fan).is_banned


def test_a_moderator_sees_votes_but_cannot_change_or_delete_them(moderator_client):
    vote = VoteFactory()

    assert moderator_client.get(admin_url(Vote, "change", vote.pk)).status_code == 200
    assert moderator_client.post(admin_url(Vote, "change", vote.pk), {"verdict": "awkward"}).status_code == 403
    assert moderator_client.get(admin_url(Vote, "delete", vote.pk)).status_code == 403
    assert Vote.objects.get(pk=vote.pk).verdict == "awesome"


def test_a_moderator_cannot_write_comments_in_admin(moderator_client):
    CommentFactory()

    assert moderator_client.get(admin_url(Comment, "add")).status_code == 403
