"""
What waits for the moderators, counted on the admin's index: submissions, fans' edits, proposed dramas and
reported comments, each linking to its queue. One query for all four, and only the queues the moderator may open.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.db.models import CharField, Count, QuerySet, Value
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import ngettext

from community.models import CommentReport
from scenes.models import DramaProposal, PendingScene, SceneEdit


@dataclass(frozen=True)
class Queue:
    name: str
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class Waiting:
    """One queue: who may open it, where it is, and what in it waits."""

    name: str
    label: Callable[[int], str]
    permission: str
    url_name: str
    query: dict
    waiting: Callable[[], QuerySet]
    counted: str = "pk"


WAITING = [
    Waiting(
        name="submissions",
        label=lambda n: ngettext("%(count)d submission waiting", "%(count)d submissions waiting", n),
        permission="scenes.view_scene",  # the queue's own rule: PendingSceneAdmin.has_view_permission
        url_name="admin:scenes_pendingscene_changelist",
        query={},
        waiting=lambda: PendingScene.objects.all(),
    ),
    Waiting(
        name="edits",
        label=lambda n: ngettext("%(count)d scene edit waiting", "%(count)d scene edits waiting", n),
        permission="scenes.view_sceneedit",
        url_name="admin:scenes_sceneedit_changelist",
        query={"status__exact": SceneEdit.Status.PENDING},
        waiting=lambda: SceneEdit.objects.filter(status=SceneEdit.Status.PENDING),
    ),
    Waiting(
        name="dramas",
        label=lambda n: ngettext("%(count)d proposed drama waiting", "%(count)d proposed dramas waiting", n),
        permission="scenes.view_dramaproposal",
        url_name="admin:scenes_dramaproposal_changelist",
        query={"status__exact": DramaProposal.Status.PENDING},
        waiting=lambda: DramaProposal.objects.filter(status=DramaProposal.Status.PENDING),
    ),
    Waiting(
        name="comments",
        label=lambda n: ngettext("%(count)d reported comment", "%(count)d reported comments", n),
        permission="community.view_reportedcomment",
        url_name="admin:community_reportedcomment_changelist",
        query={},
        # The queue lists comments with an open report: count those, not the reports.
        waiting=lambda: CommentReport.objects.filter(resolved_at=None),
        counted="comment",
    ),
]


def _counted(queue: Waiting) -> QuerySet:
    # An aggregate over the whole queryset under a constant label: one row, even when nothing waits.
    return (
        queue.waiting()
        .order_by()
        .annotate(queue=Value(queue.name, output_field=CharField()))
        .values("queue")
        .annotate(number=Count(queue.counted, distinct=queue.counted != "pk"))
        .values_list("queue", "number")
    )


def waiting_queues(user) -> list[Queue]:
    """The queues ``user`` may open, with how much waits in each, counted in a single query."""
    allowed = [queue for queue in WAITING if user.has_perm(queue.permission)]
    if not allowed:
        return []
    first, *rest = [_counted(queue) for queue in allowed]
    counts = dict(first.union(*rest, all=True) if rest else first)
    return [
        Queue(
            name=queue.name,
            label=queue.label(counts.get(queue.name, 0)) % {"count": counts.get(queue.name, 0)},
            count=counts.get(queue.name, 0),
            url=reverse(queue.url_name) + (f"?{urlencode(queue.query)}" if queue.query else ""),
        )
        for queue in allowed
    ]


def with_waiting_queues(index):
    """The admin index view, given what waits for the moderator (templates/admin/index.html shows it)."""

    if getattr(index, "shows_waiting_queues", False):
        return index  # wrapped once already

    @wraps(index)
    def view(request, extra_context=None):
        return index(request, extra_context={"waiting_queues": waiting_queues(request.user), **(extra_context or {})})

    view.shows_waiting_queues = True
    return view
