"""Catalogue pages: thin views that parse the request, call a queryset and render."""

from django.conf import settings
from django.db import connection
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from community.selectors import scene_page_context, thread_context

from .facets import trope_counts, trope_facets, without_value
from .filters import SceneFilter
from .models import Actor, Drama, Scene, Trope, TropeGroup
from .pagination import PageError, paginate


@require_safe
def home(request):
    published = Scene.objects.published().for_cards()
    context = {
        "featured": published.filter(is_featured=True).newest_first()[:3],
        "latest": published.newest_first()[:6],
        "favourites": published.filter(favourite_count__gt=0).order_by("-favourite_count", "-awesome_score")[:6],
        "dramas": Drama.objects.with_scene_counts().filter(scene_count__gt=0).order_by("-scene_count", "title")[:8],
        "groups": TropeGroup.objects.prefetch_related(Prefetch("tropes", queryset=Trope.objects.order_by("position"))),
        "totals": {
            "scenes": Scene.objects.published().count(),
            "dramas": Drama.objects.count(),
        },
    }
    return render(request, "scenes/home.html", context)


@require_safe
def scene_list(request):
    filterset = SceneFilter(request.GET, queryset=Scene.objects.published().for_cards())
    status, message, page = 200, "", None
    if not filterset.is_valid():
        status = 400
        message = "Some filters could not be used; fix them below to see scenes."
    else:
        try:
            page = paginate(filterset.qs, request.GET.get("page"), per_page=settings.SCENES_PER_PAGE)
        except PageError as error:
            status, message = error.status, error.message
    included, excluded = filterset.chosen("trope"), filterset.chosen("exclude")
    context = {
        "filter": filterset,
        "page": page,
        "message": message,
        "included": included,
        "excluded": excluded,
        "facet_groups": trope_facets(filterset.qs, request.GET, included=included, excluded=excluded)
        if status == 200
        else [],
        "chosen_drama": filterset.chosen("drama"),
        "chosen_actor": filterset.chosen("actor"),
        "clear_urls": {name: without_value(request.GET, name) for name in ("q", "drama", "actor")},
        "hidden_tropes": {"trope": [t.slug for t in included], "exclude": [t.slug for t in excluded]},
    }
    return render(request, "scenes/scene_list.html", context, status=status)


@require_safe
def scene_detail(request, pk):
    scene = Scene.objects.visible_to(request.user).for_cards().filter(pk=pk).first()
    if scene is None or (scene.merged_into_id and scene.submitted_by_id != request.user.pk):
        merged_into = Scene.objects.filter(pk=pk).values_list("merged_into", flat=True).first()
        if merged_into:  # A duplicate merged away: its old URL leads to the scene it became part of.
            return redirect("scenes:scene-detail", pk=merged_into, permanent=True)
        raise Http404(f"There is no back-hug scene number {pk} in the catalogue (or it is not published yet).")
    more = Scene.objects.published().for_cards().filter(drama=scene.drama).exclude(pk=scene.pk).in_story_order()[:4]
    context = {**scene_page_context(scene, request.user), "more_from_drama": more}
    return render(request, "scenes/scene_detail.html", context)


@require_safe
def drama_list(request):
    dramas = Drama.objects.with_scene_counts().order_by("title")
    return render(request, "scenes/drama_list.html", {"dramas": dramas})


@require_safe
def drama_detail(request, slug):
    drama = Drama.objects.filter(slug=slug).first()
    if drama is None:
        raise Http404("We have no drama at this address. The list of dramas has every one we catalogue.")
    characters = drama.characters.filter(is_confirmed=True).select_related("actor").order_by("role", "name")
    scenes = Scene.objects.published().filter(drama=drama)
    context = {
        "drama": drama,
        "characters": characters,
        "scenes": scenes.for_cards().in_story_order(),
        "stats": scenes.classification_totals(),
        **thread_context(drama, request.user),
    }
    return render(request, "scenes/drama_detail.html", context)


@require_safe
def actor_detail(request, slug):
    actor = Actor.objects.filter(slug=slug).first()
    if actor is None:
        raise Http404("We have no actor at this address.")
    published = Scene.objects.published().for_cards().in_story_order()
    context = {
        "actor": actor,
        "roles": actor.roles.select_related("drama").order_by("-drama__year"),
        "given": published.filter(hugger__actor=actor),
        "received": published.filter(hugged__actor=actor),
    }
    return render(request, "scenes/actor_detail.html", context)


@require_safe
def trope_list(request):
    counts = trope_counts(Scene.objects.published())
    groups = TropeGroup.objects.prefetch_related(Prefetch("tropes", queryset=Trope.objects.prefetch_related("aliases")))
    for group in groups:
        for trope in group.tropes.all():
            trope.scene_count = counts.get(trope.pk, 0)
    return render(request, "scenes/trope_list.html", {"groups": groups})


@require_safe
def trope_detail(request, slug):
    trope = Trope.objects.resolve(slug)
    if trope is None:
        raise Http404("No trope by that name. The trope guide lists every one we know.")
    if trope.slug != slug:
        return redirect(trope, permanent=True)  # A fan's word or alias leads to the one canonical URL.
    scenes = Scene.objects.published().for_cards().with_all_tropes([trope]).newest_first()
    status, message, page = 200, "", None
    try:
        page = paginate(scenes, request.GET.get("page"), per_page=settings.SCENES_PER_PAGE)
    except PageError as error:
        status, message = error.status, error.message
    context = {
        "trope": trope,
        "aliases": trope.aliases.all(),
        "page": page,
        "message": message,
        "related": Trope.objects.filter(group=trope.group).exclude(pk=trope.pk).select_related("group"),
    }
    return render(request, "scenes/trope_detail.html", context, status=status)


@never_cache
@require_safe
def healthz(request):
    """Liveness and database check for a load balancer: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # Any failure to reach the database means this instance should get no traffic.
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
