"""
The catalogue's query string, as one django-filter FilterSet: pages and the API read it the same way.

    drama=<slug>  trope=<slug> (repeatable, all must hold)  exclude=<slug> (repeatable)
    actor=<slug>  q=<text>  sort=<order>  year=<broadcast year>
"""

import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from scenes.models import Actor, Drama, Trope
from scenes.naming import first_name
from scenes.search.dramas import drama_named, dramas_like
from scenes.search.ranking import RankedResults, search_scenes

SLUG_MAX_LENGTH = 80
SEARCH_MAX_LENGTH = 200
TITLE_MAX_LENGTH = 200
# A trope may also be named by a fan's word (an alias, Hangul included), so allow unicode words.
TROPE_WORD = re.compile(r"^[\w\- ]+$")
SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
# NUL has its own message from Django's form fields.
CONTROL_CHARACTERS = re.compile(r"[\x01-\x1f\x7f]")
NOT_FOUND = {
    "drama": _("No drama by that name in the catalogue."),
    "actor": _("No actor by that name in the catalogue."),
}
YEARS_AIRED = _("Dramas in the catalogue aired from {first} to {last}.")


def reject_control_characters(value: str) -> None:
    if CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("Remove the control characters from the search."))


class TropeWordsField(forms.Field):
    """Several trope slugs (or aliases fans use), each resolved to the curated Trope."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        words = [value] if isinstance(value, str) else list(value)
        if len(words) > 20:
            raise ValidationError(_("Pick at most 20 tropes at once."))
        tropes, unknown = [], []
        for word in words:
            if len(word) > SLUG_MAX_LENGTH or not TROPE_WORD.match(word):
                unknown.append(word[:40])
                continue
            trope = Trope.objects.resolve(word)
            if trope is None:
                unknown.append(word)
            elif trope not in tropes:
                tropes.append(trope)
        if unknown:
            names = ", ".join(f"“{word}”" for word in unknown)
            raise ValidationError(
                _("No trope called %(names)s. See the trope guide for the ones we know.") % {"names": names}
            )
        return tropes


class TropeWordsFilter(django_filters.Filter):
    field_class = TropeWordsField


class SlugModelChoiceField(forms.ModelChoiceField):
    """Checks the slug's shape before asking the database, so odd bytes never reach a query."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if len(str(value)) > SLUG_MAX_LENGTH * 3 or not SLUG.match(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class DramaField(SlugModelChoiceField):
    """
    A drama named by its slug (links and shared URLs) or by any of its titles as a reader types it in the
    filter form (English, Hangul, romanised or also-known-as; scenes.search.dramas); the catalogue view then
    redirects to the slug's URL. A near miss names the dramas it may mean; the error's ``dramas`` parameter
    holds them, for the page's links.
    """

    widget = forms.TextInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if len(text) > TITLE_MAX_LENGTH or "\x00" in text or CONTROL_CHARACTERS.search(text):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        drama = drama_named(text)
        if drama is None:
            near = dramas_like(text)
            if not near:
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
            titles = ", ".join(f"“{first_name(drama)}”" for drama in near)
            raise ValidationError(
                _("No drama by that name in the catalogue: “%(typed)s”. Did you mean %(titles)s?"),
                code="did_you_mean",
                params={"typed": text, "titles": titles, "dramas": near},
            )
        return drama

    def prepare_value(self, value):
        # The box shows the chosen drama's title, never its id or slug.
        return value.title if isinstance(value, Drama) else value


class DramaFilter(django_filters.ModelChoiceFilter):
    field_class = DramaField


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A drama or actor named by its slug, with a message that says what was not found."""

    field_class = SlugModelChoiceField

    def __init__(self, *args, noun: str, **kwargs):
        kwargs.setdefault("error_messages", {"invalid_choice": NOT_FOUND[noun]})
        super().__init__(*args, to_field_name="slug", **kwargs)


class YearFilter(django_filters.NumberFilter):
    """A broadcast year: a whole number (django-filter's NumberFilter would take 2013.5)."""

    field_class = forms.IntegerField


# The range Drama.year allows (drama_year_plausible).
YEAR_RANGE = (1950, 2100)


class SceneFilter(django_filters.FilterSet):
    SORTS = {
        "new": (pgettext_lazy("sort order", "Newest first"), "latest_published"),
        "awesome": (pgettext_lazy("sort order", "Most awesome"), "by_awesome"),
        "awkward": (pgettext_lazy("sort order", "Most awkward"), "by_awkward"),
        "controversial": (pgettext_lazy("sort order", "Most controversial"), "by_controversy"),
        "discussed": (pgettext_lazy("sort order", "Most discussed"), "by_discussion"),
        "story": (pgettext_lazy("sort order", "Drama and episode"), "in_story_order"),
    }
    DEFAULT_SORT = "new"

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=SEARCH_MAX_LENGTH,
        validators=[reject_control_characters],
    )
    drama = DramaFilter(
        queryset=Drama.objects.all(),
        label=_("Drama"),
        error_messages={"invalid_choice": _("No drama by that name in the catalogue. Pick one from the suggestions.")},
    )
    actor = SlugChoiceFilter(
        queryset=Actor.objects.public(),
        noun="actor",
        label=_("Actor"),
        empty_label=_("Any actor"),
        method="filter_actor",
    )
    verdict = django_filters.ChoiceFilter(
        label=_("Fans' verdict"),
        choices=[("awesome", _("Mostly awesome")), ("awkward", _("Mostly awkward"))],
        method="filter_verdict",
        empty_label=_("Any verdict"),
        error_messages={"invalid_choice": _("The verdict filter is awesome or awkward.")},
    )
    year = YearFilter(
        field_name="drama__year",
        label=_("Broadcast year"),
        min_value=YEAR_RANGE[0],
        max_value=YEAR_RANGE[1],
        error_messages={
            "invalid": _("The year is a broadcast year, like year=2013."),
            "min_value": format_lazy(YEARS_AIRED, first=YEAR_RANGE[0], last=YEAR_RANGE[1]),
            "max_value": format_lazy(YEARS_AIRED, first=YEAR_RANGE[0], last=YEAR_RANGE[1]),
        },
    )
    documented = django_filters.ChoiceFilter(
        label=_("Sources"),
        choices=[("1", _("Documented by a source")), ("0", _("Not documented"))],
        method="filter_documented",
        empty_label=_("Documented or not"),
        error_messages={"invalid_choice": _("The documented filter is 1 (documented scenes) or 0 (the others).")},
    )
    trope = TropeWordsFilter(label=_("With all of these tropes"), method="filter_tropes")
    exclude = TropeWordsFilter(label=_("Without these tropes"), method="filter_excluded")
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[(key, label) for key, (label, _method) in SORTS.items()],
        method="filter_sort",
        empty_label=None,
        error_messages={"invalid_choice": format_lazy(_("Sort by {sorts}."), sorts=", ".join(SORTS))},
    )

    class Meta:
        fields = ["q", "drama", "actor", "verdict", "year", "documented", "trope", "exclude", "sort"]

    # Set when the filters run (filter_queryset): a search's ranked ids, and whether results come by relevance.
    ranked_ids: list[int] | None = None
    searched = None  # The queryset the search ran in (every other filter applied): pages of results come from it.
    by_relevance = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Actors are chosen from actor pages and scene cards; a select of every actor would not scale.
        self.form.fields["actor"].widget = forms.HiddenInput()

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        text = (self.form.cleaned_data.get("q") or "").strip()
        self.ranked_ids = None
        if text:
            # Searched last, so the ranking sees only what the other filters keep; results come by relevance.
            self.searched = queryset
            queryset = search_scenes(queryset, text)
            self.ranked_ids = queryset.ranked_ids
        sort = self.form.cleaned_data.get("sort")
        self.by_relevance = bool(text) and not sort
        if sort or not text:
            queryset = self.filter_sort(queryset, "sort", sort or self.DEFAULT_SORT)
        return queryset

    def results(self):
        """What to paginate: the filtered scenes, or for a search by relevance its ranked ids (see RankedResults)."""
        found = self.qs
        return RankedResults(self.searched, self.ranked_ids) if self.by_relevance else found

    def result_ids(self) -> list[int] | None:
        """For a search, the ids of every result (at most search.SEARCH_RESULTS); None otherwise."""
        self.qs  # noqa: B018 - filters (and searches) once
        return self.ranked_ids

    def filter_text(self, queryset, name, value):
        return queryset  # Applied in filter_queryset, after the other filters.

    def filter_tropes(self, queryset, name, tropes):
        return queryset.with_all_tropes(tropes)

    def filter_excluded(self, queryset, name, tropes):
        return queryset.without_tropes(tropes)

    def filter_sort(self, queryset, name, value):
        method = self.SORTS.get(value or self.DEFAULT_SORT, self.SORTS[self.DEFAULT_SORT])[1]
        return getattr(queryset, method)()

    def filter_verdict(self, queryset, name, value):
        return queryset.with_verdict(value)

    def filter_documented(self, queryset, name, value):
        """A source and not illustrative (documented), or the rest; see SceneQuerySet.documented()."""
        return queryset.documented() if value == "1" else queryset.undocumented()

    def filter_actor(self, queryset, name, value):
        return queryset.featuring(value)

    def unknown_drama(self) -> tuple[str, list] | None:
        """For a ``drama=`` that names no drama: what was typed and the dramas it may mean (maybe none)."""
        if not self.is_bound or self.is_valid() or "drama" not in self.form.errors:
            return None
        errors = self.form.errors.as_data()["drama"]
        near = next((error.params["dramas"] for error in errors if error.code == "did_you_mean"), [])
        return str(self.data.get("drama", "")).strip()[:TITLE_MAX_LENGTH], near

    def chosen(self, name: str):
        """A cleaned filter value (e.g. the included tropes), or its empty value when absent or invalid."""
        empty = [] if name in ("trope", "exclude") else None
        if not self.is_bound:
            return empty
        self.is_valid()  # Cleans the form; the valid fields stay usable when another one is not.
        return self.form.cleaned_data.get(name) or empty
