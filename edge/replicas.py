"""
Read replicas: readers' requests read from a replica, everything else from the primary.

Reads go to a replica only while a request allows it (ReadYourWritesMiddleware): a safe request (GET, HEAD,
OPTIONS) from someone who has not written in the last READ_YOUR_WRITES_SECONDS. Everything else reads from the
primary without having to ask: a fan's write and their next pages (the marker cookie), every read inside a
transaction (a service that locks a row reads what it locked), management commands, migrations, tasks and the
shell (no request allowed anything). Sessions and accounts are always read from the primary, so a lagging
replica never signs anyone out.

Configured by tropedb.databases from DATABASE_REPLICA_URL; without replicas the router is not installed.
"""

import contextlib
import random
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections

PRIMARY = "default"
# The cookie that keeps a fan's reads on the primary for a few seconds after they wrote.
MARKER_COOKIE = "tropedb_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# Models read from the primary whatever the request, by primary key on every signed-in request: a session or
# account missing from a lagging replica would sign a fan out.
PRIMARY_ONLY_MODELS = frozenset({"sessions.session", "auth.user"})

_replica_reads_allowed: ContextVar[bool] = ContextVar("replica_reads_allowed", default=False)


def replica_reads_allowed() -> bool:
    return _replica_reads_allowed.get()


@contextlib.contextmanager
def reads_on_primary(*, when: bool = True):
    """Within the block, this request reads from the primary (``when`` it is true): used for what is kept for every
    reader just after a change, which a lagging replica may not have yet (edge.freshness.moved_within)."""
    if not when or not replica_reads_allowed():
        yield
        return
    token = _replica_reads_allowed.set(False)
    try:
        yield
    finally:
        _replica_reads_allowed.reset(token)


class ReplicaRouter:
    """Writes and migrations on the primary; reads on a replica when the request allows it (see the module)."""

    def db_for_read(self, model, **hints):
        if not replica_reads_allowed() or model._meta.label_lower in PRIMARY_ONLY_MODELS:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        instance = hints.get("instance")
        if instance is not None and instance._state.db in settings.DATABASE_REPLICAS:
            return instance._state.db  # a row's related rows from the same copy of the data
        return random.choice(settings.DATABASE_REPLICAS)

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, first, second, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY  # replicas get the schema by streaming replication


class ReadYourWritesMiddleware:
    """Let a reader's request read from replicas; keep a fan who just wrote on the primary for a few seconds."""

    def __init__(self, get_response):
        if not settings.DATABASE_REPLICAS:
            raise MiddlewareNotUsed("No read replicas: every read is on the primary already.")
        self.get_response = get_response

    def __call__(self, request):
        wrote = request.method not in SAFE_METHODS
        token = _replica_reads_allowed.set(not wrote and MARKER_COOKIE not in request.COOKIES)
        try:
            response = self.get_response(request)
        finally:
            _replica_reads_allowed.reset(token)
        if wrote:
            response.set_cookie(
                MARKER_COOKIE,
                "1",
                max_age=settings.READ_YOUR_WRITES_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
