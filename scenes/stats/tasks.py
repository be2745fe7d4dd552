"""The site-wide numbers, counted again every few minutes by Celery beat (settings.CELERY_BEAT_SCHEDULE)."""

from tropedb.celery import app

from .numbers import refresh_site_stats


@app.task
def refresh_stats() -> int:
    """What `manage.py refresh_stats` does: count the numbers and keep them; idempotent. Published scenes."""
    return refresh_site_stats().overall.scenes
