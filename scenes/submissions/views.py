"""Pages where fans add to the catalogue: submit a scene, edit it, propose a drama; the public moderation log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from community import ratelimit
from community.access import fan_action
from scenes.errors import add_errors
from scenes.models import Drama, Scene
from scenes.search.dramas import drama_named, dramas_like

from . import services as submissions
from .forms import DramaProposalForm, SceneForm, SubmissionForm

DRAMA_OPTIONS = 10  # Titles suggested in the drama box's list.


def _drama_from(value: str | None) -> Drama | None:
    value = (value or "").strip()
    if not value or len(value) > 200:
        return None
    return drama_named(value)


def _over_the_limit(request, drama: Drama | None, limited: ratelimit.RateLimited):
    """
    The form again with what the fan typed (read, not checked: no screenshot is decoded) and when they may send it,
    rather than a bare error page that loses their text.
    """
    form = SubmissionForm(drama=drama, fan=request.user)
    form.initial = {
        name: field.widget.value_from_datadict(request.POST, {}, form.add_prefix(name))
        for name, field in form.fields.items()
        if not name.startswith("screenshot_")
    }
    context = {"form": form, "drama": drama, "retry_minutes": -(-limited.retry_after // 60)}
    response = render(request, "scenes/submit.html", context, status=429)
    response["Retry-After"] = str(limited.retry_after)
    return response


# Every attempt counts under "submit_attempt"; a submission counts under "submit" only once it is accepted.
@fan_action("submit_attempt", post_only=False)
def submit(request):
    """One page: pick the drama (its characters then fill the lists), describe the hug, add screenshots."""
    drama = _drama_from(request.POST.get("drama") if request.method == "POST" else request.GET.get("drama"))
    if request.method == "POST":
        try:
            ratelimit.check(request, "submit", count=False)
        except ratelimit.RateLimited as limited:
            return _over_the_limit(request, drama, limited)
    form = SubmissionForm(
        request.POST or None,
        request.FILES or None,
        drama=drama,
        fan=request.user,
        initial={"drama": drama.title if drama else ""},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                scene = submissions.submit_scene(
                    fan=request.user,
                    drama=form.cleaned_data["drama"],
                    tropes=list(form.cleaned_data["tropes"]),
                    screenshots=form.screenshots(),
                    source=form.source(),
                    **form.scene_fields(),
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                ratelimit.record(request, "submit")
                # Named only if the fan may open them: other fans' pending submissions stay private.
                lookalikes = list(
                    Scene.objects.visible_to(request.user)
                    .filter(pk__in=submissions.lookalike_scenes(scene))
                    .values_list("pk", flat=True)
                )
                messages.success(request, _("Thank you! Your back hug waits for a moderator; only you can see it now."))
                if lookalikes:
                    messages.warning(
                        request,
                        _(
                            "One of your screenshots looks like a picture we already have (scene %(scenes)s); "
                            "moderators will check for a duplicate."
                        )
                        % {"scenes": ", ".join(str(pk) for pk in lookalikes)},
                    )
                return redirect(scene)
        status = 400
    return render(request, "scenes/submit.html", {"form": form, "drama": drama}, status=status)


@require_safe
def submit_characters(request):
    """The hugger/hugged lists for a drama, for the submission form to swap in (htmx) when the drama changes."""
    drama = _drama_from(request.GET.get("drama"))
    form = SubmissionForm(drama=drama, fan=request.user)
    return render(request, "scenes/_submit_characters.html", {"form": form, "drama": drama})


@require_safe
def drama_options(request):
    """
    The dramas a fan may mean by what they typed, by any title (English, Hangul, romanised, also-known-as),
    near misses included: <option>s for the form's datalist, matched as the catalogue's drama filter does.
    """
    text = (request.GET.get("drama") or request.GET.get("q") or "").strip()[:100]
    return render(request, "scenes/_drama_options.html", {"dramas": dramas_like(text, limit=DRAMA_OPTIONS)})


@fan_action("submit", post_only=False)
def propose_drama(request):
    form = DramaProposalForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            submissions.propose_drama(fan=request.user, **form.cleaned_data)
            messages.success(request, _("Thanks! A moderator will add the drama; then you can submit its back hugs."))
            return redirect("scenes:submit")
        status = 400
    return render(request, "scenes/propose_drama.html", {"form": form}, status=status)


def _own_scene(request, pk) -> Scene:
    scene = Scene.objects.select_related("drama").filter(pk=pk).first()
    if scene is None or not Scene.objects.visible_to(request.user).filter(pk=pk).exists():
        raise Http404(_("There is no back-hug scene number %(number)s you can edit.") % {"number": pk})
    if scene.submitted_by_id != request.user.pk:
        raise PermissionDenied(_("Only the fan who submitted a scene can edit it."))
    return scene


@fan_action("submit", post_only=False)
def edit(request, pk):
    scene = _own_scene(request, pk)
    initial = {
        "drama": scene.drama.title,
        "episode": scene.episode,
        "start": scene.start_seconds,  # the field writes seconds as mm:ss, and None (unknown) as empty
        "end": scene.end_seconds,
        "hugger": str(scene.hugger_id),
        "hugged": str(scene.hugged_id),
        "setting": scene.setting,
        "description": scene.description,
        "line_korean": scene.line_korean,
        "line_english": scene.line_english,
        "is_spoiler": scene.is_spoiler,
        "tropes": list(scene.tropes.curated()),
    }
    form = SceneForm(
        request.POST or None,
        drama=scene.drama,
        fan=request.user,
        initial=initial,
        has_sources=scene.sources.exists(),
    )
    form.fields["drama"].disabled = True
    status = 200
    if request.method == "POST":
        if form.is_valid():
            fields = form.scene_fields()
            hugger, hugged = fields.pop("hugger"), fields.pop("hugged")
            if isinstance(hugger, submissions.NewCharacter) or isinstance(hugged, submissions.NewCharacter):
                form.add_error("hugger", _("To add a new character, submit the scene again or ask a moderator."))
            else:
                changes = {**fields, "hugger_id": hugger.pk, "hugged_id": hugged.pk}
                try:
                    pending = submissions.edit_scene(
                        scene=scene, editor=request.user, changes=changes, tropes=list(form.cleaned_data["tropes"])
                    )
                except ValidationError as error:
                    add_errors(form, error)
                else:
                    if pending is None:
                        messages.success(request, _("Saved. Your scene still waits for a moderator."))
                    else:
                        messages.success(
                            request,
                            _("Thanks! Your changes wait for a moderator; until then the published version stays."),
                        )
                    return redirect(scene)
        status = 400
    return render(request, "scenes/scene_edit.html", {"form": form, "scene": scene}, status=status)
