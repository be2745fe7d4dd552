"""
The DATABASES setting from the environment: the primary (DATABASE_URL) and any read replicas
(DATABASE_REPLICA_URL, one URL or several separated by commas).

Replicas are named ``replica_1``, ``replica_2``, ... in the order given; edge.replicas.ReplicaRouter sends reads
there. In tests they mirror the primary (``TEST["MIRROR"]``), so the runner creates no test database on them.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url

PRIMARY = "default"
REPLICA_PREFIX = "replica_"


def database(url: str, *, conn_max_age: int) -> dict:
    """One DATABASES entry from a URL, with the options the site wants on each engine."""
    entry = dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    if entry["ENGINE"] == "django.db.backends.sqlite3":
        # Wait for a writer instead of failing at once when two requests write together, and take the write
        # lock when a transaction starts so two of them never deadlock upgrading a read lock.
        entry.setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
        # Tests use a file, not shared-cache memory, so concurrent-vote tests lock like a real deployment;
        # one file per test run so parallel runs on one machine do not collide.
        entry["TEST"] = {"NAME": str(Path(tempfile.gettempdir()) / f"tropedb-test-{os.getpid()}.sqlite3")}
    elif entry["ENGINE"] == "django.db.backends.postgresql":
        # No JIT compilation: every query of the site is short, yet PostgreSQL compiles any whose estimated cost
        # passes jit_above_cost, as a search's ranking query does for the branch it never runs (about 15 ms of
        # compiling for a query that then runs in 1 ms). Options given in the URL (?options=...) win.
        entry.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
        # A database that does not answer (a failover, a network fault) fails a request in seconds, not minutes:
        # readers get the 503 page (edge.unavailable) and the load balancer's /healthz says 503.
        entry["OPTIONS"].setdefault("connect_timeout", 3)
    return entry


def databases(*, primary_url: str, replica_urls: list[str], conn_max_age: int) -> dict[str, dict]:
    """The primary as ``default``, then each replica; tests read the primary through every replica alias."""
    entries = {PRIMARY: database(primary_url, conn_max_age=conn_max_age)}
    for number, url in enumerate(replica_urls, start=1):
        replica = database(url, conn_max_age=conn_max_age)
        replica["TEST"] = {"MIRROR": PRIMARY}
        entries[f"{REPLICA_PREFIX}{number}"] = replica
    return entries


def replica_aliases(entries: dict[str, dict]) -> list[str]:
    return [alias for alias in entries if alias.startswith(REPLICA_PREFIX)]
