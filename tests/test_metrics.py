"""Prometheus metrics at /metrics (edge.metrics): what they count, and who may read them."""

import re
import shutil
import subprocess
import time

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from prometheus_client import REGISTRY

from edge.metrics import RequestMetricsMiddleware
from scenes.stats.tasks import refresh_stats
from tests.replica_support import free_port
from tropedb.celery import app, count_failure

pytestmark = pytest.mark.django_db


def metrics_text(client) -> str:
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 200
    return response.content.decode()


def requests_counted(view: str, status: str = "200") -> float:
    labels = {"view": view, "method": "GET", "status": status}
    return REGISTRY.get_sample_value("tropedb_http_requests_total", labels) or 0.0


def test_metrics_are_served_to_an_allowed_address_in_prometheus_format(client):
    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert "# TYPE tropedb_http_requests_total counter" in response.content.decode()


def test_metrics_are_hidden_from_any_other_address(client):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404


def test_behind_a_proxy_the_forwarded_client_decides_not_the_proxy(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    response = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert response.status_code == 404


def test_a_whole_network_can_be_allowed(client, settings):
    settings.METRICS_ALLOWED_IPS = ["10.0.0.0/8"]

    assert client.get("/metrics", REMOTE_ADDR="10.20.30.40").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404


def test_requests_are_counted_by_view_and_status(client, scene):
    before = requests_counted("scenes:scene-detail")

    client.get(f"/scenes/{scene.pk}/")
    client.get("/scenes/999999/")

    assert requests_counted("scenes:scene-detail") == before + 1
    assert requests_counted("scenes:scene-detail", "404") >= 1


def test_each_views_latency_is_measured(client):
    labels = {"view": "scenes:trope-list", "method": "GET"}
    before = REGISTRY.get_sample_value("tropedb_http_request_duration_seconds_count", labels) or 0.0

    client.get("/tropes/")

    assert REGISTRY.get_sample_value("tropedb_http_request_duration_seconds_count", labels) == before + 1
    assert REGISTRY.get_sample_value("tropedb_http_request_duration_seconds_sum", labels) > 0


def test_addresses_that_match_no_view_share_one_label(client):
    before = requests_counted("<unmatched>", "404")

    client.get("/no/such/page/one/")
    client.get("/no/such/page/two/")

    assert requests_counted("<unmatched>", "404") == before + 2
    assert "/no/such/page" not in metrics_text(client)


def test_tasks_that_failed_for_good_are_reported(client):
    count_failure("scenes.submissions.tasks.process_screenshot")

    text = metrics_text(client)

    assert 'tropedb_task_failures_total{task="scenes.submissions.tasks.process_screenshot"} 1.0' in text
    assert 'tropedb_task_failures_total{task="edge.mail.send_email"} 0.0' in text


def test_without_a_broker_there_is_no_queue_to_measure(client):
    assert "tropedb_task_queue_depth" not in metrics_text(client)


@pytest.fixture
def broker():
    """A Redis of the test's own on a free port, as the task queue's broker; stopped afterwards."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True).stdout.strip() != b"PONG":
        assert time.monotonic() < deadline, "redis-server did not start"
        time.sleep(0.05)
    app.conf.update(broker_url=url, task_always_eager=False)
    yield url
    app.close()
    app.conf.update(broker_url=None, task_always_eager=True)
    server.terminate()
    server.wait(timeout=10)


def test_the_queue_depth_is_read_from_the_broker(client, broker):
    for _ in range(3):
        refresh_stats.apply_async()

    depth = re.search(r'tropedb_task_queue_depth\{queue="tropedb"\} (\S+)', metrics_text(client))

    assert depth and float(depth.group(1)) == 3.0
    assert "tropedb_tasks_in_progress 0.0" in metrics_text(client)


def test_the_response_caches_hit_ratio_comes_from_its_shared_counters(client):
    store = pytest.importorskip("edge.store", reason="the response cache (edge/store.py) is not installed")
    for outcome in ("hit", "hit", "hit", "miss"):
        store.count(outcome)
    store.flush_counts()

    text = metrics_text(client)

    assert 'tropedb_response_cache_answers_total{outcome="hit"} 3.0' in text
    assert "tropedb_response_cache_hit_ratio 0.75" in text


def test_an_answer_that_never_reached_its_view_is_counted_under_that_view():
    # The response cache answers before the view runs: no resolver match on the request.
    before = requests_counted("scenes:trope-list")

    RequestMetricsMiddleware(lambda request: HttpResponse("kept copy"))(RequestFactory().get("/tropes/"))

    assert requests_counted("scenes:trope-list") == before + 1
