from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Verdict
from .services import COMMENT_MAX_LENGTH, REPORT_MAX_LENGTH


class VoteForm(forms.Form):
    verdict = forms.ChoiceField(
        choices=[*Verdict.choices, ("none", _("No verdict"))],
        error_messages={
            "invalid_choice": _("A verdict is awesome, awkward or none."),
            "required": _("Pick a verdict."),
        },
    )

    def cleaned_verdict(self) -> str | None:
        verdict = self.cleaned_data["verdict"]
        return None if verdict == "none" else verdict


class TropeVoteForm(forms.Form):
    trope = forms.SlugField(max_length=80, error_messages={"invalid": _("Pick a trope from the list.")})
    vote = forms.ChoiceField(
        choices=[("agree", _("Agree")), ("disagree", _("Disagree")), ("none", _("Take back my vote"))],
        error_messages={"invalid_choice": _("A trope vote is agree, disagree or none.")},
    )

    def agrees(self) -> bool | None:
        return {"agree": True, "disagree": False, "none": None}[self.cleaned_data["vote"]]


class FavouriteForm(forms.Form):
    favourite = forms.TypedChoiceField(
        choices=[("1", _("Add to favourites")), ("0", _("Remove from favourites"))],
        coerce=lambda value: value == "1",
        error_messages={"invalid_choice": _("Favourite is 1 (add) or 0 (remove).")},
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "required": _("Write something before posting."),
            "max_length": _("Comments can be at most %(limit_value)d characters."),
        },
        help_text=_("Plain text; links become clickable."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this comment?"),
        max_length=REPORT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REPORT_MAX_LENGTH}),
        error_messages={"required": _("Tell the moderators what is wrong with this comment.")},
    )


class FollowForm(forms.Form):
    """Follow (1) or stop following (0) a drama or an actor (by slug) or a fan (by username)."""

    kind = forms.ChoiceField(
        choices=[("drama", "drama"), ("actor", "actor"), ("fan", "fan")],
        error_messages={"invalid_choice": _("One follows a drama, an actor or a fan.")},
    )
    name = forms.CharField(max_length=150, error_messages={"required": _("Say whom or what to follow.")})
    follow = forms.TypedChoiceField(
        choices=[("1", _("Follow")), ("0", _("Stop following"))],
        coerce=lambda value: value == "1",
        error_messages={"invalid_choice": _("follow is 1 (follow) or 0 (stop following).")},
    )
