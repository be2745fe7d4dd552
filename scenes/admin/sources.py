"""A scene's sources, edited by moderators on the scene's own page (an inline of scenes.admin.scenes.SceneAdmin)."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from scenes.models import SceneSource


class SceneSourceInline(admin.StackedInline):
    model = SceneSource
    extra = 0
    fields = ("url", "title", ("publisher", "published_on"), "quote", "checked_on")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class DocumentedFilter(admin.SimpleListFilter):
    """Documented (a source, not illustrative) or not, as readers' ?documented= asks."""

    title = _("documented")
    parameter_name = "documented"

    def lookups(self, request, model_admin):
        return [("1", _("Documented")), ("0", _("Not documented"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.documented()
        if self.value() == "0":
            return queryset.undocumented()
        return queryset
