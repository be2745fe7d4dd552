"""
The duels' picks, read only like the votes: moderators look for a script or a ring of accounts, and discard their
picks (the ratings are then computed again from the picks that remain, community.duels.services.replay_ratings).
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from community.duels.services import replay_ratings
from community.models import DuelVote
from scenes.admin.base import admin_link

from .fans import ReadOnlyAdmin


@admin.register(DuelVote)
class DuelVoteAdmin(ReadOnlyAdmin):
    """Read only like the votes (ReadOnlyAdmin); the one way to remove picks also computes the ratings again."""

    list_display = ("id", "fan_name", "winner_link", "first_link", "second_link", "weight", "created_at")
    list_select_related = ("fan", "first__drama", "second__drama", "winner__drama")
    list_filter = ("weight",)
    search_fields = ("fan__username", "first__id__exact", "second__id__exact")
    search_help_text = _("A fan's username or a scene's number.")
    actions = ["discard_and_replay"]
    fields = ("fan_name", "winner_link", "first_link", "second_link", "weight", "created_at")
    readonly_fields = fields

    @admin.action(description=_("Discard these picks and compute the ratings again"), permissions=["delete"])
    def discard_and_replay(self, request, queryset):
        discarded, _rows = queryset.delete()
        counted = replay_ratings()
        self.message_user(
            request,
            ngettext(
                "Discarded %(discarded)d pick; the ratings now count %(counted)d.",
                "Discarded %(discarded)d picks; the ratings now count %(counted)d.",
                discarded,
            )
            % {"discarded": discarded, "counted": counted},
            messages.SUCCESS,
        )

    @admin.display(description=_("picked"))
    def winner_link(self, row):
        return admin_link(row.winner)

    @admin.display(description=_("first scene"))
    def first_link(self, row):
        return admin_link(row.first)

    @admin.display(description=_("second scene"))
    def second_link(self, row):
        return admin_link(row.second)
