"""Where a scene is documented: the public pages (articles, recaps, clips) that show the back hug happens."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .scenes import Scene

# A quote is a pointer into the source, not a copy of it: a dozen words at most.
QUOTE_MAX_WORDS = 12


def validate_short_quote(value: str) -> None:
    words = len(value.split())
    if words > QUOTE_MAX_WORDS:
        raise ValidationError(
            ngettext(
                "Quote at most %(limit)d word (this has %(words)d).",
                "Quote at most %(limit)d words (this has %(words)d).",
                QUOTE_MAX_WORDS,
            )
            % {"limit": QUOTE_MAX_WORDS, "words": words},
            code="quote_too_long",
        )


class SceneSource(models.Model):
    """A citation for a scene: a page that documents it, with a short quote and the day someone checked it."""

    scene = models.ForeignKey(Scene, on_delete=models.CASCADE, related_name="sources")
    url = models.URLField(_("address"), max_length=500, help_text=_("The page that documents the back hug."))
    title = models.CharField(_("title"), max_length=300, help_text=_("The page's title, as it gives it."))
    publisher = models.CharField(
        _("publisher"), max_length=200, blank=True, help_text=_("Who published it: a site, a paper, a channel.")
    )
    published_on = models.DateField(_("published on"), null=True, blank=True, help_text=_("When, if it says."))
    quote = models.CharField(
        _("quote"),
        max_length=200,
        blank=True,
        validators=[validate_short_quote],
        help_text=_("A few words from the page that show the back hug (at most a dozen)."),
    )
    checked_on = models.DateField(_("checked on"), help_text=_("When someone last read the page and it still said so."))

    class Meta:
        ordering = ["id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title
