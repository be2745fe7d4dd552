"""The admin's index tells a moderator what waits for them, each count leading to its queue."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from scenes.models import DramaProposal, SceneEdit
from tests.community_factories import CommentReportFactory
from tests.factories import SceneFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")


@pytest.fixture
def moderator_client(client, db):
    moderator = UserFactory(username="counter", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    return client


def some_work_waiting():
    """Two submissions, one fan's edit, one proposed drama, a comment reported twice and one reported once."""
    for _ in range(2):
        SceneFactory(status="pending", published_at=None)
    SceneFactory(status="rejected", published_at=None)  # decided: not waiting
    edited = SceneFactory()
    SceneEdit.objects.create(scene=edited, editor=UserFactory(), changes={"setting": "a pier"})
    SceneEdit.objects.create(scene=edited, editor=UserFactory(), changes={"setting": "a bridge"}, status="accepted")
    DramaProposal.objects.create(proposer=UserFactory(), title="Secret Garden", year=2010, network="SBS", episodes=20)
    twice = CommentReportFactory()
    CommentReportFactory(comment=twice.comment)
    CommentReportFactory()
    CommentReportFactory(resolved_at=timezone.now())  # handled: not waiting


def counts(response) -> dict[str, int]:
    return {queue.name: queue.count for queue in response.context["waiting_queues"]}


def test_the_index_counts_what_waits_in_each_queue(moderator_client):
    some_work_waiting()

    response = moderator_client.get(INDEX)

    assert counts(response) == {"submissions": 2, "edits": 1, "dramas": 1, "comments": 2}
    text = response.content.decode()
    assert "2 submissions waiting" in text
    assert "1 scene edit waiting" in text
    assert "1 proposed drama waiting" in text
    assert "2 reported comments" in text


def test_each_count_links_to_its_filtered_queue(moderator_client):
    text = moderator_client.get(INDEX).content.decode()

    assert f'href="{reverse("admin:scenes_pendingscene_changelist")}"' in text
    assert f'href="{reverse("admin:scenes_sceneedit_changelist")}?status__exact=pending"' in text
    assert f'href="{reverse("admin:scenes_dramaproposal_changelist")}?status__exact=pending"' in text
    assert f'href="{reverse("admin:community_reportedcomment_changelist")}"' in text


def test_nothing_waiting_reads_as_zero(moderator_client):
    assert counts(moderator_client.get(INDEX)) == {"submissions": 0, "edits": 0, "dramas": 0, "comments": 0}


def test_a_staff_member_sees_only_the_queues_they_may_open(client):
    staff = UserFactory(username="commentsonly", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_reportedcomment"))
    client.force_login(staff)
    some_work_waiting()

    assert counts(client.get(INDEX)) == {"comments": 2}


def test_the_counts_cost_one_query_whatever_waits(moderator_client, django_assert_max_num_queries):
    some_work_waiting()
    some_work_waiting()
    moderator_client.get(INDEX)  # warm the content types

    # The user and their permissions (3), the counts (1), the recent actions (1).
    with django_assert_max_num_queries(5):
        response = moderator_client.get(INDEX)

    assert counts(response)["submissions"] == 4
