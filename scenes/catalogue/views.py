"""Catalogue pages: thin views that parse the request, call a queryset and render."""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from community import ratelimit
from community.access import too_many
from community.preferences.viewer import viewer_preferences
from community.selectors import own_scene_parts, scene_page_context, thread_context, verdict_context
from edge.freshness import shared_page
from scenes.freshness import DRAMA_PAGE, SCENE_PAGE
from scenes.models import Drama, Scene, StreamingLink, Trope
from scenes.pagination import requested_page
from scenes.search.misses import note_search_miss
from scenes.search.suggestions import suggestions

from .actors import actor_index, with_dramas
from .cards import render_cards
from .facets import trope_facets, with_only, without_value
from .filters import SEARCH_MAX_LENGTH, SceneFilter
from .finder import closest_scenes, keep_uploads_in_memory
from .forms import ActorIndexForm, FindSceneForm
from .parts import actor_page, drama_page, front_page, more_from_drama, published_scene_page, trope_guide_page
from .watch import watch_options


@require_safe
def home(request):
    parts = front_page(viewer_preferences(request))
    daily = parts["daily"]
    context = {**parts, "daily_verdict": verdict_context(daily, request.user) if daily else None}
    return render(request, "scenes/home.html", context)


def catalogue_filter(params, viewer) -> SceneFilter:
    filterset = SceneFilter(params, queryset=Scene.objects.published().for_cards())
    # Tropes the fan hides stay out, unless they asked for one in this very search.
    filterset.queryset = filterset.queryset.for_viewer(viewer, allow=filterset.chosen("trope"))
    return filterset


@require_safe
def scene_list(request):
    viewer = viewer_preferences(request)
    filterset = catalogue_filter(request.GET, viewer)
    status, message, page = 200, "", None
    drama = filterset.chosen("drama")
    if drama and request.GET.get("drama") != drama.slug:
        # A title typed in the filter form: the shared URL names the drama by its slug, as every link does.
        return redirect(request.path + with_only(request.GET, "drama", drama.slug))
    unknown_drama = filterset.unknown_drama()
    if unknown_drama:
        # A drama that is none (a typo, a title we lack): the catalogue under the other filters, the dramas it
        # may mean above it, and a 400 (the address names nothing; the page is still one a reader can use).
        others = request.GET.copy()
        others.pop("drama")
        filterset = catalogue_filter(others, viewer)
    if not filterset.is_valid():
        status = 400
        message = _("Some filters could not be used; fix them below to see scenes.")
    else:
        shown = requested_page(request, filterset.results(), per_page=settings.SCENES_PER_PAGE)
        status, message, page = shown.status, shown.message, shown.page
        if page is not None and not page.paginator.count:
            note_search_miss(filterset)  # What readers look for and the catalogue lacks, for moderators.
    if unknown_drama and status == 200:
        status = 400
    included, excluded = filterset.chosen("trope"), filterset.chosen("exclude")
    context = {
        "filter": filterset,
        "page": page,
        "message": message,
        "included": included,
        "excluded": excluded,
        "facet_groups": trope_facets(
            filterset.qs,
            filterset.data,
            included=included,
            excluded=excluded,
            empty=not page.paginator.count,
            ids=filterset.result_ids(),
            total=page.paginator.count,
        )
        if page is not None
        else [],
        "chosen_drama": drama,
        # A drama= that names none: what was typed, and each drama it may mean with its catalogue address.
        "unknown_drama": unknown_drama and unknown_drama[0],
        "dramas_meant": [(near, with_only(filterset.data, "drama", near.slug)) for near in unknown_drama[1]]
        if unknown_drama
        else [],
        "chosen_actor": filterset.chosen("actor"),
        "clear_urls": {name: without_value(filterset.data, name) for name in ("q", "drama", "actor")},
        "hidden_tropes": {"trope": [t.slug for t in included], "exclude": [t.slug for t in excluded]},
        "canonical_keep": "catalogue",  # The filters make the page: its canonical URL keeps them.
        # Said above the results, so a fan knows why scenes are missing.
        "left_out": [trope for trope in viewer.hidden_tropes if trope not in included],
    }
    return render(request, "scenes/scene_list.html", context, status=status)


# Kept until the scene changes; the cards of other scenes below it show counts at most a minute old.
@shared_page(depends_on=SCENE_PAGE, fresh_for=60)
@require_safe
def scene_detail(request, pk):
    shared = published_scene_page(pk, viewer_preferences(request))
    if shared is not None:
        scene = shared["scene"]
        context = {
            **own_scene_parts(shared, request.user),
            "watch": watch_options(scene, StreamingLink.of_drama(scene.drama_id)),
        }
        return render(request, "scenes/scene_detail.html", context)
    # Not public: its submitter (or a moderator) may still see it; a duplicate merged away redirects.
    scene = (
        Scene.objects.visible_to(request.user)
        .for_cards()
        .with_actors()
        .select_related("duel_rating")
        .with_sources()
        .filter(pk=pk)
    ).first()
    if scene is None or (scene.merged_into_id and scene.submitted_by_id != request.user.pk):
        merged_into = Scene.objects.filter(pk=pk).values_list("merged_into", flat=True).first()
        if merged_into:  # A duplicate merged away: its old URL leads to the scene it became part of.
            return redirect("scenes:scene-detail", pk=merged_into, permanent=True)
        raise Http404(
            _("There is no back-hug scene number %(number)s in the catalogue (or it is not published yet).")
            % {"number": pk}
        )
    context = {
        **scene_page_context(scene, request.user),
        "more_from_drama": more_from_drama(scene, viewer_preferences(request)),
        "watch": watch_options(scene, StreamingLink.of_drama(scene.drama_id)),
    }
    return render(request, "scenes/scene_detail.html", context)


@require_safe
def drama_list(request):
    dramas = Drama.objects.with_scene_counts().order_by("title", "pk")
    shown = requested_page(request, dramas, per_page=settings.DRAMAS_PER_PAGE)
    context = {"page": shown.page, "message": shown.message}
    return render(request, "scenes/drama_list.html", context, status=shown.status)


@shared_page(depends_on=DRAMA_PAGE)
@require_safe
def drama_detail(request, slug):
    drama = Drama.objects.filter(slug=slug).first()
    if drama is None:
        raise Http404(_("We have no drama at this address. The list of dramas has every one we catalogue."))
    viewer = viewer_preferences(request)
    parts = drama_page(drama, viewer)
    context = {
        **parts,
        "drama": drama,
        "watched": viewer.watched.get(drama.pk),
        "streaming_links": StreamingLink.of_drama(drama.pk),
        **thread_context(drama, request.user, thread=parts["thread"]),
    }
    return render(request, "scenes/drama_detail.html", context)


# Kept for anonymous readers like the other lists (edge.freshness.LIST_SECONDS, and until the site changes: a scene
# published, an actor saved); nothing on it is a fan's own.
@shared_page
@require_safe
def actor_list(request):
    form = ActorIndexForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "page": None, "actors": []}
        return render(request, "scenes/actor_list.html", context, status=400)
    text, sort = form.cleaned_data["q"], form.cleaned_data["sort"]
    shown = requested_page(request, actor_index(text=text, sort=sort), per_page=settings.ACTORS_PER_PAGE)
    context = {
        "form": form,
        "query": text,
        "sort": sort,
        "page": shown.page,
        "actors": with_dramas(shown.page.object_list) if shown.page else [],
        "message": shown.message,
    }
    return render(request, "scenes/actor_list.html", context, status=shown.status)


@require_safe
def actor_detail(request, slug):
    parts = actor_page(slug, viewer_preferences(request))
    if parts is None:
        raise Http404(_("We have no actor at this address."))
    return render(request, "scenes/actor_detail.html", parts)


@require_safe
def trope_list(request):
    return render(request, "scenes/trope_list.html", {"groups": trope_guide_page(viewer_preferences(request))})


@require_safe
def trope_detail(request, slug):
    trope = Trope.objects.resolve(slug)
    if trope is None:
        raise Http404(_("No trope by that name. The trope guide lists every one we know."))
    if trope.slug != slug:
        return redirect(trope, permanent=True)  # A fan's word or alias leads to the one canonical URL.
    scenes = Scene.objects.published().for_cards().with_all_tropes([trope]).latest_published()
    scenes = scenes.for_viewer(viewer_preferences(request), allow=[trope])
    shown = requested_page(request, scenes, per_page=settings.SCENES_PER_PAGE)
    context = {
        "trope": trope,
        "aliases": trope.aliases.all(),
        "page": shown.page,
        "message": shown.message,
        "related": Trope.objects.filter(group=trope.group).exclude(pk=trope.pk).select_related("group"),
    }
    return render(request, "scenes/trope_detail.html", context, status=shown.status)


@require_safe
def search_suggest(request):
    """Dramas, actors and tropes matching what a reader is typing: an HTML list for htmx, or JSON."""
    text = request.GET.get("q", "")[:SEARCH_MAX_LENGTH].strip()
    groups = suggestions(text)
    if request.GET.get("format") == "json" or "application/json" in request.headers.get("Accept", ""):
        found = {group.kind + "s": [item.as_json() for item in group.items] for group in groups}
        return JsonResponse({"query": text, **found})
    shown = [group for group in groups if group.items]
    context = {"groups": shown, "total": sum(len(group.items) for group in shown), "query": text}
    return render(request, "scenes/_suggestions.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def find_scene(request):
    """Find a scene from a screenshot (uploaded or pasted): the closest published scenes, and how close each is.

    Its uploads stay in memory (finder.ScreenshotSearchUploadsMiddleware set that before the form was read)."""
    form, matches, status = FindSceneForm(), None, 200
    if request.method == "POST":
        handler = keep_uploads_in_memory(request)
        try:
            ratelimit.check(request, "find_scene")
        except ratelimit.RateLimited as limited:
            return too_many(request, limited)
        form = FindSceneForm(request.POST, request.FILES, refusal=handler.refusal())
        if form.is_valid():
            matches = closest_scenes(form.cleaned_data["screenshot"])
        else:
            status = 400
    results = list(zip(matches, render_cards([m.scene for m in matches], request), strict=True)) if matches else []
    context = {"form": form, "searched": matches is not None, "results": results}
    return render(request, "scenes/find.html", context, status=status)
