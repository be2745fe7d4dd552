"""Filters of the API lists: the catalogue's own FilterSet for scenes (scenes.catalogue.filters), and characters."""

from django_filters import FilterSet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

from scenes.catalogue.filters import SlugChoiceFilter
from scenes.models import Actor, Character, Drama


class FilterSetBackend(DjangoFilterBackend):
    """
    DRF's django-filter backend: invalid filters are a 400 with the FilterSet's own messages, as the pages
    show them. (A class of its own, also so the schema describes its parameters from the FilterSet.)
    """

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            # The form's rendered messages, not django-filter's translate_validation: that one formats
            # each message again, and a message quoting the reader's input (a "%" in it) would crash it.
            raise ValidationError({field: list(messages) for field, messages in filterset.errors.items()})
        return filterset.qs


class CharacterFilter(FilterSet):
    drama = SlugChoiceFilter(queryset=Drama.objects.all(), noun="drama", label="Characters of this drama (slug)")
    actor = SlugChoiceFilter(queryset=Actor.objects.public(), noun="actor", label="Characters this actor plays (slug)")

    class Meta:
        model = Character
        fields = ["drama", "actor"]
