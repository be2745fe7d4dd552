from django.apps import AppConfig


class ScenesConfig(AppConfig):
    default_auto_field = 'django.db.models.BigAutoField'
    name = 'scenes'
