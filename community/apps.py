from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import freshness  # noqa: F401  (the admin's removals leave kept pages at once)
        from .pending_votes import connect_signals as connect_pending_votes
        from .preferences.language import connect_signals

        connect_signals()  # a fan's language: set on sign-up, applied on sign-in
        connect_pending_votes()  # a verdict chosen before signing in, cast once they have
