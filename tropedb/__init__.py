"""The tropedb project: settings, URLs, the WSGI/ASGI entry points and the task queue's app."""

from .celery import app as celery_app

__all__ = ["celery_app"]
