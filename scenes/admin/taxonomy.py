"""The trope taxonomy in the admin: groups, tropes and the fans' words for them (aliases)."""

from django import forms
from django.contrib import admin
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from scenes.models import Trope, TropeAlias, TropeGroup
from scenes.models.querysets import forget_taxonomy

from .base import DatabaseRulesAdmin


def forget_taxonomy_on_commit():
    """The tropes are cached for scene cards (TropeQuerySet.taxonomy): drop them once saved."""
    transaction.on_commit(forget_taxonomy)


class TaxonomyAdmin(DatabaseRulesAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_taxonomy_on_commit()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        forget_taxonomy_on_commit()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        forget_taxonomy_on_commit()


@admin.register(TropeGroup)
class TropeGroupAdmin(TaxonomyAdmin):
    list_display = ("name", "slug", "position", "tropes_link")
    search_fields = ("name", "slug")
    ordering = ("position", "name")
    prepopulated_fields = {"slug": ("name",)}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(trope_count=Count("tropes"))

    @admin.display(description=_("tropes"), ordering="trope_count")
    def tropes_link(self, group):
        url = reverse("admin:scenes_trope_changelist") + f"?group__id__exact={group.pk}"
        return format_html('<a href="{}">{}</a>', url, group.trope_count)


class TropeForm(forms.ModelForm):
    def clean_rule(self):
        rule = self.cleaned_data["rule"]
        if rule and self.instance.pk:
            attached = self.instance.scene_tropes.count()
            if attached:
                raise forms.ValidationError(
                    ngettext(
                        "This trope is attached to %(count)d scene; a derived trope cannot be attached to any.",
                        "This trope is attached to %(count)d scenes; a derived trope cannot be attached to any.",
                        attached,
                    )
                    % {"count": attached}
                )
        return rule


class TropeAliasInline(admin.TabularInline):
    model = TropeAlias
    fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    extra = 1


@admin.register(Trope)
class TropeAdmin(TaxonomyAdmin):
    form = TropeForm
    list_display = ("name", "group", "kind", "hangul_name", "slug", "position", "attached_count")
    list_filter = ("group", "rule")
    list_select_related = ("group",)
    search_fields = ("name", "hangul_name", "slug", "aliases__name")
    ordering = ("group__position", "position", "name")
    autocomplete_fields = ("group",)
    fields = ("group", "name", "slug", "hangul_name", "description", "rule", "position")
    inlines = [TropeAliasInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(attached_count=Count("scene_tropes"))

    def get_readonly_fields(self, request, obj=None):
        if obj and obj.is_derived:
            # A derived trope's rule is code (Trope.scene_condition), and public URLs use its slug.
            return ("rule", "slug")
        return ()

    def get_prepopulated_fields(self, request, obj=None):
        if obj and obj.is_derived:
            return {}
        return {"slug": ("name",)}

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # Attaching a trope to a scene (the scene form's trope autocomplete): derived tropes follow from
        # the characters and a trigger refuses them, so they are never offered.
        asking = (request.GET.get("app_label"), request.GET.get("model_name"), request.GET.get("field_name"))
        if asking == ("scenes", "scenetrope", "trope"):
            queryset = queryset.curated()
        return queryset, may_have_duplicates

    @admin.display(description=_("kind"), ordering="rule")
    def kind(self, trope):
        return "derived" if trope.is_derived else "curated"

    @admin.display(description=_("scenes attached"), ordering="attached_count")
    def attached_count(self, trope):
        if trope.is_derived:
            return _("follows from the hugger")
        url = reverse("admin:scenes_scene_changelist") + f"?trope={trope.slug}"
        return format_html('<a href="{}">{}</a>', url, trope.attached_count)


@admin.register(TropeAlias)
class TropeAliasAdmin(DatabaseRulesAdmin):
    list_display = ("name", "slug", "trope")
    list_filter = ("trope__group",)
    list_select_related = ("trope",)
    search_fields = ("name", "slug", "trope__name")
    ordering = ("name",)
    autocomplete_fields = ("trope",)
    prepopulated_fields = {"slug": ("name",)}
