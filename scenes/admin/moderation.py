"""
The moderators' queues in admin: pending submissions (publish, reject with a reason, merge a duplicate),
fans' edits of published scenes, proposed dramas, and the moderation log.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from community.admin.base import ReasonActionsMixin
from scenes.models import DramaProposal, ModerationLog, PendingScene, Scene, SceneEdit
from scenes.moderation import decisions as moderation
from scenes.moderation import publishing as services
from scenes.naming import first_name, inline_name
from scenes.submissions.services import DUPLICATE_WINDOW_SECONDS, lookalike_scenes
from scenes.submissions.services import near_duplicates as same_moment


def review_url(scene_id, site) -> str:
    return reverse("admin:scenes_scene_review", args=[scene_id], current_app=site.name)


class MergeForm(forms.Form):
    into = forms.IntegerField(label=_("Keep scene number"), min_value=1)
    reason = forms.CharField(max_length=300, required=False, widget=forms.TextInput(attrs={"size": 60}))


@admin.register(PendingScene)
class PendingSceneAdmin(ReasonActionsMixin, admin.ModelAdmin):
    """Submissions waiting for a decision, oldest first, with their screenshots and likely duplicates."""

    list_display = ["id", "screenshots", "summary", "submitted_by_name", "created_at", "possible_duplicates"]
    # Each row leads to its review screen (the summary's link), where the decisions are.
    list_display_links = None
    list_filter = ["drama"]
    search_fields = ["drama__title", "hugger__name", "hugged__name", "description"]
    ordering = ["created_at"]
    actions = ["publish", "reject", "merge"]
    list_per_page = 25

    def get_queryset(self, request):
        window = DUPLICATE_WINDOW_SECONDS
        same_minute = (
            Scene.objects.filter(drama=OuterRef("drama"), episode=OuterRef("episode"), merged_into__isnull=True)
            .filter(start_seconds__gte=OuterRef("start_seconds") - window)
            .filter(start_seconds__lte=OuterRef("start_seconds") + window)
            .exclude(pk=OuterRef("pk"))
            .exclude(status=Scene.Status.REJECTED)
        )
        return (
            super()
            .get_queryset(request)
            .select_related("drama", "hugger", "hugged", "submitted_by")
            .prefetch_related("images")
            .annotate(same_moment=Exists(same_minute))
        )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # The queue is for decisions through actions; editing happens on the scene's own page.
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("scenes.view_scene")

    class Media:
        css = {"all": ["css/admin/moderation.css"]}

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # A submission's own page is its review screen.
        if not self.has_view_permission(request):
            raise PermissionDenied
        if not str(object_id).isdigit():
            return super().change_view(request, object_id, form_url, extra_context)  # the admin's "not found"
        return HttpResponseRedirect(review_url(object_id, self.admin_site))

    @admin.display(description=_("Screenshots"))
    def screenshots(self, scene):
        images = scene.images.all()
        waiting = [image for image in images if not image.image]
        shown = format_html_join(
            "",
            '<img class="queue-shot" src="{}" alt="{}" width="120">',
            ((image.thumbnail_url, image.alt_text) for image in images if image.image),
        )
        if not waiting:
            return shown
        # A fan's screenshots still with the worker (or refused by it): say so rather than show a broken picture.
        return format_html(
            "{}<br><small>{}</small>",
            shown,
            "; ".join(
                gettext("could not be processed: %(error)s") % {"error": image.processing_error}
                if image.processing_error
                else gettext("processing…")
                for image in waiting
            ),
        )

    @admin.display(description=_("Back hug"))
    def summary(self, scene):
        known = scene.episode is not None and scene.start_seconds is not None
        short = gettext("ep. %(episode)s at %(time)s") % {"episode": scene.episode, "time": scene.timecode}
        when = short if known else scene.moment  # the queue's short form
        return format_html(
            '<a href="{}">{}, {}</a><br>{} → {}<br><small>{}</small>',
            review_url(scene.pk, self.admin_site),
            inline_name(scene.drama),
            when,
            first_name(scene.hugger),
            first_name(scene.hugged),
            scene.description[:160],
        )

    @admin.display(description=_("Submitted by"))
    def submitted_by_name(self, scene):
        return scene.submitted_by.get_username() if scene.submitted_by else "—"

    @admin.display(description=_("Possible duplicates"))
    def possible_duplicates(self, scene):
        """Same episode within a minute, or a screenshot that is a near copy of a stored one."""
        found = []
        if scene.same_moment:
            nearby = same_moment(
                drama=scene.drama, episode=scene.episode, start_seconds=scene.start_seconds, exclude=scene
            )
            found += [
                format_html('<a href="{}">scene {}</a> (same minute)', s.get_absolute_url(), s.pk) for s in nearby
            ]
        # One indexed lookup per screenshot on this page of the queue: moderators page through 25 at a time.
        found += [format_html("scene {} (similar screenshot)", pk) for pk in lookalike_scenes(scene)]
        return format_html_join(mark_safe("<br>"), "{}", ((item,) for item in found)) if found else "—"

    def describe(self, scene) -> str:
        return moderation.describe(scene)

    @admin.action(description=_("Publish selected submissions"))
    def publish(self, request, queryset):
        count = services.publish_scenes(scenes=queryset, moderator=request.user)
        self.message_user(request, ngettext("%d scene published.", "%d scenes published.", count) % count)

    @admin.action(description=_("Reject selected submissions (asks for a reason)"))
    def reject(self, request, queryset):
        reason, page = self.reason_or_page(
            request,
            queryset,
            action="reject",
            question=_("Reject these submissions?"),
            help_text=_("Shown to the submitter on their profile and in the public moderation log."),
            button=_("Reject them"),
        )
        if page:
            return page
        count = services.reject_scenes(scenes=queryset, moderator=request.user, reason=reason)
        self.message_user(request, ngettext("%d scene rejected.", "%d scenes rejected.", count) % count)

    @admin.action(description=_("Merge selected duplicates into another scene"))
    def merge(self, request, queryset):
        confirmed = "apply" in request.POST
        form = MergeForm(request.POST if confirmed else None)
        if confirmed and form.is_valid():
            into = Scene.objects.filter(pk=form.cleaned_data["into"]).first()
            if into is None:
                form.add_error("into", _("There is no scene with that number."))
            else:
                try:
                    for duplicate in queryset:
                        moderation.merge_scene(
                            duplicate=duplicate, into=into, moderator=request.user, reason=form.cleaned_data["reason"]
                        )
                except ValidationError as error:
                    form.add_error("into", error.messages)
                else:
                    merged = _("Merged into scene %(scene)s: votes, comments and screenshots moved.")
                    self.message_user(request, merged % {"scene": into.pk})
                    return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge duplicates"),
            "opts": self.opts,
            "form": form,
            "items": [self.describe(scene) for scene in queryset[:20]],
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/scenes/merge.html", context)


@admin.register(SceneEdit)
class SceneEditAdmin(admin.ModelAdmin):
    list_display = ["scene", "editor", "status", "created_at", "changed_fields"]
    list_filter = ["status"]
    readonly_fields = ["scene", "editor", "changes", "status", "created_at", "decided_at"]
    actions = ["accept", "decline"]
    list_select_related = ["scene__drama", "scene__hugger", "scene__hugged", "editor"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("Changes"))
    def changed_fields(self, edit):
        return ", ".join(sorted(edit.changes))

    @admin.action(description=_("Accept selected edits"), permissions=["change"])
    def accept(self, request, queryset):
        accepted = 0
        for edit in queryset.filter(status=SceneEdit.Status.PENDING):
            try:
                moderation.accept_edit(edit=edit, moderator=request.user)
                accepted += 1
            except ValidationError as error:
                not_applied = _("Edit %(edit)s not applied: %(reasons)s")
                self.message_user(
                    request, not_applied % {"edit": edit.pk, "reasons": " ".join(error.messages)}, messages.ERROR
                )
        self.message_user(request, ngettext("%d edit accepted.", "%d edits accepted.", accepted) % accepted)

    @admin.action(description=_("Decline selected edits"), permissions=["change"])
    def decline(self, request, queryset):
        count = 0
        for edit in queryset.filter(status=SceneEdit.Status.PENDING):
            moderation.decline_edit(edit=edit, moderator=request.user)
            count += 1
        self.message_user(request, ngettext("%d edit declined.", "%d edits declined.", count) % count)


@admin.register(DramaProposal)
class DramaProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "hangul_title", "year", "network", "episodes", "proposer", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "hangul_title"]
    readonly_fields = ["proposer", "status", "drama", "created_at"]
    actions = ["add_dramas", "decline"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Add selected dramas to the catalogue"), permissions=["change"])
    def add_dramas(self, request, queryset):
        added = 0
        for proposal in queryset.filter(status=DramaProposal.Status.PENDING):
            try:
                moderation.add_proposed_drama(proposal=proposal, moderator=request.user)
                added += 1
            except ValidationError as error:
                self.message_user(request, f"{proposal.title}: {' '.join(error.messages)}", messages.ERROR)
        self.message_user(request, ngettext("%d drama added.", "%d dramas added.", added) % added)

    @admin.action(description=_("Decline selected proposals"), permissions=["change"])
    def decline(self, request, queryset):
        count = 0
        for proposal in queryset.filter(status=DramaProposal.Status.PENDING):
            moderation.decline_proposed_drama(proposal=proposal, moderator=request.user)
            count += 1
        self.message_user(request, ngettext("%d proposal declined.", "%d proposals declined.", count) % count)


@admin.register(ModerationLog)
class ModerationLogAdmin(admin.ModelAdmin):
    """Every moderation decision with who made it: for moderators; the public log shows only the role."""

    list_display = ["created_at", "action", "subject", "reason", "moderator"]
    list_filter = ["action"]
    search_fields = ["subject", "reason", "moderator__username"]
    date_hierarchy = "created_at"
    list_select_related = ["moderator"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
