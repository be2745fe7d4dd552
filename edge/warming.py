"""
Cache warming: the pages most readers open first are rendered by a periodic task (settings.CACHE_WARM_PATHS),
so the shared caches they fill (cards, taxonomy, the site-wide numbers, counts) are ready before a reader asks.

The pages are rendered through the whole middleware stack, as a reader's anonymous GET, in-process: nothing
goes over the network, and the caches are filled exactly as a request would fill them.
"""

import logging

from django.conf import settings
from django.test import Client

from tropedb.celery import app

logger = logging.getLogger(__name__)


def site_host() -> str:
    """A host name the site answers to (the first plain one in ALLOWED_HOSTS)."""
    for host in settings.ALLOWED_HOSTS:
        if host and "*" not in host:
            return host.lstrip(".")
    return "localhost"


@app.task
def warm_caches() -> dict[str, int]:
    """Render each warm path as an anonymous reader would; the status of each (a failure is logged, not raised)."""
    client = Client(HTTP_HOST=site_host(), raise_request_exception=False)
    statuses = {}
    for path in settings.CACHE_WARM_PATHS:
        response = client.get(path, secure=not settings.DEBUG)
        statuses[path] = response.status_code
        if response.status_code != 200:
            logger.warning("Warming %s answered %s", path, response.status_code)
    return statuses
