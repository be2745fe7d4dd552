from django.apps import AppConfig


class EdgeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "edge"
    verbose_name = "Site edge"
