"""
What the catalogue's admin pages share: a database rule that still refuses a change becomes a message
instead of a server error, links to other admin pages, screenshot previews.
"""

import logging

from django.contrib import admin, messages
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from scenes.models import SceneImage

logger = logging.getLogger(__name__)


class DatabaseRulesAdmin(admin.ModelAdmin):
    """
    The forms check every rule the triggers enforce; should a concurrent change still trip a trigger
    between validation and save, say so and keep what is stored, instead of a server error.
    """

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except IntegrityError as error:
            # The admin saves inside transaction.atomic(): everything of this submission was rolled back.
            logger.warning("Admin change refused by the database: %s", error)
            reason = str(error).strip().splitlines()[0] if str(error).strip() else _("a catalogue rule")
            self.message_user(
                request,
                _("Nothing was saved: the database refused the change (%(reason)s). Please check and try again.")
                % {"reason": reason},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())


def admin_link(obj, text=None) -> str:
    """A link to ``obj``'s admin change page."""
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text if text is not None else str(obj))


def image_preview(image: SceneImage, *, width: int) -> str:
    picture = image.thumbnail_small or image.image
    if not picture:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" width="{}" style="height:auto" loading="lazy">', picture.url, image.alt_text, width
    )
