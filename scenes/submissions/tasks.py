"""The screenshots' tasks: process a fan's upload, and queue again any whose task was lost."""

from tropedb.celery import app

from . import processing


@app.task
def process_screenshot(image_id: int) -> None:
    """Re-encode, thumbnail and hash a waiting upload (scenes.submissions.processing); safe to run twice."""
    processing.process_screenshot(image_id=image_id)


@app.task
def process_waiting_screenshots() -> int:
    """Periodic: queue again the uploads still waiting long after they came in (a lost task); how many."""
    waiting = processing.waiting_too_long()
    for image_id in waiting:
        process_screenshot.delay(image_id)
    return len(waiting)
