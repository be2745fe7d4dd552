"""Form fields for screenshot uploads: the pipeline's messages appear next to the field."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .images import (
    ACCEPT_ATTRIBUTE,
    SCREENSHOT_MAX_BYTES,
    PreparedScreenshot,
    prepare_screenshot,
    setting,
)
from .processing import CheckedScreenshot, check_screenshot


class ScreenshotField(forms.FileField):
    """A screenshot upload, cleaned to a PreparedScreenshot (checked and re-encoded) for store_screenshot().

    ``form.cleaned_data["screenshot"]`` goes straight to ``store_screenshot(uploaded_file=...)``, so the picture
    is decoded once. A refused upload raises the pipeline's ValidationError, shown next to the field.
    """

    widget = forms.FileInput
    # Set by the form when the upload must be refused before it is decoded (the submission's pixel budget).
    refusal = None

    def __init__(self, **kwargs):
        max_bytes = setting("SCREENSHOT_MAX_BYTES", SCREENSHOT_MAX_BYTES)
        kwargs.setdefault(
            "help_text",
            _("A JPEG, PNG, WebP or GIF picture of at most %(size)s.") % {"size": filesizeformat(max_bytes)},
        )
        super().__init__(**kwargs)
        # A hint for the file picker only: the bytes decide (scenes.submissions.images.decode).
        self.widget.attrs.setdefault("accept", ACCEPT_ATTRIBUTE)

    def uploaded_file(self, data):
        """The upload, or None; the form's refusal (the pixel budget) raised before anything is decoded."""
        uploaded_file = forms.FileField.to_python(self, data)
        if uploaded_file is not None and self.refusal is not None:
            raise self.refusal
        return uploaded_file

    def to_python(self, data) -> PreparedScreenshot | None:
        uploaded_file = self.uploaded_file(data)
        return None if uploaded_file is None else prepare_screenshot(uploaded_file)


class ScreenshotUploadField(ScreenshotField):
    """A fan's screenshot, cleaned to a CheckedScreenshot: refused at once if it would be, processed later by a task.

    ``submit_scene`` keeps it and queues its processing (scenes.submissions.processing).
    """

    def to_python(self, data) -> CheckedScreenshot | None:
        uploaded_file = self.uploaded_file(data)
        return None if uploaded_file is None else check_screenshot(uploaded_file)
