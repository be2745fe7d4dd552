"""
Where kept pages live: the shared cache ("pages": Redis in production, so every app server shares one copy) and,
in front of it, this process's own memory (with ``EDGE_LOCAL_PAGES``: the last LOCAL_ENTRIES pages it served, as
objects, neither pickled nor fetched), which spares the round trip that would fetch a page's body. Both hold the
same entries; the generations, always read from the shared cache, decide whether an entry is current, so a
process never serves a page another has seen go out of date.

An entry keeps the body compressed (gzip): a tenth of the memory, a tenth of the bytes between Redis and the app
server, and sent as it is to every client that accepts gzip (all browsers).

Hit and miss counts are kept per process and added to the shared cache about once a second, for whoever reports
on the cache (``counts()``).
"""

import gzip
import hashlib
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches

SHARED = "pages"
LOCAL_ENTRIES = 500  # Compressed pages, about 10 kB each: a few megabytes per process.
# Entries outlive their freshness by far: an out-of-date copy is what readers get while the database is down.
KEEP_SECONDS = 24 * 60 * 60
COUNTS_PREFIX = "edge:count:"
OUTCOMES = ("hit", "miss", "stale", "bypass")


@dataclass
class Entry:
    status: int
    headers: list[tuple[str, str]]
    body: bytes  # gzip-compressed
    etag: str
    stored_at: float
    generations: tuple[int, ...]

    def age(self, now: float) -> int:
        return max(0, int(now - self.stored_at))

    def plain_body(self) -> bytes:
        return gzip.decompress(self.body)


def now() -> float:
    """The time entries are dated by (one place, so a test can move it on)."""
    return time.time()


def make_entry(response, generations: tuple[int, ...]) -> Entry:
    content = response.content
    headers = [(name, value) for name, value in response.items() if name.lower() not in UNKEPT_HEADERS]
    return Entry(
        status=response.status_code,
        headers=headers,
        body=gzip.compress(content, compresslevel=5, mtime=0),
        etag=f'"{hashlib.blake2b(content, digest_size=12).hexdigest()}"',
        stored_at=now(),
        generations=generations,
    )


# Set per answer, not per page (or set again by the edge when it serves the entry).
UNKEPT_HEADERS = {"set-cookie", "vary", "date", "content-length", "etag", "cache-control", "age", "expires"}


class LocalPages:
    """The last pages this process served, most recent last (an LRU; a lock, for threaded servers)."""

    def __init__(self, size: int):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key: str) -> Entry | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def set(self, key: str, entry: Entry) -> None:
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


_local = LocalPages(LOCAL_ENTRIES)


def local_store() -> LocalPages | None:
    return _local if getattr(settings, "EDGE_LOCAL_PAGES", False) else None


def shared_store():
    try:
        return caches[SHARED]
    except InvalidCacheBackendError:
        return caches["default"]


def find(key: str) -> tuple[Entry | None, bool]:
    """The entry kept under ``key`` and whether it came from this process's memory."""
    local = local_store()
    if local is not None:
        entry = local.get(key)
        if entry is not None:
            return entry, True
    return shared_store().get(key), False


def find_shared(key: str) -> Entry | None:
    return shared_store().get(key)


def keep(key: str, entry: Entry) -> None:
    shared_store().set(key, entry, KEEP_SECONDS)
    remember_locally(key, entry)


def remember_locally(key: str, entry: Entry) -> None:
    local = local_store()
    if local is not None:
        local.set(key, entry)


# ---- Counts, for metrics ----

_pending = dict.fromkeys(OUTCOMES, 0)
_last_flush = time.monotonic()
_counting = threading.Lock()  # gunicorn's threaded workers count side by side.
FLUSH_SECONDS = 1.0


def count(outcome: str) -> None:
    """One answer of the edge: served from the cache (hit), rendered and kept (miss), an out-of-date copy served
    because the site could not render (stale), or not a shared page at all (bypass)."""
    global _last_flush
    with _counting:
        _pending[outcome] += 1
        due = time.monotonic() - _last_flush >= FLUSH_SECONDS
        if due:
            _last_flush = time.monotonic()
    if due:
        flush_counts()


def flush_counts() -> None:
    store = shared_store()
    with _counting:
        taken = {outcome: pending for outcome, pending in _pending.items() if pending}
        for outcome in taken:
            _pending[outcome] = 0
    for outcome, pending in taken.items():
        key = f"{COUNTS_PREFIX}{outcome}"
        try:
            store.incr(key, pending)
        except ValueError:
            store.set(key, pending, timeout=None)


def counts() -> dict[str, int]:
    """Answers of the edge so far, across app servers: {"hit": ..., "miss": ..., "stale": ..., "bypass": ...}."""
    flush_counts()
    found = shared_store().get_many([f"{COUNTS_PREFIX}{outcome}" for outcome in OUTCOMES])
    return {outcome: int(found.get(f"{COUNTS_PREFIX}{outcome}", 0)) for outcome in OUTCOMES}
