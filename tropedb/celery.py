"""
The task queue (Celery): slow work runs on workers, periodic work on Celery beat, so no cron line is needed.

Without CELERY_BROKER_URL (development, tests, `make demo`) every task runs at once, in the process that asks
for it. With a broker, a task asked for inside a transaction is sent when the transaction commits, so a worker
never looks for a row that is not there yet, and never for one that was rolled back.

Every task of the site derives from SiteTask: retried with growing, jittered pauses on any error but the ones
it declares final; a task that fails for good is counted (edge.metrics reports the counts).
"""

import os

from celery import Celery, Task
from django.core.cache import cache
from django.db import transaction

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropedb.settings")

FAILURES_KEY = "tasks:failures:{name}"


class SiteTask(Task):
    autoretry_for = (Exception,)
    max_retries = 5
    retry_backoff = 2  # seconds before the first retry, doubling each time
    retry_backoff_max = 300
    retry_jitter = True
    acks_late = True  # a worker that dies mid-task leaves it queued for another: tasks are idempotent

    def enqueue(self, *args, **kwargs) -> None:
        """Run the task at once (no broker), or queue it when the current transaction commits."""
        if self.app.conf.task_always_eager:
            self.apply(args=args, kwargs=kwargs).maybe_throw()  # retried at once; then a failure is the caller's
        else:
            transaction.on_commit(lambda: self.apply_async(args=args, kwargs=kwargs))

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        count_failure(self.name)


def count_failure(name: str) -> None:
    """Count a task that failed for good, in the shared cache, so app servers can report it."""
    key = FAILURES_KEY.format(name=name)
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.add(key, 1, timeout=None)


def failures(name: str) -> int:
    return cache.get(FAILURES_KEY.format(name=name), 0)


app = Celery("tropedb", task_cls=SiteTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
