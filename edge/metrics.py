"""
Prometheus metrics at /metrics, for the addresses in METRICS_ALLOWED_IPS only (default 127.0.0.1).

Counted as requests pass (RequestMetricsMiddleware, outermost): requests and their latency by view, method and
status. Read when Prometheus asks (collectors): the response cache's answers and hit ratio (edge.store's shared
counters, all app servers together), the task queue's depth, tasks that failed for good, each read replica's lag.

Under gunicorn with several workers, PROMETHEUS_MULTIPROC_DIR (an empty directory, gunicorn.conf.py) makes
the workers' counts add up; without it each process reports its own.
"""

import functools
import importlib
import logging
import os
import time

from django.conf import settings
from django.db import connections
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

from tropedb.celery import app as task_app
from tropedb.celery import failures

from .addresses import address_in, client_address

logger = logging.getLogger(__name__)
requests_logger = logging.getLogger("tropedb.requests")

REQUESTS = Counter(
    "tropedb_http_requests", "Requests answered, by view, method and status.", ["view", "method", "status"]
)
LATENCY = Histogram(
    "tropedb_http_request_duration_seconds",
    "Time from the request reaching Django to its answer, by view and method.",
    ["view", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
UNMATCHED = "<unmatched>"
# Redis keys of a Celery queue: the queue itself and its priority lists (kombu's default priority steps).
PRIORITY_SUFFIXES = ("", "\x06\x163", "\x06\x166", "\x06\x169")
REPLICA_LAG_SQL = """
    SELECT CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END
"""


def view_name(request, status: int) -> str:
    """The view that answered (or would have: a page the response cache served never reached it)."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name
    if status == 404:
        return UNMATCHED
    return view_for_path(settings.ROOT_URLCONF, request.path_info, get_language())


@functools.lru_cache(maxsize=4096)
def view_for_path(urlconf: str, path: str, language: str) -> str:
    """Which view a path leads to, remembered: cached answers skip the URL patterns, and so do their metrics."""
    try:
        return resolve(path, urlconf).view_name
    except Resolver404:
        return UNMATCHED


class RequestMetricsMiddleware:
    """Count each request and time it, and log it as one line (logger "tropedb.requests", INFO)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed = time.perf_counter() - started
        view = view_name(request, response.status_code)
        REQUESTS.labels(view, request.method, str(response.status_code)).inc()
        LATENCY.labels(view, request.method).observe(elapsed)
        requests_logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={"view": view, "status": response.status_code, "duration_ms": round(elapsed * 1000, 1)},
        )
        return response


class ScrapeTimeCollector:
    """What is read when Prometheus asks rather than counted as it happens."""

    def describe(self):
        return []  # nothing to read at registration: only when Prometheus asks

    def collect(self):
        yield from response_cache_metrics()
        yield from queue_metrics()
        yield from replica_metrics()


def response_cache_metrics():
    try:
        from .store import counts  # the response cache's shared counters (edge/store.py), where it is installed
    except ImportError:
        return
    answers = counts()
    family = CounterMetricFamily(
        "tropedb_response_cache_answers",
        "Answers of the response cache, all app servers: hit, miss, ...",
        labels=["outcome"],
    )
    for outcome, number in answers.items():
        family.add_metric([outcome], number)
    yield family
    # Of the answers the cache could give (anonymous GETs), how many it gave; bypassed requests never could.
    cacheable = answers.get("hit", 0) + answers.get("miss", 0)
    ratio = GaugeMetricFamily("tropedb_response_cache_hit_ratio", "Hits among the cache's hits and misses.")
    ratio.add_metric([], answers.get("hit", 0) / cacheable if cacheable else 0.0)
    yield ratio


def queue_metrics():
    for module in settings.CELERY_IMPORTS:  # every task known here too, not only in the worker
        importlib.import_module(module)
    failed = CounterMetricFamily(
        "tropedb_task_failures", "Tasks that failed for good (retries spent).", labels=["task"]
    )
    for name in sorted(task_app.tasks):
        if not name.startswith("celery."):
            failed.add_metric([name], failures(name))
    yield failed
    if task_app.conf.task_always_eager:
        return  # no broker: tasks run at once, nothing waits
    depth = GaugeMetricFamily("tropedb_task_queue_depth", "Tasks waiting in the queue.", labels=["queue"])
    unacked = GaugeMetricFamily("tropedb_tasks_in_progress", "Tasks taken by a worker and not yet acknowledged.")
    queue = task_app.conf.task_default_queue
    try:
        with task_app.connection_for_read() as connection:
            client = connection.default_channel.client
            depth.add_metric([queue], sum(client.llen(f"{queue}{suffix}") for suffix in PRIORITY_SUFFIXES))
            unacked.add_metric([], client.hlen("unacked"))
    except Exception:  # a broker that does not answer must not cost the other metrics
        logger.warning("The task queue's broker did not answer for /metrics", exc_info=True)
        return
    yield depth
    yield unacked


def replica_metrics():
    if not settings.DATABASE_REPLICAS:
        return
    lag = GaugeMetricFamily("tropedb_replica_lag_seconds", "How far each read replica is behind.", labels=["replica"])
    up = GaugeMetricFamily("tropedb_replica_up", "Whether each read replica answers.", labels=["replica"])
    for alias in settings.DATABASE_REPLICAS:
        try:
            with connections[alias].cursor() as cursor:
                cursor.execute(REPLICA_LAG_SQL)
                lag.add_metric([alias], float(cursor.fetchone()[0]))
            up.add_metric([alias], 1)
        except Exception:
            logger.warning("Read replica %s did not answer for /metrics", alias, exc_info=True)
            up.add_metric([alias], 0)
    yield lag
    yield up


_scrape_time = ScrapeTimeCollector()
REGISTRY.register(_scrape_time)


def registry() -> CollectorRegistry:
    """The default registry in one process; with PROMETHEUS_MULTIPROC_DIR, every worker's counts added up."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    combined = CollectorRegistry()
    multiprocess.MultiProcessCollector(combined)
    combined.register(_scrape_time)
    return combined


@never_cache
def metrics(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers={"Allow": "GET, HEAD"})
    if not address_in(client_address(request), settings.METRICS_ALLOWED_IPS):
        return HttpResponse("Not found.", status=404, content_type="text/plain")  # as if there were nothing here
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)
