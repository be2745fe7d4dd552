"""
The review screen of one pending submission (/admin/scenes/scene/<id>/review/): everything a moderator needs to
decide on one page (screenshots, times, who hugs whom, tropes, the submitter, likely duplicates side by side) and
the decisions as buttons: publish, reject with a reason, merge into a duplicate. Each decision goes through the
moderation services (the log, kept pages, the submitter's notification) and leads on to the next submission.
"""

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, Prefetch, Q, Value, When
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from scenes.models import PendingScene, Scene, SceneImage, SceneTrope, Trope
from scenes.moderation import decisions, publishing
from scenes.naming import inline_name
from scenes.submissions.services import lookalike_scenes, near_duplicates
from scenes.timecodes import format_timecode

# Duplicates side by side: the published scenes first (those a submission can be merged into), then those waiting,
# then those turned down before.
STATUS_ORDER = Case(
    When(status=Scene.Status.PUBLISHED, then=Value(0)),
    When(status=Scene.Status.PENDING, then=Value(1)),
    default=Value(2),
)

# The same limit as a reason given in the queue's reject action (community.admin.base.ReasonForm).
REASON_LENGTH = 300


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why not"),
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=gettext_lazy("The submitter reads this in their notification and on their profile."),
        error_messages={"required": gettext_lazy("Say why the submission is rejected: the fan reads it.")},
    )


class MergeForm(forms.Form):
    into = forms.IntegerField(
        min_value=1,
        error_messages={
            "required": gettext_lazy("Give the number of the scene to merge into."),
            "invalid": gettext_lazy("Give the number of the scene to merge into."),
            "min_value": gettext_lazy("Give the number of the scene to merge into."),
        },
    )
    reason = forms.CharField(max_length=REASON_LENGTH, required=False)


@dataclass
class Duplicate:
    """A scene that may show the same back hug, and why the moderator is shown it."""

    scene: Scene
    same_moment: bool = False
    similar_screenshot: bool = False
    can_merge_into: bool = False

    @property
    def screenshot(self) -> SceneImage | None:
        screenshots = self.scene.images.all()  # prefetched
        return screenshots[0] if screenshots else None

    @property
    def time(self) -> str:
        return time_in_episode(self.scene.start_seconds)


@dataclass
class Review:
    """What the review screen shows of one submission (review_of() gathers it)."""

    scene: Scene
    screenshots: list[SceneImage]
    derived_tropes: list[Trope]
    attached: list[SceneTrope]
    duplicates: list[Duplicate] = field(default_factory=list)
    waiting: int = 0
    next: Scene | None = None
    sources: list = field(default_factory=list)
    record: dict | None = None  # the submitter's earlier submissions, published and rejected

    @property
    def start(self) -> str:
        return time_in_episode(self.scene.start_seconds)

    @property
    def times(self) -> str:
        """``20:34 – 20:50 (16 s)``: the times as fans write them, never bare seconds."""
        start, end = self.scene.start_seconds, self.scene.end_seconds
        if start is None:
            return _("not given")
        if end is None or end <= start:
            return time_in_episode(start)
        return _("%(start)s – %(end)s (%(seconds)d s)") % {
            "start": time_in_episode(start),
            "end": time_in_episode(end),
            "seconds": end - start,
        }

    @property
    def summary(self) -> str:
        scene = self.scene
        if scene.episode is None:
            return inline_name(scene.drama)
        return _("%(drama)s, episode %(episode)d at %(time)s") % {
            "drama": inline_name(scene.drama),
            "episode": scene.episode,
            "time": self.start,
        }


def time_in_episode(seconds: int | None) -> str:
    return format_timecode(seconds) if seconds is not None else "—"


def submission(scene_id: int) -> Scene:
    """The scene as the review screen shows it, in one query plus its screenshots and tropes."""
    scenes = Scene.objects.select_related("drama", "hugger__actor", "hugged__actor", "submitted_by").prefetch_related(
        Prefetch("images", queryset=SceneImage.objects.order_by("position", "id")),
        Prefetch("scene_tropes", queryset=SceneTrope.objects.select_related("trope").order_by("trope__name")),
    )
    return get_object_or_404(scenes, pk=scene_id)


def duplicates_of(scene: Scene, screenshots: list[SceneImage]) -> list[Duplicate]:
    """
    Same episode within a minute, or a near copy of one of its screenshots (the queue's own rules,
    scenes.submissions.services), loaded together for the side-by-side view.
    """
    same_moment = set()
    if scene.episode is not None and scene.start_seconds is not None:
        nearby = near_duplicates(drama=scene.drama, episode=scene.episode, start_seconds=scene.start_seconds)
        same_moment = set(nearby.exclude(pk=scene.pk).values_list("pk", flat=True))
    # lookalike_scenes reads scene.images.all(): the prefetched screenshots, so only the hash lookups run.
    similar = set(lookalike_scenes(scene)) if any(image.perceptual_hash for image in screenshots) else set()
    if not same_moment | similar:
        return []
    found = (
        Scene.objects.filter(pk__in=same_moment | similar)
        .select_related("drama", "hugger", "hugged")
        .prefetch_related(Prefetch("images", queryset=SceneImage.objects.order_by("position", "id")))
        .order_by(STATUS_ORDER, "pk")
    )
    return [
        Duplicate(
            scene=other,
            same_moment=other.pk in same_moment,
            similar_screenshot=other.pk in similar,
            can_merge_into=merge_refusal(scene, other) is None,
        )
        for other in found
    ]


def merge_refusal(scene: Scene, into: Scene | None) -> str | None:
    """Why ``scene`` cannot be merged into ``into`` from this screen, or None when it can."""
    if into is None:
        return _("There is no scene with that number.")
    if into.pk == scene.pk:
        return _("A submission cannot be merged into itself.")
    if into.status != Scene.Status.PUBLISHED or into.merged_into_id:
        # Folding into a scene readers cannot see would hide the fans' votes and comments along with it.
        return _("Merge only into a published scene; scene %(number)d is not published.") % {"number": into.pk}
    if into.drama_id != scene.drama_id:
        return _("Only scenes of the same drama can be merged.")
    return None


def review_of(scene: Scene) -> Review:
    screenshots = list(scene.images.all())
    return Review(
        scene=scene,
        screenshots=screenshots,
        derived_tropes=scene.derived_tropes() if scene.hugger_id else [],
        attached=list(scene.scene_tropes.all()),
        duplicates=duplicates_of(scene, screenshots),
        waiting=PendingScene.objects.count(),
        next=next_pending(scene),
        record=submitters_record(scene),
    )


def submitters_record(scene: Scene) -> dict | None:
    """How the submitter's other submissions were decided: a trusted fan's scene reads differently from a first."""
    if scene.submitted_by_id is None:
        return None
    theirs = Scene.objects.filter(submitted_by=scene.submitted_by_id, merged_into__isnull=True).exclude(pk=scene.pk)
    return theirs.aggregate(
        published=Count("pk", filter=Q(status=Scene.Status.PUBLISHED)),
        rejected=Count("pk", filter=Q(status=Scene.Status.REJECTED)),
    )


def is_waiting(scene: Scene) -> bool:
    return scene.status == Scene.Status.PENDING and not scene.merged_into_id


def next_pending(after: Scene) -> Scene | None:
    """The submission waiting after ``after`` in the queue's order (oldest first), else the oldest still waiting."""
    waiting = PendingScene.objects.exclude(pk=after.pk).order_by("created_at", "pk")
    later = Q(created_at__gt=after.created_at) | Q(created_at=after.created_at, pk__gt=after.pk)
    return waiting.filter(later).first() or waiting.first()


class ReviewViews:
    """The review screen's page and its three decisions, as views of the scene admin (its permissions, its site)."""

    def __init__(self, model_admin):
        self.model_admin = model_admin
        self.site = model_admin.admin_site

    def urls(self) -> list:
        wrap = self.site.admin_view
        return [
            path("<int:object_id>/review/", wrap(self.page), name="scenes_scene_review"),
            path("<int:object_id>/review/publish/", wrap(self.publish), name="scenes_scene_review_publish"),
            path("<int:object_id>/review/reject/", wrap(self.reject), name="scenes_scene_review_reject"),
            path("<int:object_id>/review/merge/", wrap(self.merge), name="scenes_scene_review_merge"),
        ]

    # The page

    def page(self, request, object_id, *, reject_form=None, merge_error="", status=200):
        if not self.model_admin.has_view_permission(request):
            raise PermissionDenied
        scene = submission(object_id)
        review = review_of(scene)
        can_decide = self.model_admin.has_change_permission(request, scene)
        context = {
            **self.site.each_context(request),
            "title": _("Review a submission"),
            "subtitle": inline_name(scene.drama),
            "opts": self.model_admin.opts,
            "review": review,
            "scene": scene,
            "is_pending": is_waiting(scene),
            "can_decide": can_decide,
            "reject_form": reject_form or RejectForm(),
            "merge_error": merge_error,
        }
        request.current_app = self.site.name
        return TemplateResponse(request, "admin/scenes/review.html", context, status=status)

    # The decisions: POST only, by moderators who may change scenes, each on to the next submission.

    def decision(self, request, object_id) -> Scene:
        if not self.model_admin.has_change_permission(request):
            raise PermissionDenied
        return get_object_or_404(Scene.objects.select_related("drama", "hugger", "hugged"), pk=object_id)

    def already_decided(self, request, scene: Scene):
        """A second moderator (or a second click) came too late: say so, change nothing, go on."""
        messages.warning(request, _("Scene %(number)d was already decided.") % {"number": scene.pk})
        return self.onwards(request, scene)

    @method_decorator(require_POST)
    def publish(self, request, object_id):
        scene = self.decision(request, object_id)
        if not is_waiting(scene) or not publishing.publish_scenes(scenes=[scene], moderator=request.user):
            return self.already_decided(request, scene)
        messages.success(request, _("Scene %(number)d published.") % {"number": scene.pk})
        return self.onwards(request, scene)

    @method_decorator(require_POST)
    def reject(self, request, object_id):
        scene = self.decision(request, object_id)
        if not is_waiting(scene):
            return self.already_decided(request, scene)
        form = RejectForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Nothing was rejected: the fan needs a reason."))
            return self.page(request, object_id, reject_form=form, status=400)
        if not publishing.reject_scenes(scenes=[scene], moderator=request.user, reason=form.cleaned_data["reason"]):
            return self.already_decided(request, scene)
        messages.success(request, _("Scene %(number)d rejected; the submitter is told why.") % {"number": scene.pk})
        return self.onwards(request, scene)

    @method_decorator(require_POST)
    def merge(self, request, object_id):
        scene = self.decision(request, object_id)
        if not is_waiting(scene):
            return self.already_decided(request, scene)
        form = MergeForm(request.POST)
        if not form.is_valid():
            return self.refuse_merge(request, object_id, " ".join(form.errors.get("into", [])) or _("Try again."))
        into = Scene.objects.filter(pk=form.cleaned_data["into"]).first()
        refusal = merge_refusal(scene, into)
        if refusal:
            return self.refuse_merge(request, object_id, refusal)
        try:
            reason = form.cleaned_data["reason"]
            decisions.merge_scene(duplicate=scene, into=into, moderator=request.user, reason=reason)
        except ValidationError as error:
            return self.refuse_merge(request, object_id, " ".join(error.messages))
        messages.success(
            request,
            _("Scene %(number)d merged into scene %(into)d: votes, comments and screenshots moved.")
            % {"number": scene.pk, "into": into.pk},
        )
        return self.onwards(request, scene)

    def refuse_merge(self, request, object_id, reason: str):
        messages.error(request, _("Nothing was merged: %(reason)s") % {"reason": reason})
        return self.page(request, object_id, merge_error=reason, status=400)

    def onwards(self, request, decided: Scene):
        following = next_pending(decided)
        if following is None:
            messages.info(request, _("No other submission is waiting."))
            return HttpResponseRedirect(reverse("admin:scenes_pendingscene_changelist", current_app=self.site.name))
        return HttpResponseRedirect(
            reverse("admin:scenes_scene_review", args=[following.pk], current_app=self.site.name)
        )
