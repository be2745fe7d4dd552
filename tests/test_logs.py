"""Logs as JSON lines carrying the request's id (edge.logs, edge.request_ids); errors to Sentry only with a DSN."""

import io
import json
import logging
import os
import subprocess
import sys

import pytest
import sentry_sdk
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import path
from sentry_sdk.transport import Transport

from edge.logs import JsonFormatter, RequestIdFilter
from edge.request_ids import RequestIdMiddleware
from tropedb.observability import start_sentry

pytestmark = pytest.mark.django_db
logger = logging.getLogger("tests.logs")


def broken_view(request):
    raise RuntimeError("the view fell over")


urlpatterns = [path("broken/", broken_view)]


@pytest.fixture
def json_lines():
    """What the site's JSON handler writes, one parsed object per line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def logging_view(request):
    logger.info("a fan voted", extra={"scene": 7})
    return HttpResponse("ok")


def test_a_log_line_is_json_with_the_id_nginx_gave_the_request(json_lines):
    request = RequestFactory().get("/scenes/7/", HTTP_X_REQUEST_ID="f3a9c2e1b4d5a6c7")

    RequestIdMiddleware(logging_view)(request)

    [line] = json_lines()
    assert line["message"] == "a fan voted" and line["level"] == "INFO" and line["scene"] == 7
    assert line["request_id"] == "f3a9c2e1b4d5a6c7"


def test_the_answer_carries_the_requests_id(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="f3a9c2e1b4d5a6c7")

    assert response["X-Request-ID"] == "f3a9c2e1b4d5a6c7"


def test_a_request_without_an_id_gets_a_new_one(client):
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]

    assert len(first) == 32 and first != second


def test_an_id_that_is_not_an_id_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID='evil" injected\tinto logs')

    assert response["X-Request-ID"] != 'evil" injected\tinto logs'
    assert len(response["X-Request-ID"]) == 32


def test_an_error_line_holds_its_traceback(json_lines):
    try:
        raise ValueError("bad screenshot")
    except ValueError:
        logger.exception("processing failed")

    [line] = json_lines()
    assert line["level"] == "ERROR"
    assert "ValueError: bad screenshot" in line["exception"]


def test_a_log_line_outside_any_request_has_an_empty_id(json_lines):
    logger.warning("beat started")

    assert json_lines()[0]["request_id"] == ""


def settings_in_a_fresh_process(**environment) -> str:
    """What LOG_FORMAT and Sentry look like when the settings load with ``environment``."""
    code = (
        "import django, sentry_sdk; django.setup(); from django.conf import settings; "
        "print(settings.LOG_FORMAT, sentry_sdk.get_client().is_active())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tropedb.settings", **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_production_logs_json_and_development_text():
    assert settings_in_a_fresh_process(DEBUG="0", SECRET_KEY="x" * 50).startswith("json")
    assert settings_in_a_fresh_process(DEBUG="1").startswith("text")


def test_without_a_dsn_sentry_is_never_started():
    assert settings_in_a_fresh_process(SENTRY_DSN="") == "text False"


def test_with_a_dsn_sentry_is_started():
    assert settings_in_a_fresh_process(SENTRY_DSN="https://public@127.0.0.1:9/1") == "text True"


class Captured(Transport):
    """Keeps the envelopes Sentry would send, instead of sending them anywhere."""

    def __init__(self, options=None):
        super().__init__(options)
        self.envelopes = []

    def capture_envelope(self, envelope):
        self.envelopes.append(envelope)


@pytest.fixture
def sentry():
    transport = Captured()
    start_sentry(dsn="https://public@127.0.0.1:9/1", environment="test", transport=transport)
    yield transport
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)


def test_an_error_in_a_view_is_reported_with_its_request_id(client, settings, sentry):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False

    response = client.get("/broken/", HTTP_X_REQUEST_ID="0123456789abcdef")
    sentry_sdk.flush()

    assert response.status_code == 500
    [event] = [item.payload.json for envelope in sentry.envelopes for item in envelope.items if item.type == "event"]
    assert event["exception"]["values"][0]["value"] == "the view fell over"
    assert event["tags"]["request_id"] == "0123456789abcdef"
