from django.apps import AppConfig


class ScenesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "scenes"

    def ready(self):
        # The search tables live in their own module; the signals keep the search index current.
        from . import freshness  # noqa: F401  (what changes which kept pages)
        from .search import signals  # noqa: F401
