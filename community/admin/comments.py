"""
Comments in the admin: the one queue of reported comments (each comment with its reports, hidden or its reports
dismissed from the list or its page) and every comment (hide, unhide, dismiss reports, delete). Reports have no
entry of their own: a report is read beside the comment it is about. Hiding keeps the text: readers see a
placeholder, moderators still read the comment here.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, F, Max, Prefetch
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy, ngettext
from django.utils.translation import gettext_lazy as _

from community import services
from community.models import Comment, CommentReport, ReportedComment
from scenes.admin.base import admin_link
from scenes.naming import first_name

from .base import OPEN_REPORTS, ReasonActionsMixin, ban, fan_link

User = get_user_model()

# The name of the reported comment page's "Dismiss the reports" button (its change form template).
DISMISS = "_dismiss_reports"


class HasOpenReportsFilter(admin.SimpleListFilter):
    title = _("open reports")
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("yes", _("Reported, not yet handled")), ("no", _("No open reports"))]

    def queryset(self, request, queryset):
        # open_report_count is annotated by CommentAdmin.get_queryset.
        if self.value() == "yes":
            return queryset.filter(open_report_count__gt=0)
        if self.value() == "no":
            return queryset.filter(open_report_count=0)
        return queryset


class ReportInline(admin.TabularInline):
    """What fans reported about the comment: read only, reports are the fans' words."""

    model = CommentReport
    fk_name = "comment"
    fields = ("reporter_name", "reason", "created_at", "resolved_at", "resolved_by_name")
    readonly_fields = fields
    ordering = ("-created_at",)
    extra = 0
    can_delete = False
    verbose_name_plural = _("reports")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("reporter", "resolved_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("reported by"))
    def reporter_name(self, report):
        return fan_link(report.reporter)

    @admin.display(description=_("resolved by"))
    def resolved_by_name(self, report):
        return report.resolved_by.get_username() if report.resolved_by else "—"


class CommentModerationForm(forms.ModelForm):
    """All a moderator changes on a comment's page: hidden or not, and why (saved through the services)."""

    class Meta:
        model = Comment
        fields = ("is_hidden", "hidden_reason")
        help_texts = {"hidden_reason": _("For moderators; readers only see that a moderator hid the comment.")}


@admin.register(Comment)
class CommentAdmin(ReasonActionsMixin, admin.ModelAdmin):
    form = CommentModerationForm
    list_display = (
        "id",
        "author_name",
        "where",
        "excerpt",
        "created_at",
        "edited",
        "is_deleted",
        "is_hidden",
        "open_reports",
    )
    list_display_links = ("id", "excerpt")
    list_filter = ("is_hidden", "is_deleted", HasOpenReportsFilter, "scene__drama")
    search_fields = ("body", "author__username")
    search_help_text = _("Words of the comment or the author's username.")
    ordering = ("-created_at", "-id")
    date_hierarchy = "created_at"
    list_per_page = 50
    # Fans write comments on the site; here they are read, hidden or deleted, never rewritten.
    fieldsets = (
        (None, {"fields": ("author_name", "where", "in_reply_to", "body", ("created_at", "edited_at"))}),
        (_("Moderation"), {"fields": ("is_hidden", "hidden_reason", "hidden_by_name", "is_deleted")}),
    )
    readonly_fields = (
        "author_name",
        "where",
        "in_reply_to",
        "body",
        "created_at",
        "edited_at",
        "hidden_by_name",
        "is_deleted",
    )
    inlines = [ReportInline]
    actions = ["hide", "unhide", "dismiss_reports", "ban_authors"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("author", "scene__drama", "drama", "hidden_by", "parent__author")
            .annotate(open_report_count=Count("reports", filter=OPEN_REPORTS))
        )

    def has_add_permission(self, request):
        return False

    def has_ban_permission(self, request):
        return request.user.has_perms(["community.add_fanprofile", "community.change_fanprofile"])

    def save_model(self, request, obj, form, change):
        # Hiding and unhiding resolve reports and recount the scene's comments: the services do both.
        comments = Comment.objects.filter(pk=obj.pk)
        if "is_hidden" in form.changed_data:
            if obj.is_hidden:
                services.hide_comments(comments=comments, moderator=request.user, reason=obj.hidden_reason)
            else:
                services.unhide_comments(comments=comments, moderator=request.user)
        elif obj.is_hidden and "hidden_reason" in form.changed_data:
            obj.save(update_fields=["hidden_reason"])

    def delete_model(self, request, obj):
        with transaction.atomic():
            super().delete_model(request, obj)
            services._recount_comments(obj)

    def delete_queryset(self, request, queryset):
        one_per_scene = {comment.scene_id: comment for comment in queryset if comment.scene_id}
        with transaction.atomic():
            super().delete_queryset(request, queryset)
            for comment in one_per_scene.values():
                services._recount_comments(comment)  # the scene's comment tally, as for a fan's own deletion

    def describe(self, comment):
        return f"{comment.author.get_username()}: “{Truncator(comment.body).chars(80)}”"

    # Columns and read-only fields

    @admin.display(description=_("author"), ordering="author__username")
    def author_name(self, comment):
        return fan_link(comment.author)

    @admin.display(description=_("on"))
    def where(self, comment):
        if comment.scene_id:
            text = _("scene %(scene)s (%(drama)s)") % {
                "scene": comment.scene_id,
                "drama": first_name(comment.scene.drama),
            }
        else:
            text = _("drama %(drama)s") % {"drama": first_name(comment.drama)}
        return format_html('<a href="{}">{}</a>', comment.get_absolute_url(), text)

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        if comment.is_deleted:
            return _("(deleted by its author)")
        return Truncator(comment.body).chars(80)

    @admin.display(description=_("edited"), boolean=True, ordering="edited_at")
    def edited(self, comment):
        return comment.edited_at is not None

    @admin.display(description=_("open reports"), ordering="open_report_count")
    def open_reports(self, comment):
        return comment.open_report_count

    @admin.display(description=_("in reply to"))
    def in_reply_to(self, comment):
        if comment.parent is None:
            return "—"
        by = {"comment": comment.parent_id, "author": comment.parent.author.get_username()}
        return admin_link(comment.parent, _("comment %(comment)s by %(author)s") % by)

    @admin.display(description=_("hidden by"))
    def hidden_by_name(self, comment):
        return comment.hidden_by.get_username() if comment.hidden_by else "—"

    # Actions: each calls a service and says what changed.

    @admin.action(description=_("Hide selected comments"), permissions=["change"])
    def hide(self, request, queryset):
        reason, page = self.reason_or_page(
            request,
            queryset,
            action="hide",
            question=_("Hide these comments?"),
            help_text=_("Why, for moderators (at most 300 characters). Readers see “Comment hidden by a moderator.”"),
            button=_("Hide them"),
        )
        if page:
            return page
        count = services.hide_comments(comments=self.plain(queryset), moderator=request.user, reason=reason)
        message = ngettext("%(count)d comment hidden.", "%(count)d comments hidden.", count) % {"count": count}
        self.report(request, queryset, count, message, unchanged=_("already hidden"))

    @admin.action(description=_("Unhide selected comments"), permissions=["change"])
    def unhide(self, request, queryset):
        count = services.unhide_comments(comments=self.plain(queryset), moderator=request.user)
        message = ngettext("%(count)d comment shown again.", "%(count)d comments shown again.", count) % {
            "count": count
        }
        self.report(request, queryset, count, message, unchanged=_("not hidden"))

    @admin.action(description=_("Dismiss reports (the comments are fine)"), permissions=["change"])
    def dismiss_reports(self, request, queryset):
        count = services.dismiss_reports(comments=self.plain(queryset), moderator=request.user)
        message = ngettext("%(count)d report dismissed.", "%(count)d reports dismissed.", count) % {"count": count}
        self.message_user(request, message, messages.SUCCESS if count else messages.WARNING)

    @admin.action(description=_("Ban the authors of selected comments"), permissions=["ban"])
    def ban_authors(self, request, queryset):
        authors = User.objects.filter(pk__in=self.plain(queryset).values("author"))
        reason, page = self.reason_or_page(
            request,
            queryset,
            action="ban_authors",
            question=_("Ban the authors of these comments?"),
            help_text=_("Shown to them when they try to vote, comment or report (at most 300 characters)."),
            button=_("Ban them"),
        )
        if page:
            return page
        count = ban(authors, moderator=request.user, reason=reason)
        message = ngettext("%(count)d fan banned.", "%(count)d fans banned.", count) % {"count": count}
        self.message_user(request, message)

    @staticmethod
    def plain(queryset):
        """
        The selected comments without the changelist's annotations: the services lock rows
        (select_for_update), which PostgreSQL refuses on a grouped query.
        """
        return Comment.objects.filter(pk__in=queryset.values("pk"))

    def report(self, request, queryset, count, message, *, unchanged):
        rest = queryset.count() - count
        if rest > 0:
            message += " " + ngettext(
                "%(count)d selected comment was %(state)s.", "%(count)d selected comments were %(state)s.", rest
            ) % {"count": rest, "state": unchanged}
        self.message_user(request, message, messages.SUCCESS if count else messages.WARNING)


@admin.register(ReportedComment)
class ReportedCommentAdmin(CommentAdmin):
    """The moderators' queue: comments with open reports, the most recently reported first, each with its reports."""

    list_display = ("id", "author_name", "where", "excerpt", "reasons", "open_reports", "latest_report", "is_hidden")
    list_filter = ("is_hidden", "scene__drama")
    search_fields = ("body", "author__username", "reports__reason", "reports__reporter__username")
    search_help_text = gettext_lazy("Words of the comment or of a report, the author's or a reporter's username.")
    date_hierarchy = None
    change_form_template = "admin/community/reportedcomment/change_form.html"

    def get_queryset(self, request):
        open_reports = CommentReport.objects.filter(resolved_at=None).select_related("reporter").order_by("-created_at")
        return (
            super()
            .get_queryset(request)
            .annotate(latest_report_at=Max("reports__created_at", filter=OPEN_REPORTS))
            .filter(open_report_count__gt=0)
            .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_report_list"))
        )

    def get_ordering(self, request):
        # An F() resolves when the query is compiled: ModelAdmin.get_queryset() orders before the annotation.
        return (F("latest_report_at").desc(), "-id")

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Once hidden or dismissed a comment leaves the queue: there is no page to continue editing on.
        extra_context = {**(extra_context or {}), "show_save_and_continue": False}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if DISMISS in request.POST:
            # The page's "the comment is fine" button: its open reports are resolved, the comment stays as it is.
            count = services.dismiss_reports(comments=Comment.objects.filter(pk=obj.pk), moderator=request.user)
            message = ngettext("%(count)d report dismissed.", "%(count)d reports dismissed.", count) % {"count": count}
            self.message_user(request, message, messages.SUCCESS if count else messages.WARNING)
            return
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        if DISMISS in request.POST:
            return HttpResponseRedirect(reverse("admin:community_reportedcomment_changelist"))
        return super().response_change(request, obj)

    def construct_change_message(self, request, form, formsets, add=False):
        return [] if DISMISS in request.POST else super().construct_change_message(request, form, formsets, add)

    @admin.display(description=_("reasons"))
    def reasons(self, comment):
        return format_html_join(
            "",
            "<p>“{}” ({})</p>",
            ((report.reason, report.reporter.get_username()) for report in comment.open_report_list),
        )

    @admin.display(description=_("last reported"), ordering="latest_report_at")
    def latest_report(self, comment):
        return comment.latest_report_at
