"""
What the community's admin pages share: actions that ask the moderator for a reason first (hide, ban), a
fan's link, and banning through community/services.py.
"""

from django import forms
from django.contrib.admin import helpers
from django.db import transaction
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from community import services

# A comment with a report no moderator has handled yet.
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
