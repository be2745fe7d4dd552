"""
Moderators run the catalogue from the admin: dramas and their casts here; the trope taxonomy
(scenes/admin/taxonomy.py); the scenes and their screenshots (scenes/admin/scenes.py); the queues of
submissions, edits and proposals (scenes/admin/moderation.py); the searches that found nothing
(scenes/admin/search.py).

Status changes go through scenes/moderation/publishing.py. The rules the database enforces with triggers
(scenes/models/db_rules.py) are also checked by the models' clean(), so a moderator reads a message instead of
meeting a server error (scenes/admin/base.py).
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from scenes.models import Actor, Character, Drama, StreamingLink
from scenes.naming import inline_name

from .base import DatabaseRulesAdmin, admin_link


class CharacterInline(admin.TabularInline):
    """The cast of a drama."""

    model = Character
    fields = ("name", "hangul_name", "actor", "gender", "role")
    autocomplete_fields = ("actor",)
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("drama", "actor")


class StreamingLinkInline(admin.TabularInline):
    """Where the drama streams; a scene links to the second its hug starts where the provider allows it."""

    model = StreamingLink
    fields = ("provider", "region", "episode", "url")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    extra = 1


class RoleInline(CharacterInline):
    """The characters an actor plays."""

    fields = ("drama", "name", "hangul_name", "gender", "role")
    autocomplete_fields = ("drama",)
    verbose_name = _("role")
    verbose_name_plural = _("roles")
    extra = 0


@admin.register(Drama)
class DramaAdmin(DatabaseRulesAdmin):
    list_display = ("title", "hangul_title", "year", "network", "episodes", "character_count", "scenes_link")
    list_filter = ("network", "year")
    search_fields = ("title", "hangul_title", "other_titles", "slug")
    ordering = ("title",)
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("poster_preview", "created_at")
    fields = (
        "title",
        "slug",
        "hangul_title",
        "other_titles",
        ("year", "network", "episodes"),
        "poster",
        "poster_preview",
        "created_at",
    )
    inlines = [CharacterInline, StreamingLinkInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .with_scene_counts()
            .annotate(character_count=Count("characters", distinct=True))
        )

    @admin.display(description=_("characters"), ordering="character_count")
    def character_count(self, drama):
        return drama.character_count

    @admin.display(description=_("published back hugs"), ordering="scene_count")
    def scenes_link(self, drama):
        url = reverse("admin:scenes_scene_changelist") + f"?drama__id__exact={drama.pk}&status__exact=published"
        return format_html('<a href="{}">{}</a>', url, drama.scene_count)

    @admin.display(description=_("poster preview"))
    def poster_preview(self, drama):
        if not drama.poster:
            return "—"
        return format_html('<img src="{}" alt="Poster of {}" width="160" style="height:auto">', drama.poster.url, drama)


@admin.register(Actor)
class ActorAdmin(DatabaseRulesAdmin):
    list_display = ("name", "hangul_name", "role_count")
    search_fields = ("name", "hangul_name", "slug")
    ordering = ("name",)
    prepopulated_fields = {"slug": ("name",)}
    inlines = [RoleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_count=Count("roles"))

    @admin.display(description=_("roles"), ordering="role_count")
    def role_count(self, actor):
        return actor.role_count


@admin.register(Character)
class CharacterAdmin(DatabaseRulesAdmin):
    list_display = ("name", "hangul_name", "drama_link", "actor", "gender", "role")
    list_filter = ("role", "gender", "drama")
    search_fields = ("name", "hangul_name", "actor__name", "actor__hangul_name", "drama__title", "drama__hangul_title")
    ordering = ("drama__title", "name")
    autocomplete_fields = ("drama", "actor")

    def get_queryset(self, request):
        # The changelist and the hugger/hugged autocomplete: a character's name shows their drama's title.
        # (The admin ignores list_select_related once get_queryset() has selected related rows itself.)
        return super().get_queryset(request).select_related("drama", "actor")

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # The scene form sends the drama it has selected (templates/admin/scenes/scene/change_form.html):
        # offer only that drama's characters as hugger and hugged.
        asking = (request.GET.get("app_label"), request.GET.get("model_name"), request.GET.get("field_name"))
        drama = request.GET.get("drama", "")
        if asking in {("scenes", "scene", "hugger"), ("scenes", "scene", "hugged")} and drama.isdigit():
            queryset = queryset.filter(drama_id=int(drama))
        return queryset, may_have_duplicates

    @admin.display(description=_("drama"), ordering="drama__title")
    def drama_link(self, character):
        return admin_link(character.drama, inline_name(character.drama))
