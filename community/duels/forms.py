from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import SORTS


class DuelVoteForm(forms.Form):
    token = forms.CharField(max_length=200, error_messages={"required": _("This pick came without its duel.")})
    winner = forms.IntegerField(
        min_value=1, max_value=2**63 - 1, error_messages={"required": _("Pick one of the two scenes.")}
    )


class RankingForm(forms.Form):
    sort = forms.ChoiceField(
        choices=[(key, key) for key in SORTS],
        required=False,
        error_messages={"invalid_choice": _("Sort by rank, rating, duels or uncertain.")},
    )
