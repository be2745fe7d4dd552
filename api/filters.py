"""Filters of the API lists: the catalogue's own FilterSet for scenes (scenes.catalogue.filters), characters, actors."""

from django_filters import BooleanFilter, CharFilter, ChoiceFilter, FilterSet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

from scenes.catalogue.actors import SORTS, whose_name_matches
from scenes.catalogue.filters import SEARCH_MAX_LENGTH, SlugChoiceFilter
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


class ActorFilter(FilterSet):
    """The actor index's choices (/actors/): a name as the site's search reads it, an order, only those in back hugs."""

    q = CharFilter(
        method="named",
        max_length=SEARCH_MAX_LENGTH,
        label="Actors whose name matches, romanised any way (“Lee Min-ho”, “leeminho”) or in Hangul",
    )
    sort = ChoiceFilter(
        method="ordered",
        choices=[(value, value) for value in SORTS],
        label="name (the default), given or received: the most back hugs given or received first",
    )
    in_back_hugs = BooleanFilter(
        method="in_published_scenes",
        label="true: only actors who give or receive a published back hug, as /actors/ lists them",
    )

    class Meta:
        model = Actor
        fields = ["q", "sort", "in_back_hugs"]

    def named(self, queryset, name, value):
        text = " ".join(value.split())
        return whose_name_matches(queryset, text) if text else queryset

    def ordered(self, queryset, name, value):
        return queryset.order_by(*SORTS[value][1]) if value else queryset

    def in_published_scenes(self, queryset, name, value):
        if value is None:
            return queryset
        listed = Actor.objects.in_published_scenes().values("pk")
        return queryset.filter(pk__in=listed) if value else queryset.exclude(pk__in=listed)
