"""
Scenes in the admin: the queue of submitted scenes (publish, unpublish, reject, feature), their tropes and
screenshots. Status changes go through scenes/moderation/publishing.py.
"""

import copy
import uuid
from functools import cached_property

from django import forms
from django.contrib import admin, messages
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext, gettext_lazy, ngettext
from django.utils.translation import gettext_lazy as _

from scenes.models import Scene, SceneImage, SceneTrope, Trope
from scenes.moderation import publishing as services
from scenes.naming import first_name, inline_name
from scenes.submissions import images

from .base import DatabaseRulesAdmin, admin_link, image_preview
from .review import ReviewViews
from .sources import DocumentedFilter, SceneSourceInline


class TropeListFilter(admin.SimpleListFilter):
    """Scenes carrying one trope, asked the way the catalogue asks it: Trope.scene_condition()."""

    def all_tropes(self) -> list[Trope]:
        raise NotImplementedError

    @cached_property
    def tropes(self) -> list[Trope]:
        return self.all_tropes()

    def lookups(self, request, model_admin):
        return [(trope.slug, trope.name) for trope in self.tropes]

    def queryset(self, request, queryset):
        trope = next((trope for trope in self.tropes if trope.slug == self.value()), None)
        return queryset.filter(trope.scene_condition()) if trope else queryset


class ClassificationFilter(TropeListFilter):
    title = _("classification (from the hugger)")
    parameter_name = "classification"

    def all_tropes(self):
        return Trope.objects.derived_list()


class CuratedTropeFilter(TropeListFilter):
    title = _("trope")
    parameter_name = "trope"

    def all_tropes(self):
        return list(Trope.objects.curated())


class ScreenshotForm(forms.ModelForm):
    """
    A moderator's upload goes through the same checks and re-encoding as a fan's (scenes/submissions/images.py): only
    pictures are accepted, EXIF and GPS data do not survive, thumbnails and the perceptual hash are stored.
    """

    replaced: SceneImage | None = None  # the screenshot as stored before a new picture replaced it

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload or "image" not in self.changed_data:
            return upload  # the stored picture, unchanged
        prepared = images.prepare_screenshot(upload)
        screenshot = self.instance
        if screenshot.pk:
            self.replaced = copy.copy(screenshot)  # remembers the old files' names (see forget_files)
        images.describe(screenshot, prepared)
        # Written when the row is saved, through the fields (their upload_to names the folder).
        token = uuid.uuid4().hex
        for field_name, _width in images.THUMBNAILS:
            data = prepared.thumbnails.get(field_name)
            setattr(screenshot, field_name, ContentFile(data, name=images.file_name(token, field_name)) if data else "")
        return ContentFile(prepared.image, name=images.file_name(token, "image"))


def forget_files(screenshots: list[SceneImage]) -> None:
    """Delete the files of screenshots deleted or replaced, once that is committed (storage has no rollback)."""

    def delete():
        for screenshot in screenshots:
            images.delete_screenshot_files(screenshot)

    if screenshots:
        transaction.on_commit(delete)


def replaced_screenshots(forms_) -> list[SceneImage]:
    return [form.replaced for form in forms_ if getattr(form, "replaced", None)]


class ScreenshotPreview:
    @admin.display(description=_("preview"))
    def preview(self, image):
        return image_preview(image, width=160) if image.pk else "—"


class SceneImageInline(ScreenshotPreview, admin.TabularInline):
    model = SceneImage
    form = ScreenshotForm
    verbose_name = _("screenshot")
    fields = ("preview", "image", "alt_text", "position")
    readonly_fields = ("preview",)
    extra = 1


class SceneTropeInline(admin.TabularInline):
    """
    Tropes attached by moderators or proposed by fans, with the fans' agreement. Derived ones (second-lead,
    girl-initiated…) follow from the hugger and are never offered.
    """

    model = SceneTrope
    fields = ("trope", "origin", "is_public", "fans_agree")
    readonly_fields = ("fans_agree",)
    autocomplete_fields = ("trope",)
    verbose_name = _("trope")
    verbose_name_plural = _("tropes (classifications such as second-lead follow from the hugger)")
    extra = 1

    @admin.display(description=_("fans agree"))
    def fans_agree(self, scene_trope):
        if not scene_trope.pk:
            return "—"
        if scene_trope.agreement is None:
            return _("no votes yet")
        return f"{scene_trope.agreement}% ({scene_trope.agree_count} agree, {scene_trope.disagree_count} disagree)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("trope")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "trope":
            kwargs["queryset"] = Trope.objects.curated()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Scene)
class SceneAdmin(DatabaseRulesAdmin):
    list_display = (
        "thumbnail",
        "who",
        "drama_link",
        "episode_number",
        "timecode",
        "status_or_review",
        "featured",
        "votes",
        "submitted_by",
        "published_at",
    )
    list_display_links = ("thumbnail", "who")
    list_filter = (
        "status",
        "is_featured",
        "is_illustrative",
        "is_spoiler",
        DocumentedFilter,
        ClassificationFilter,
        CuratedTropeFilter,
        "drama",
    )
    list_per_page = 50
    search_fields = (
        "drama__title",
        "drama__hangul_title",
        "hugger__name",
        "hugged__name",
        "hugger__actor__name",
        "hugged__actor__name",
        "description",
        "setting",
    )
    search_help_text = _("Drama title, character or actor name, description or setting.")
    date_hierarchy = "published_at"
    ordering = ("-created_at", "-id")
    # Who submitted a scene is a fact, not something to edit; and moderators do not see accounts, so no
    # user autocomplete (the Moderators group has no permission on users: community/migrations/0002).
    autocomplete_fields = ("drama", "hugger", "hugged")

    def get_changeform_initial_data(self, request):
        # The admin fills a new scene from its query string (?drama=12); an id that is not a number would reach
        # the autocomplete's query as one and fail: it is left out, the field starts empty.
        initial = super().get_changeform_initial_data(request)
        for name in self.autocomplete_fields:
            if name in initial and not str(initial[name]).isdigit():
                del initial[name]
        return initial

    readonly_fields = (
        "submitter",
        "timecode",
        "classification",
        "published_at",
        "created_at",
        "updated_at",
        "awesome_count",
        "awkward_count",
        "favourite_count",
        "comment_count",
    )
    fieldsets = (
        (None, {"fields": ("drama", ("episode", "start_seconds", "end_seconds", "timecode"), "hugger", "hugged")}),
        (_("What happens"), {"fields": ("setting", "description", "line_korean", "line_english", "classification")}),
        (
            _("Moderation"),
            {
                "fields": (
                    ("status", "is_featured", "is_illustrative", "is_spoiler"),
                    "submitter",
                    ("published_at", "created_at", "updated_at"),
                )
            },
        ),
        (_("Fans"), {"fields": (("awesome_count", "awkward_count", "favourite_count", "comment_count"),)}),
    )
    inlines = [SceneImageInline, SceneTropeInline, SceneSourceInline]
    actions = ["publish", "unpublish", "reject", "feature", "unfeature"]

    def get_urls(self):
        return ReviewViews(self).urls() + super().get_urls()

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("drama", "hugger", "hugged", "submitted_by")
            .prefetch_related(Prefetch("images", queryset=SceneImage.objects.order_by("position", "id")))
        )

    def save_model(self, request, obj, form, change):
        if obj.status == Scene.Status.PUBLISHED:
            obj.publish()  # dates the first publication; a scene published before keeps its date
        if not change and obj.submitted_by is None:
            obj.submitted_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is SceneImage:
            forget_files([*formset.deleted_objects, *replaced_screenshots(formset.forms)])

    def delete_model(self, request, obj):
        screenshots = list(obj.images.all())
        super().delete_model(request, obj)
        forget_files(screenshots)

    def delete_queryset(self, request, queryset):
        screenshots = list(SceneImage.objects.filter(scene__in=queryset.values("pk")))
        super().delete_queryset(request, queryset)
        forget_files(screenshots)

    @admin.display(description=_("screenshot"))
    def thumbnail(self, scene):
        screenshots = scene.images.all()  # prefetched in get_queryset()
        return image_preview(screenshots[0], width=80) if screenshots else "—"

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_or_review(self, scene):
        if scene.status != Scene.Status.PENDING or scene.merged_into_id:
            return scene.get_status_display()
        url = reverse("admin:scenes_scene_review", args=[scene.pk], current_app=self.admin_site.name)
        return format_html('{} · <a href="{}">{}</a>', scene.get_status_display(), url, gettext("Review"))

    @admin.display(description=_("hugger → hugged"), ordering="hugger__name")
    def who(self, scene):
        return f"{first_name(scene.hugger)} → {first_name(scene.hugged)}"  # Hangul first for a Korean moderator

    @admin.display(description=_("drama"), ordering="drama__title")
    def drama_link(self, scene):
        return admin_link(scene.drama, inline_name(scene.drama))

    @admin.display(description=_("submitted by"))
    def submitter(self, scene):
        return scene.submitted_by.get_username() if scene.submitted_by_id else "—"

    @admin.display(description=_("ep."), ordering="episode")
    def episode_number(self, scene):
        return scene.episode

    @admin.display(boolean=True, description=_("featured"), ordering="is_featured")
    def featured(self, scene):
        return scene.is_featured

    @admin.display(description=_("time"), ordering="start_seconds")
    def timecode(self, scene):
        return scene.timecode if scene.start_seconds is not None else "—"

    @admin.display(description=_("awesome/awkward"), ordering="awesome_score")
    def votes(self, scene):
        return f"{scene.awesome_count} / {scene.awkward_count}"

    @admin.display(description=_("classification (from the hugger)"))
    def classification(self, scene):
        if not scene.hugger_id:
            return "—"
        return ", ".join(trope.name for trope in scene.derived_tropes()) or "—"

    # Actions: each calls a service and says what changed.

    @admin.action(description=_("Publish selected scenes"), permissions=["change"])
    def publish(self, request, queryset):
        count = services.publish_scenes(scenes=queryset, moderator=request.user)
        done = ngettext("%(count)d scene published.", "%(count)d scenes published.", count)
        self.report(request, queryset, count, done)

    @admin.action(description=_("Unpublish selected scenes (back to pending)"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = services.unpublish_scenes(scenes=queryset, moderator=request.user)
        done = ngettext("%(count)d scene unpublished.", "%(count)d scenes unpublished.", count)
        self.report(request, queryset, count, done)

    @admin.action(description=_("Reject selected scenes"), permissions=["change"])
    def reject(self, request, queryset):
        count = services.reject_scenes(scenes=queryset, moderator=request.user)
        done = ngettext("%(count)d scene rejected.", "%(count)d scenes rejected.", count)
        self.report(request, queryset, count, done)

    @admin.action(description=_("Feature selected scenes on the front page"), permissions=["change"])
    def feature(self, request, queryset):
        count = services.feature_scenes(scenes=queryset, moderator=request.user)
        done = ngettext("%(count)d scene featured.", "%(count)d scenes featured.", count)
        self.report(request, queryset, count, done, note=_("Only published scenes can be featured."))

    @admin.action(description=_("Stop featuring selected scenes"), permissions=["change"])
    def unfeature(self, request, queryset):
        count = services.unfeature_scenes(scenes=queryset, moderator=request.user)
        done = ngettext("%(count)d scene no longer featured.", "%(count)d scenes no longer featured.", count)
        self.report(request, queryset, count, done)

    def report(self, request, queryset, count, done, *, note=""):
        message = done % {"count": count}
        unchanged = queryset.count() - count
        if unchanged > 0:
            message += " " + ngettext(
                "%(count)d selected scene needed no change.", "%(count)d selected scenes needed no change.", unchanged
            ) % {"count": unchanged}
            message += f" {note}" if note else ""
        self.message_user(request, message, messages.SUCCESS if count else messages.WARNING)


@admin.register(SceneImage)
class SceneImageAdmin(ScreenshotPreview, DatabaseRulesAdmin):
    form = ScreenshotForm
    list_display = ("thumbnail", "short_alt_text", "scene_link", "position", "dimensions")
    list_display_links = ("thumbnail", "short_alt_text")
    list_select_related = ("scene__drama", "scene__hugger", "scene__hugged")
    search_fields = ("alt_text", "scene__drama__title", "scene__hugger__name", "scene__hugged__name")
    list_filter = ("scene__status",)
    ordering = ("-scene_id", "position", "id")
    autocomplete_fields = ("scene",)
    fields = ("scene", "image", "preview", "alt_text", "position")
    readonly_fields = ("preview",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_files(replaced_screenshots([form]))

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        forget_files([obj])

    def delete_queryset(self, request, queryset):
        screenshots = list(queryset)
        super().delete_queryset(request, queryset)
        forget_files(screenshots)

    @admin.display(description=_("screenshot"))
    def thumbnail(self, image):
        return image_preview(image, width=80)

    @admin.display(description=_("alt text"), ordering="alt_text")
    def short_alt_text(self, image):
        return Truncator(image.alt_text).chars(90)

    @admin.display(description=_("scene"), ordering="scene_id")
    def scene_link(self, image):
        return admin_link(image.scene)

    @admin.display(description=_("size"))
    def dimensions(self, image):
        return f"{image.width}×{image.height}" if image.width else "—"
