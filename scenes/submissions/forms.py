"""Forms fans fill in: submitting a scene, editing it, proposing a missing drama."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext

from scenes.models import Character, Drama, Trope
from scenes.models.sources import validate_short_quote
from scenes.naming import first_name, inline_name
from scenes.search.dramas import drama_named
from scenes.timecodes import format_timecode, parse_timecode

from .image_fields import ScreenshotUploadField
from .images import pixel_budget_refusal
from .services import NewCharacter, near_duplicates

MAX_SCREENSHOTS = 4
NEW = "new"
LONGEST_HUG_SECONDS = 15 * 60


class TimecodeField(forms.CharField):
    """``mm:ss`` or ``h:mm:ss`` in, seconds out."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 9)
        kwargs.setdefault("help_text", _("Like 12:34, or 1:02:03 for long episodes."))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "placeholder": "mm:ss", "pattern": r"[0-9:]+"})

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        try:
            return parse_timecode(value)
        except ValueError as error:
            raise ValidationError(str(error)) from error

    def prepare_value(self, value):
        return format_timecode(value) if isinstance(value, int) else value


class DramaChoiceField(forms.CharField):
    """A drama typed by any of its titles (suggested as you type; scenes.search.dramas) or its slug."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        drama = drama_named(value)
        if drama is None:
            raise ValidationError(
                _("We don't know that drama yet. Pick one from the suggestions, or propose it below.")
            )
        return drama

    def prepare_value(self, value):
        return value.title if isinstance(value, Drama) else value


class SceneForm(forms.Form):
    """Everything about a back hug but its screenshots; the drama's characters fill the hugger/hugged lists."""

    drama = DramaChoiceField(
        label=_("Drama"), max_length=200, help_text=_("Start typing the English title."), widget=forms.TextInput()
    )
    # Each may stay empty when a source documents the scene without saying (see clean()).
    episode = forms.IntegerField(label=_("Episode"), min_value=1, max_value=999, required=False)
    start = TimecodeField(label=_("The hug starts at"), required=False)
    end = TimecodeField(label=_("and ends at"), required=False)
    hugger = forms.ChoiceField(label=_("Who hugs (from behind)"))
    hugger_name = forms.CharField(label=_("New character's name"), max_length=120, required=False)
    hugger_actor = forms.CharField(label=_("Played by"), max_length=120, required=False)
    hugger_gender = forms.ChoiceField(label=_("Gender"), choices=Character.Gender.choices, required=False)
    hugger_role = forms.ChoiceField(label=_("Role"), choices=Character.Role.choices, required=False)
    hugged = forms.ChoiceField(label=_("Who is hugged"))
    hugged_name = forms.CharField(label=_("New character's name"), max_length=120, required=False)
    hugged_actor = forms.CharField(label=_("Played by"), max_length=120, required=False)
    hugged_gender = forms.ChoiceField(label=_("Gender"), choices=Character.Gender.choices, required=False)
    hugged_role = forms.ChoiceField(label=_("Role"), choices=Character.Role.choices, required=False)
    setting = forms.CharField(label=_("Where it happens"), max_length=200, required=False)
    description = forms.CharField(
        label=_("What happens"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In your own words."),
    )
    line_korean = forms.CharField(label=_("Line spoken (Korean)"), max_length=300, required=False)
    line_english = forms.CharField(label=_("Line spoken (English)"), max_length=300, required=False)
    is_spoiler = forms.BooleanField(
        label=_("It is a spoiler"),
        required=False,
        help_text=_(
            "Tick it when the scene gives away a turn of the story (a twist, a reveal, an ending): readers who have "
            "not watched that far see it blurred, with a neutral title."
        ),
    )
    tropes = forms.ModelMultipleChoiceField(
        label=_("Tropes"), queryset=Trope.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, drama: Drama | None = None, fan=None, has_sources: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.drama = drama
        self.fan = fan
        self.has_sources = has_sources  # the scene being edited is documented already
        # Other fans' new characters wait, private, with their submissions.
        cast = drama.characters.public_or_added_by(fan) if drama else None
        characters = list(cast.select_related("actor").order_by("name")) if drama else []
        self.characters = {str(character.pk): character for character in characters}
        choices = [("", _("Choose…"))] + [(str(character.pk), _cast_label(character)) for character in characters]
        choices.append((NEW, _("Someone else (add a new character)")))
        for role in ("hugger", "hugged"):
            self.fields[role].choices = choices
        self.fields["tropes"].queryset = Trope.objects.curated().select_related("group")

    def gives_a_source(self) -> bool:
        return self.has_sources

    def _check_moment(self, data, start, end) -> None:
        """The episode and start may stay unknown only for a scene a source documents; an end needs a start,
        and a start needs its episode."""
        if "episode" in self.errors or "start" in self.errors or "end" in self.errors:
            return
        episode = data.get("episode")
        if not self.gives_a_source():
            if episode is None:
                self.add_error("episode", _("Give the episode, or a source that documents the scene without one."))
            elif start is None:
                self.add_error("start", _("Give when the hug starts, or a source that documents the scene without it."))
        if end is not None and start is None and "start" not in self.errors:
            self.add_error("start", _("Give the start too, or leave both times empty."))
        if start is not None and episode is None and "episode" not in self.errors:
            self.add_error("episode", _("A start time needs its episode."))

    def _person(self, role: str):
        choice = self.cleaned_data.get(role)
        if choice == NEW:
            name = (self.cleaned_data.get(f"{role}_name") or "").strip()
            gender = self.cleaned_data.get(f"{role}_gender")
            if not name:
                self.add_error(f"{role}_name", _("Give the new character's name."))
            if not gender:
                self.add_error(f"{role}_gender", _("Pick the character's gender: it decides girl- or boy-initiated."))
            if not name or not gender:
                return None
            return NewCharacter(
                name=name,
                actor_name=self.cleaned_data.get(f"{role}_actor") or "",
                gender=gender,
                role=self.cleaned_data.get(f"{role}_role") or Character.Role.SUPPORTING,
            )
        return self.characters.get(choice)

    def clean(self):
        data = super().clean()
        drama = data.get("drama") or self.drama
        if drama is not None and drama != self.drama:
            # The fan changed the drama without reloading its characters: ask again rather than guess.
            self.add_error("hugger", _("Pick the characters again for the drama you chose."))
            return data
        if drama and data.get("episode") and data["episode"] > drama.episodes:
            self.add_error(
                "episode",
                ngettext("%(drama)s has %(episodes)d episode.", "%(drama)s has %(episodes)d episodes.", drama.episodes)
                % {"drama": first_name(drama), "episodes": drama.episodes},
            )
        start, end = data.get("start"), data.get("end")
        self._check_moment(data, start, end)
        if start is not None and end is not None:
            if end <= start:
                self.add_error("end", _("The hug must end after it starts."))
            elif end - start > LONGEST_HUG_SECONDS:
                self.add_error("end", _("That is longer than any back hug: check the times."))
        hugger, hugged = self._person("hugger"), self._person("hugged")
        if hugger is not None and hugged is not None:
            same = hugger == hugged or (
                isinstance(hugger, NewCharacter)
                and isinstance(hugged, NewCharacter)
                and hugger.name.lower() == hugged.name.lower()
            )
            if same:
                self.add_error("hugged", _("Pick two different characters: nobody back-hugs themselves."))
        data["hugger_person"], data["hugged_person"] = hugger, hugged
        return data

    def scene_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "episode": data["episode"],
            "start_seconds": data["start"],
            "end_seconds": data["end"],
            "hugger": data["hugger_person"],
            "hugged": data["hugged_person"],
            "setting": data.get("setting", ""),
            "description": data["description"],
            "line_korean": data.get("line_korean", ""),
            "line_english": data.get("line_english", ""),
            "is_spoiler": data.get("is_spoiler", False),
        }


class SubmissionForm(SceneForm):
    """A new scene: the scene itself plus one to four screenshots, each with its alt text."""

    confirm_not_duplicate = forms.BooleanField(
        label=_("It is a different back hug: submit it anyway"), required=False, widget=forms.CheckboxInput
    )
    source_url = forms.URLField(
        label=_("Address of a page that documents it"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("An article, recap or clip that shows this back hug happens (optional)."),
    )
    source_title = forms.CharField(label=_("The page's title"), max_length=300, required=False)
    source_quote = forms.CharField(
        label=_("A few words from it"),
        max_length=200,
        required=False,
        validators=[validate_short_quote],
        help_text=_("At most a dozen words that show the back hug, copied as they are."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.duplicates = []
        for number in range(1, MAX_SCREENSHOTS + 1):
            self.fields[f"screenshot_{number}"] = ScreenshotUploadField(
                label=_("Screenshot %(number)d") % {"number": number}, required=number == 1
            )
            self.fields[f"alt_{number}"] = forms.CharField(
                label=_("Describe screenshot %(number)d") % {"number": number},
                max_length=300,
                required=False,
                help_text=_("For people who cannot see it: who, where, what they do."),
            )
        self._refuse_over_pixel_budget()

    def _refuse_over_pixel_budget(self):
        """Every screenshot's header read before any is decoded: over the budget, none of them is."""
        if not self.files:
            return
        names = [
            f"screenshot_{number}" for number in range(1, MAX_SCREENSHOTS + 1) if self.files.get(f"screenshot_{number}")
        ]
        refusal = pixel_budget_refusal([self.files[name] for name in names])
        if refusal is not None:
            for position, name in enumerate(names):
                self.fields[name].refusal = (
                    refusal
                    if position == 0
                    else ValidationError(_("Over the budget together with the first screenshot."))
                )

    def gives_a_source(self) -> bool:
        return bool(self.cleaned_data.get("source_url"))

    def clean(self):
        data = super().clean()
        if (data.get("source_title") or data.get("source_quote")) and not data.get("source_url"):
            if "source_url" not in self.errors:
                self.add_error("source_url", _("Give the page's address too, or leave the source empty."))
        elif data.get("source_url") and not (data.get("source_title") or "").strip():
            self.add_error("source_title", _("Give the page's title, as it gives it."))
        for number in range(1, MAX_SCREENSHOTS + 1):
            if data.get(f"screenshot_{number}") and not (data.get(f"alt_{number}") or "").strip():
                self.add_error(f"alt_{number}", _("Describe the picture for people who cannot see it."))
        drama = data.get("drama")
        if drama and data.get("episode") and data.get("start") is not None and not self.errors:
            self.duplicates = list(
                near_duplicates(drama=drama, episode=data["episode"], start_seconds=data["start"], fan=self.fan)
            )
            if self.duplicates and not data.get("confirm_not_duplicate"):
                self.add_error(
                    None,
                    _(
                        "This looks like a back hug we already have (same episode, within a minute). "
                        "Check the scenes listed below; if yours is a different one, tick the box and submit again."
                    ),
                )
        return data

    def source(self) -> dict | None:
        """The source the fan gave (for submissions.submit_scene), or None."""
        data = self.cleaned_data
        if not data.get("source_url"):
            return None
        return {"url": data["source_url"], "title": data["source_title"].strip(), "quote": data["source_quote"].strip()}

    def screenshots(self):
        return [
            (self.cleaned_data[f"screenshot_{number}"], self.cleaned_data[f"alt_{number}"].strip())
            for number in range(1, MAX_SCREENSHOTS + 1)
            if self.cleaned_data.get(f"screenshot_{number}")
        ]

    def screenshot_rows(self):
        """(file field, alt field) pairs, for the template."""
        return [(self[f"screenshot_{number}"], self[f"alt_{number}"]) for number in range(1, MAX_SCREENSHOTS + 1)]


class DramaProposalForm(forms.Form):
    title = forms.CharField(label=_("English title"), max_length=200)
    hangul_title = forms.CharField(label=_("Original title (Hangul)"), max_length=200, required=False)
    year = forms.IntegerField(label=_("Year first aired"), min_value=1950, max_value=2100)
    network = forms.CharField(label=_("Network or platform"), max_length=60)
    episodes = forms.IntegerField(label=_("Episodes"), min_value=1, max_value=999)
    note = forms.CharField(
        label=_("Anything that helps us check it"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if Drama.objects.filter(title__iexact=title).exists():
            raise ValidationError(_("We already have this drama: pick it in the submission form."))
        return title


def _cast_label(character: Character) -> str:
    """A character as the pickers offer them: their name in the reader's order (both, in Korean), and who plays
    them, by the name the reader reads first."""
    if not character.actor:
        return inline_name(character)
    return pgettext("a character and the actor who plays them", "%(character)s (%(actor)s)") % {
        "character": inline_name(character),
        "actor": first_name(character.actor),
    }
