from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Delivery, Kind


class NotificationSettingsForm(forms.Form):
    """One choice per kind: off, on the site, or on the site and by e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in Kind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=Delivery.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose how to hear about this."),
                    "invalid_choice": _("“%(value)s” is not one of the choices: off, site or email."),
                },
            )
