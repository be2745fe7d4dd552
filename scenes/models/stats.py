"""The site-wide numbers as last counted (scenes.stats.numbers), kept in the database so no reader waits for a count."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StatsSnapshot(models.Model):
    """
    The numbers behind /stats/, the trope guide and the catalogue's unfiltered facets, as counted at
    ``computed_at``: one row per kind of numbers, replaced by each count (scenes.stats.numbers.site_stats and
    ``manage.py refresh_stats``).
    """

    kind = models.CharField(_("kind"), max_length=40, unique=True)
    computed_at = models.DateTimeField(_("computed at"))
    numbers = models.JSONField(_("numbers"), help_text=_("scenes.stats.SiteStats as JSON."))

    class Meta:
        verbose_name_plural = _("stats snapshots")
        verbose_name = _("stats snapshot")

    def __str__(self):
        return f"{self.kind} counted at {self.computed_at:%Y-%m-%d %H:%M:%S}"
