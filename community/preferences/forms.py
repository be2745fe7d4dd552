"""Forms for a fan's reading preferences: the tropes they hide, spoilers shown or not, how far they have watched a
drama."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from scenes.models import Trope
from scenes.naming import first_name


class HiddenTropesForm(forms.Form):
    tropes = forms.ModelMultipleChoiceField(
        queryset=Trope.objects.select_related("group"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Tropes to hide"),
        help_text=_("Scenes carrying any of these leave every list you read: catalogue, dramas, actors, front page."),
        error_messages={"invalid_choice": _("“%(value)s” is not a trope we know. Pick from the list.")},
    )


class TropeToggleForm(forms.Form):
    trope = forms.SlugField(max_length=80, error_messages={"invalid": _("Pick a trope from the guide.")})
    hidden = forms.TypedChoiceField(
        choices=[("1", _("Hide")), ("0", _("Show again"))],
        coerce=lambda value: value == "1",
        error_messages={"invalid_choice": _("hidden is 1 (hide the trope) or 0 (show it again).")},
    )


class WatchProgressForm(forms.Form):
    """How far a fan has watched one drama; ``forget=1`` removes the record (the rule for everyone applies again)."""

    forget = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, drama, **kwargs):
        super().__init__(*args, **kwargs)
        self.drama = drama
        out_of_range = ngettext(
            "%(drama)s has %(episodes)d episode: pick one from 0 to %(episodes)d.",
            "%(drama)s has %(episodes)d episodes: pick one from 0 to %(episodes)d.",
            drama.episodes,
        ) % {"drama": first_name(drama), "episodes": drama.episodes}
        self.fields["last_episode"] = forms.IntegerField(
            label=_("I have watched up to episode"),
            min_value=0,
            max_value=drama.episodes,
            required=False,
            help_text=_("Of %(episodes)d; 0 if you have not started. Later scenes show behind a spoiler notice.")
            % {"episodes": drama.episodes},
            error_messages={
                "invalid": _("The episode is a whole number, like 8."),
                "min_value": out_of_range,
                "max_value": out_of_range,
            },
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("forget") and cleaned.get("last_episode") is None and not self.errors:
            self.add_error("last_episode", _("Say which episode you have watched up to, or forget this drama."))
        return cleaned

    def last_episode_or_none(self) -> int | None:
        """The episode to record, or None to forget the drama."""
        return None if self.cleaned_data.get("forget") else self.cleaned_data["last_episode"]


class SpoilerSettingForm(forms.Form):
    show_spoilers = forms.BooleanField(
        label=_("Show me all spoilers"),
        required=False,
        help_text=_("Every scene shows plainly: no blur, no notices, whatever you have watched."),
    )
