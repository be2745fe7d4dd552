"""
Slow work runs as tasks (tropedb/celery.py): a fan's screenshots are processed after the request, mail is sent by
a worker, the site-wide numbers are counted and the caches warmed by Celery beat. Each task is safe to run twice
and is retried when it fails. Without a broker (development, tests) a task runs at once, in-process.
"""

import importlib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.storage import storages
from django.utils import timezone

from edge.mail import QueuedEmailBackend, as_payload, send_email
from edge.warming import warm_caches
from scenes.models import Scene, SceneImage, StatsSnapshot
from scenes.stats.tasks import refresh_stats
from scenes.submissions import processing, tasks
from scenes.submissions.processing import INCOMING
from tests.test_submission import SUBMIT, form_data
from tropedb.celery import app, failures

pytestmark = pytest.mark.django_db


def submit(client, drama, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SUBMIT, form_data(drama))
    assert response.status_code == 302
    return response["Location"]


def test_a_fans_screenshot_shows_as_processing_until_its_task_has_run(
    signed_in, heirs, queued, django_capture_on_commit_callbacks
):
    page = submit(signed_in, heirs, django_capture_on_commit_callbacks)

    assert queued == [("scenes.submissions.tasks.process_screenshot", (SceneImage.objects.get().pk,))]
    assert "Processing the screenshot" in signed_in.get(page).content.decode()


def test_once_processed_the_screenshot_replaces_processing_with_the_picture(
    signed_in, heirs, queued, django_capture_on_commit_callbacks
):
    page = submit(signed_in, heirs, django_capture_on_commit_callbacks)
    upload = SceneImage.objects.get().upload_name

    with django_capture_on_commit_callbacks(execute=True):
        tasks.process_screenshot(*queued[0][1])

    text = signed_in.get(page).content.decode()
    image = SceneImage.objects.get()
    assert "Processing the screenshot" not in text
    assert image.image.url in text and image.width == 320 and len(image.perceptual_hash) == 16
    assert not storages[INCOMING].exists(upload)


def test_the_upload_is_kept_outside_the_public_media_until_processed(
    signed_in, heirs, queued, django_capture_on_commit_callbacks, settings
):
    submit(signed_in, heirs, django_capture_on_commit_callbacks)

    image = SceneImage.objects.get()
    assert storages[INCOMING].exists(image.upload_name)
    assert not list(settings.MEDIA_ROOT.rglob("*.*"))


def test_processing_a_screenshot_twice_stores_it_once(
    signed_in, heirs, queued, django_capture_on_commit_callbacks, settings
):
    submit(signed_in, heirs, django_capture_on_commit_callbacks)
    image_id = queued[0][1][0]

    tasks.process_screenshot(image_id)
    first = SceneImage.objects.get().image.name
    tasks.process_screenshot(image_id)

    assert SceneImage.objects.get().image.name == first
    assert len(list(settings.MEDIA_ROOT.rglob("*.webp"))) == 1  # 320 px wide: no thumbnail narrower than itself


def test_an_upload_the_re_encoding_refuses_is_shown_as_failed_with_its_reason(
    signed_in, heirs, queued, django_capture_on_commit_callbacks
):
    page = submit(signed_in, heirs, django_capture_on_commit_callbacks)
    image = SceneImage.objects.get()
    with storages[INCOMING].open(image.upload_name, "wb") as kept:
        kept.write(b"damaged on the way")

    tasks.process_screenshot(image.pk)

    assert "could not be processed: This file is not a JPEG" in signed_in.get(page).content.decode()


def test_a_failing_step_is_retried_and_the_screenshot_still_processed(signed_in, heirs, monkeypatch):
    store, attempts = processing.store_screenshot, []

    def flaky_store(**arguments):
        attempts.append(arguments["alt_text"])
        if len(attempts) == 1:
            raise OSError("the bucket did not answer")
        return store(**arguments)

    monkeypatch.setattr(processing, "store_screenshot", flaky_store)

    response = signed_in.post(SUBMIT, form_data(heirs))

    assert response.status_code == 302
    assert len(attempts) == 2
    assert SceneImage.objects.get().image


def test_a_task_that_keeps_failing_is_counted_as_a_failure(monkeypatch):
    def broken(*, image_id):
        raise OSError("the bucket is gone")

    monkeypatch.setattr(tasks.processing, "process_screenshot", broken)
    before = failures(tasks.process_screenshot.name)

    result = tasks.process_screenshot.apply(args=(1,))

    assert result.failed()
    assert failures(tasks.process_screenshot.name) == before + 1


def test_a_screenshot_whose_task_was_lost_is_queued_again(signed_in, heirs, queued, django_capture_on_commit_callbacks):
    submit(signed_in, heirs, django_capture_on_commit_callbacks)
    image = SceneImage.objects.get()
    Scene.objects.filter(pk=image.scene_id).update(created_at=timezone.now() - timedelta(minutes=20))
    queued.clear()

    assert tasks.process_waiting_screenshots() == 1
    assert queued == [("scenes.submissions.tasks.process_screenshot", (image.pk,))]


def test_a_screenshot_waiting_for_days_is_given_up_on(signed_in, heirs, queued, django_capture_on_commit_callbacks):
    submit(signed_in, heirs, django_capture_on_commit_callbacks)
    Scene.objects.update(created_at=timezone.now() - timedelta(days=2))

    assert tasks.process_waiting_screenshots() == 0


def test_mail_is_sent_by_a_task_through_the_configured_backend(settings):
    settings.EMAIL_BACKEND = "edge.mail.QueuedEmailBackend"
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    mail.send_mail("Welcome", "Hello, fan.", "site@example.com", ["fan@example.com"])

    assert [message.subject for message in mail.outbox] == ["Welcome"]


def test_a_mail_task_delivered_twice_sends_the_mail_once(settings):
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    payload = as_payload(mail.EmailMessage("Confirm", "Click", "site@example.com", ["fan@example.com"]))

    send_email.apply(args=(payload,))
    send_email.apply(args=(payload,))

    assert len(mail.outbox) == 1


def test_queued_mail_is_sent_only_once_the_transaction_commits(settings, queued, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        QueuedEmailBackend().send_messages([mail.EmailMessage("Hi", "Body", "a@example.com", ["b@example.com"])])
        assert queued == []

    assert len(callbacks) == 1


def test_the_stats_task_counts_the_numbers_like_the_command(scene):
    assert refresh_stats.apply().get() == 1
    assert StatsSnapshot.objects.exists()


def test_every_periodic_task_is_a_registered_task(settings):
    for module in settings.CELERY_IMPORTS:  # what a worker and beat import when they start
        importlib.import_module(module)
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    assert scheduled <= set(app.tasks)
    assert "scenes.stats.tasks.refresh_stats" in scheduled


def test_warming_renders_the_first_pages_readers_open_in_each_language(scene):
    pages = ["/", "/scenes/", "/tropes/", "/dramas/", "/stats/"]

    assert warm_caches.apply().get() == dict.fromkeys([*pages, *(f"/ko{page}" for page in pages)], 200)


def test_the_moderators_queue_says_a_screenshot_is_still_processing(
    signed_in, heirs, queued, django_capture_on_commit_callbacks, moderator
):
    submit(signed_in, heirs, django_capture_on_commit_callbacks)
    signed_in.force_login(moderator)

    page = signed_in.get("/admin/scenes/pendingscene/").content.decode()

    assert "processing…" in page
    assert '<img src=""' not in page
