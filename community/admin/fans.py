"""
Moderators keep the conversation civil from the admin: bans and a read-only look at votes and favourites
here; the queue of reported comments, every comment (hide, unhide, dismiss reports, delete) and the reports
in community/admin/comments.py; what both share in community/admin/base.py.

Hiding, unhiding, dismissing and banning go through community/services.py. Hiding keeps the text: readers see
a placeholder, moderators still read the comment here. No page here shows a fan's e-mail address.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from community.models import FanProfile, Favourite, TropeVote, Vote
from edge.freshness import site_changed
from scenes.admin.base import admin_link

from .base import ReasonActionsMixin, ban, fan_link

User = get_user_model()


# Bans --------------------------------------------------------------------------------------------


class FanProfileForm(forms.ModelForm):
    class Meta:
        model = FanProfile
        fields = ("is_banned", "ban_reason")

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("is_banned") and not cleaned_data.get("ban_reason"):
            self.add_error("ban_reason", _("Tell the fan why: the reason is shown to them when they try to act."))
        return cleaned_data


class NewFanProfileForm(FanProfileForm):
    """Any fan can be banned, also one the site holds no profile for yet: the moderator types the username."""

    username = forms.CharField(max_length=150, help_text=_("The fan's username, as shown on their comments."))

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        fan = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if fan is None:
            raise forms.ValidationError(_("No fan has the username “%(username)s”.") % {"username": username})
        if FanProfile.objects.filter(user=fan).exists():
            raise forms.ValidationError(
                _("%(username)s already has a fan profile: find it in the list and change it.") % {"username": username}
            )
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
    search_help_text = _("Username.")
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

    @admin.display(description=_("fan"), ordering="user__username")
    def username(self, profile):
        return profile.user.get_username()

    @admin.display(description=_("public profile"))
    def profile_link(self, profile):
        return fan_link(profile.user)

    @admin.action(description=_("Ban selected fans"), permissions=["change"])
    def ban_selected(self, request, queryset):
        reason, page = self.reason_or_page(
            request,
            queryset,
            action="ban_selected",
            question=_("Ban these fans?"),
            help_text=_("Shown to them when they try to vote, comment or report (at most 300 characters)."),
            button=_("Ban them"),
        )
        if page:
            return page
        count = ban(User.objects.filter(fan_profile__in=queryset), moderator=request.user, reason=reason)
        message = ngettext("%(count)d fan banned.", "%(count)d fans banned.", count) % {"count": count}
        self.message_user(request, message)

    @admin.action(description=_("Lift the ban on selected fans"), permissions=["change"])
    def lift_ban(self, request, queryset):
        count = queryset.filter(is_banned=True).update(is_banned=False, banned_at=None)
        site_changed()
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
    search_help_text = _("A fan's username or a scene's number.")
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

    @admin.display(description=_("scene"), ordering="scene_id")
    def scene_link(self, row):
        return admin_link(row.scene)

    @admin.display(description=_("fan"), ordering="fan__username")
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
    search_help_text = _("A fan's username, a scene's number or a trope's name.")
    fields = ("fan_name", "agrees", "trope", "scene_link", "created_at")
    readonly_fields = fields


@admin.register(Favourite)
class FavouriteAdmin(ReadOnlyAdmin):
    list_display = ("id", "fan_name", "scene_link", "created_at")
    fields = ("fan_name", "scene_link", "created_at")
    readonly_fields = fields
