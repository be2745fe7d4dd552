from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScenesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "scenes"
    verbose_name = _("Scenes")

    def ready(self):
        # The search tables live in their own module; the signals keep the search index current.
        from . import freshness  # noqa: F401  (what changes which kept pages)
        from .search import signals  # noqa: F401
