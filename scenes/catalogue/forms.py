"""The reader's forms that are not filters: a screenshot to find its scene, the actor index's search."""

from django import forms
from django.utils.translation import gettext_lazy as _

from scenes.submissions.images import ACCEPT_ATTRIBUTE, screenshot_hash

from .actors import NO_SUCH_SORT, SORTS
from .filters import SEARCH_MAX_LENGTH


class FindSceneForm(forms.Form):
    """A screenshot, checked like a submission's; ``cleaned_data["screenshot"]`` is its perceptual hash."""

    screenshot = forms.FileField(
        label=_("Screenshot"),
        help_text=_("A JPEG, PNG, WebP or GIF of up to 8 MB. Or paste a picture anywhere on this page."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        error_messages={
            "required": _("Choose a screenshot, or paste one, to look for its scene."),
            "empty": _("This file is empty."),
        },
    )

    def __init__(self, *args, refusal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.refusal = refusal  # the upload was too large to keep reading (InMemoryScreenshotUpload)

    def clean_screenshot(self):
        return screenshot_hash(self.cleaned_data["screenshot"])

    def clean(self):
        cleaned_data = super().clean()
        if self.refusal is not None:
            self.errors.pop("screenshot", None)  # "required": the file was skipped while it was read
            cleaned_data.pop("screenshot", None)
            self.add_error("screenshot", self.refusal)
        return cleaned_data


class ActorIndexForm(forms.Form):
    """/actors/?q=<name>&sort=name|given|received: both optional; anything else is a 400 with these messages."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("Romanised any way (“Lee Min-ho”, “leeminho”) or in Hangul."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[(value, label) for value, (label, _order) in SORTS.items()],
        error_messages={"invalid_choice": NO_SUCH_SORT},
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())

    def clean_sort(self):
        return self.cleaned_data["sort"] or "name"
