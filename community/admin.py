"""
Moderators keep the conversation civil from here: the queue of reported comments, every comment (hide,
unhide, dismiss reports, delete), reports, bans, and a read-only look at votes and favourites.

Hiding, unhiding, dismissing and banning go through community/services.py. Hiding keeps the text: readers see
a placeholder, moderators still read the comment here. No page here shows a fan's e-mail address.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, F, Max, Prefetch, Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import ngettext

from scenes.admin import admin_link

from . import services
from .models import Comment, CommentReport, FanProfile, Favourite, ReportedComment, TropeVote, Vote

User = get_user_model()

OPEN_REPORTS = Q(reports__resolved_at=None)
# How many of the selected objects a confirmation page lists before "and N more".
LISTED_ON_CONFIRMATION = 20


def fan_link(user) -> str:
    """A fan's username, linked to their public profile (the user admin is for superusers only)."""
    if user is None:
        return "—"
    username = user.get_username()
    return format_html('<a href="{}">{}</a>', reverse("community:profile", args=[username]), username)


class ReasonForm(forms.Form):
    reason = forms.CharField(max_length=300, widget=forms.TextInput(attrs={"size": 80}))


class ReasonActionsMixin:
    """Actions that ask the moderator for a reason on an intermediate page before they act."""

    def reason_or_page(self, request, queryset, *, action: str, question: str, help_text: str, button: str):
        """The reason once the moderator confirmed, else the page that asks for it (a response to return)."""
        confirmed = "apply" in request.POST
        form = ReasonForm(request.POST if confirmed else None)
        form.fields["reason"].help_text = help_text
        if confirmed and form.is_valid():
            return form.cleaned_data["reason"], None
        context = {
            **self.admin_site.each_context(request),
            "title": question,
            "opts": self.opts,
            "form": form,
            "action": action,
            "button": button,
            "items": [self.describe(obj) for obj in queryset[:LISTED_ON_CONFIRMATION]],
            "more": max(queryset.count() - LISTED_ON_CONFIRMATION, 0),
            # What the changelist posted, posted again: the admin then selects the same objects.
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return None, TemplateResponse(request, "admin/community/action_reason.html", context)

    def describe(self, obj) -> str:
        return str(obj)


def ban(fans, *, moderator, reason: str) -> int:
    """Ban each of ``fans`` (users) through the service; returns how many."""
    count = 0
    with transaction.atomic():
        for fan in fans:
            services.ban_fan(fan=fan, moderator=moderator, reason=reason)
            count += 1
    return count


# Comments ----------------------------------------------------------------------------------------


class HasOpenReportsFilter(admin.SimpleListFilter):
    title = "open reports"
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("yes", "Reported, not yet handled"), ("no", "No open reports")]

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
    verbose_name_plural = "reports"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("reporter", "resolved_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="reported by")
    def reporter_name(self, report):
        return fan_link(report.reporter)

    @admin.display(description="resolved by")
    def resolved_by_name(self, report):
        return report.resolved_by.get_username() if report.resolved_by else "—"


class CommentModerationForm(forms.ModelForm):
    """All a moderator changes on a comment's page: hidden or not, and why (saved through the services)."""

    class Meta:
        model = Comment
        fields = ("is_hidden", "hidden_reason")
        help_texts = {"hidden_reason": "For moderators; readers only see that a moderator hid the comment."}


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
    search_help_text = "Words of the comment or the author's username."
    ordering = ("-created_at", "-id")
    date_hierarchy = "created_at"
    list_per_page = 50
    # Fans write comments on the site; here they are read, hidden or deleted, never rewritten.
    fieldsets = (
        (None, {"fields": ("author_name", "where", "in_reply_to", "body", ("created_at", "edited_at"))}),
        ("Moderation", {"fields": ("is_hidden", "hidden_reason", "hidden_by_name", "is_deleted")}),
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

    @admin.display(description="author", ordering="author__username")
    def author_name(self, comment):
        return fan_link(comment.author)

    @admin.display(description="on")
    def where(self, comment):
        if comment.scene_id:
            text = f"scene {comment.scene_id} ({comment.scene.drama.title})"
        else:
            text = f"drama {comment.drama.title}"
        return format_html('<a href="{}">{}</a>', comment.get_absolute_url(), text)

    @admin.display(description="comment")
    def excerpt(self, comment):
        if comment.is_deleted:
            return "(deleted by its author)"
        return Truncator(comment.body).chars(80)

    @admin.display(description="edited", boolean=True, ordering="edited_at")
    def edited(self, comment):
        return comment.edited_at is not None

    @admin.display(description="open reports", ordering="open_report_count")
    def open_reports(self, comment):
        return comment.open_report_count

    @admin.display(description="in reply to")
    def in_reply_to(self, comment):
        if comment.parent is None:
            return "—"
        return admin_link(comment.parent, f"comment {comment.parent_id} by {comment.parent.author.get_username()}")

    @admin.display(description="hidden by")
    def hidden_by_name(self, comment):
        return comment.hidden_by.get_username() if comment.hidden_by else "—"

    # Actions: each calls a service and says what changed.

    @admin.action(description="Hide selected comments", permissions=["change"])
    def hide(self, request, queryset):
        reason, page = self.reason_or_page(
            request,
            queryset,
            action="hide",
            question="Hide these comments?",
            help_text="Why, for moderators (at most 300 characters). Readers see “Comment hidden by a moderator.”",
            button="Hide them",
        )
        if page:
            return page
        count = services.hide_comments(comments=self.plain(queryset), moderator=request.user, reason=reason)
        message = ngettext("%(count)d comment hidden.", "%(count)d comments hidden.", count) % {"count": count}
        self.report(request, queryset, count, message, unchanged="already hidden")

    @admin.action(description="Unhide selected comments", permissions=["change"])
    def unhide(self, request, queryset):
        count = services.unhide_comments(comments=self.plain(queryset), moderator=request.user)
        message = ngettext("%(count)d comment shown again.", "%(count)d comments shown again.", count) % {
            "count": count
        }
        self.report(request, queryset, count, message, unchanged="not hidden")

    @admin.action(description="Dismiss reports (the comments are fine)", permissions=["change"])
    def dismiss_reports(self, request, queryset):
        count = services.dismiss_reports(comments=self.plain(queryset), moderator=request.user)
        message = ngettext("%(count)d report dismissed.", "%(count)d reports dismissed.", count) % {"count": count}
        self.message_user(request, message, messages.SUCCESS if count else messages.WARNING)

    @admin.action(description="Ban the authors of selected comments", permissions=["ban"])
    def ban_authors(self, request, queryset):
        authors = User.objects.filter(pk__in=self.plain(queryset).values("author"))
        reason, page = self.reason_or_page(
            request,
            queryset,
            action="ban_authors",
            question="Ban the authors of these comments?",
            help_text="Shown to them when they try to vote, comment or report (at most 300 characters).",
            button="Ban them",
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
    """The moderators' queue: comments with open reports, the most recently reported first."""

    list_display = ("id", "author_name", "where", "excerpt", "reasons", "open_reports", "latest_report", "is_hidden")
    list_filter = ("is_hidden", "scene__drama")
    date_hierarchy = None

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

    @admin.display(description="reasons")
    def reasons(self, comment):
        return format_html_join(
            "",
            "<p>“{}” ({})</p>",
            ((report.reason, report.reporter.get_username()) for report in comment.open_report_list),
        )

    @admin.display(description="last reported", ordering="latest_report_at")
    def latest_report(self, comment):
        return comment.latest_report_at


# Reports -----------------------------------------------------------------------------------------


class ReportStatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("open", "Open"), ("resolved", "Resolved")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(resolved_at=None)
        if self.value() == "resolved":
            return queryset.exclude(resolved_at=None)
        return queryset


@admin.register(CommentReport)
class CommentReportAdmin(admin.ModelAdmin):
    list_display = ("id", "comment_link", "comment_excerpt", "reporter_name", "reason", "created_at", "resolved_at")
    list_filter = (ReportStatusFilter, "created_at")
    list_select_related = ("comment", "reporter")
    search_fields = ("reason", "reporter__username", "comment__body", "comment__author__username")
    search_help_text = "The reason, the reporter's username, or the comment's words or author."
    ordering = ("-created_at", "-id")
    fields = ("comment_link", "comment_excerpt", "reporter_name", "reason", "created_at", "resolved_at", "resolver")
    readonly_fields = fields
    actions = ["dismiss"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("comment", "reporter", "resolved_by")

    def has_add_permission(self, request):
        return False

    @admin.display(description="comment", ordering="comment_id")
    def comment_link(self, report):
        return admin_link(report.comment, f"comment {report.comment_id}")

    @admin.display(description="says")
    def comment_excerpt(self, report):
        return Truncator(report.comment.body).chars(80) or "(deleted by its author)"

    @admin.display(description="reported by", ordering="reporter__username")
    def reporter_name(self, report):
        return fan_link(report.reporter)

    @admin.display(description="resolved by")
    def resolver(self, report):
        return report.resolved_by.get_username() if report.resolved_by else "—"

    @admin.action(description="Dismiss all open reports on these comments (they are fine)", permissions=["change"])
    def dismiss(self, request, queryset):
        comments = Comment.objects.filter(pk__in=queryset.values("comment"))
        count = services.dismiss_reports(comments=comments, moderator=request.user)
        message = ngettext("%(count)d report dismissed.", "%(count)d reports dismissed.", count) % {"count": count}
        self.message_user(request, message, messages.SUCCESS if count else messages.WARNING)


# Bans --------------------------------------------------------------------------------------------


class FanProfileForm(forms.ModelForm):
    class Meta:
        model = FanProfile
        fields = ("is_banned", "ban_reason")

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("is_banned") and not cleaned_data.get("ban_reason"):
            self.add_error("ban_reason", "Tell the fan why: the reason is shown to them when they try to act.")
        return cleaned_data


class NewFanProfileForm(FanProfileForm):
    """Any fan can be banned, also one the site holds no profile for yet: the moderator types the username."""

    username = forms.CharField(max_length=150, help_text="The fan's username, as shown on their comments.")

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        fan = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if fan is None:
            raise forms.ValidationError(f"No fan has the username “{username}”.")
        if FanProfile.objects.filter(user=fan).exists():
            raise forms.ValidationError(f"{username} already has a fan profile: find it in the list and change it.")
        self.instance.user = fan
        return username


@admin.register(FanProfile)
class FanProfileAdmin(ReasonActionsMixin, admin.ModelAdmin):
    # E-mail addresses stay out of every column, field and search here: moderators need none.
    form = FanProfileForm
    add_form = NewFanProfileForm
    list_display = ("username", "is_banned", "ban_reason", "banned_at", "profile_link")
    list_filter = ("is_banned",)
    list_select_related = ("user",)
    search_fields = ("user__username",)
    search_help_text = "Username."
    ordering = ("user__username",)
    readonly_fields = ("username", "banned_at")
    actions = ["ban_selected", "lift_ban"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("username", "is_banned", "ban_reason")
        return ("username", "is_banned", "ban_reason", "banned_at")

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj else ()

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if not obj.is_banned:
            obj.banned_at = None
        elif obj.banned_at is None or "is_banned" in form.changed_data:
            obj.banned_at = timezone.now()  # dates the ban, as services.ban_fan does
        super().save_model(request, obj, form, change)

    def describe(self, profile):
        return profile.user.get_username()

    @admin.display(description="fan", ordering="user__username")
    def username(self, profile):
        return profile.user.get_username()

    @admin.display(description="public profile")
    def profile_link(self, profile):
        return fan_link(profile.user)

    @admin.action(description="Ban selected fans", permissions=["change"])
    def ban_selected(self, request, queryset):
        reason, page = self.reason_or_page(
            request,
            queryset,
            action="ban_selected",
            question="Ban these fans?",
            help_text="Shown to them when they try to vote, comment or report (at most 300 characters).",
            button="Ban them",
        )
        if page:
            return page
        count = ban(User.objects.filter(fan_profile__in=queryset), moderator=request.user, reason=reason)
        message = ngettext("%(count)d fan banned.", "%(count)d fans banned.", count) % {"count": count}
        self.message_user(request, message)

    @admin.action(description="Lift the ban on selected fans", permissions=["change"])
    def lift_ban(self, request, queryset):
        count = queryset.filter(is_banned=True).update(is_banned=False, banned_at=None)
        message = ngettext("%(count)d fan may act again.", "%(count)d fans may act again.", count) % {"count": count}
        self.message_user(request, message, messages.SUCCESS if count else messages.WARNING)


# Votes and favourites: read only -----------------------------------------------------------------


class ReadOnlyAdmin(admin.ModelAdmin):
    """
    The scenes' tallies count these rows, so nobody adds or edits them here; moderators look (a vote ring,
    a sock puppet). Deleting stays with superusers, so that deleting a fan's account can take their votes.
    """

    list_select_related = ("fan", "scene__drama", "scene__hugger", "scene__hugged")
    search_fields = ("fan__username", "scene__id__exact")
    search_help_text = "A fan's username or a scene's number."
    ordering = ("-created_at", "-id")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # a bulk delete would leave the tallies wrong
        return actions

    @admin.display(description="scene", ordering="scene_id")
    def scene_link(self, row):
        return admin_link(row.scene)

    @admin.display(description="fan", ordering="fan__username")
    def fan_name(self, row):
        return fan_link(row.fan)


@admin.register(Vote)
class VoteAdmin(ReadOnlyAdmin):
    list_display = ("id", "fan_name", "verdict", "scene_link", "created_at", "updated_at")
    list_filter = ("verdict",)
    fields = ("fan_name", "verdict", "scene_link", "created_at", "updated_at")
    readonly_fields = fields


@admin.register(TropeVote)
class TropeVoteAdmin(ReadOnlyAdmin):
    list_display = ("id", "fan_name", "agrees", "trope", "scene_link", "created_at")
    list_filter = ("agrees", "trope__group")
    list_select_related = (*ReadOnlyAdmin.list_select_related, "trope")
    search_fields = (*ReadOnlyAdmin.search_fields, "trope__name")
    search_help_text = "A fan's username, a scene's number or a trope's name."
    fields = ("fan_name", "agrees", "trope", "scene_link", "created_at")
    readonly_fields = fields


@admin.register(Favourite)
class FavouriteAdmin(ReadOnlyAdmin):
    list_display = ("id", "fan_name", "scene_link", "created_at")
    fields = ("fan_name", "scene_link", "created_at")
    readonly_fields = fields
