"""
Admin for search: the searches that found nothing, as a list of what the catalogue is missing.

Every staff member (moderators included) may read the list; it is written only by the site itself
(scenes.search.misses.record_search_miss). Deleting an entry, once the catalogue has what it asked for, takes the
delete permission.
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from scenes.models import SearchMiss


@admin.register(SearchMiss)
class SearchMissAdmin(admin.ModelAdmin):
    list_display = ("query", "count", "first_seen", "last_seen", "search_again")
    ordering = ("-count", "-last_seen")
    search_fields = ("query",)
    date_hierarchy = "last_seen"
    list_per_page = 100
    readonly_fields = ("query", "count", "first_seen", "last_seen")

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("try it"))
    def search_again(self, miss):
        url = reverse("scenes:scene-list") + "?" + urlencode({"q": miss.query})
        return format_html('<a href="{}">search the catalogue now</a>', url)
