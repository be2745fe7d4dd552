from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EdgeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "edge"
    verbose_name = _("Site edge")
