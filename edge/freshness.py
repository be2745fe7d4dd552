"""
How long a kept page stays true, and how the apps say that something readers see has changed.

Every kept page depends on the generation of the whole site ("site") and, where the page is about one thing, on
that thing's own generation (a tag the view names, e.g. "scene:42"). A generation is a number in the shared cache;
``changed(tag)`` moves it on, and a page kept under an older number is out of date from that moment, on every app
server. Besides, a page is kept only ``fresh_for`` seconds: what it shows of other things (the counts on a list)
catches up by then without anyone telling the edge.

The apps call ``changed()`` from their writes (services, signals); they choose the tags, the edge knows none of
them. A view says what it depends on with ``@shared_page(depends_on="scene:{pk}", fresh_for=60)``; the tag is
filled in from the URL's arguments. Views without it are kept ``LIST_SECONDS`` under the site's generation alone.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from .replicas import reads_on_primary

SITE = "site"
# Counts on list pages (a scene's tallies on its card, a trope's number of scenes) are never older than this.
LIST_SECONDS = 10
GENERATION_PREFIX = "edge:generation:"
SETTLED_NS = 3600 * 1_000_000_000


@dataclass(frozen=True)
class PageRule:
    """What a kept page depends on besides the site: tag templates filled from the URL's keyword arguments."""

    depends_on: tuple[str, ...] = ()
    fresh_for: int = LIST_SECONDS

    def tags(self, url_kwargs: dict) -> tuple[str, ...]:
        return (SITE, *(template.format(**url_kwargs) for template in self.depends_on))


DEFAULT_RULE = PageRule()


def shared_page(view=None, *, depends_on: str | tuple[str, ...] = (), fresh_for: int = LIST_SECONDS):
    """
    Mark a view's anonymous answers as kept ``fresh_for`` seconds at most, and dropped at once when one of
    ``depends_on`` (tags like "scene:{pk}", filled from the URL) or the site changes. Works on function views and
    on a class-based view's ``as_view()``; the view itself is returned unchanged.
    """
    rule = PageRule(depends_on=(depends_on,) if isinstance(depends_on, str) else tuple(depends_on), fresh_for=fresh_for)

    def mark(function):
        function.edge_page_rule = rule
        return function

    return mark(view) if view is not None else mark


def never_kept(view):
    """Mark a view whose answers are never kept (the response cache lets its requests through untouched)."""
    view.edge_page_rule = None
    return view


def rule_for(view) -> PageRule | None:
    return getattr(view, "edge_page_rule", DEFAULT_RULE)


def generation_key(tag: str) -> str:
    return f"{GENERATION_PREFIX}{tag}"


def changed(*tags: str, using: str = "default") -> None:
    """
    Pages that depend on any of ``tags`` are out of date: now, and again when the current transaction commits
    (a page rendered in between, from rows not yet committed, is not kept as current).
    """
    if not tags:
        return
    _move_on(tags)
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(lambda: _move_on(tags), using=using)


def site_changed(using: str = "default") -> None:
    """Every kept page is out of date: a removal (a hidden comment, a rejected or merged scene, a ban) or an edit
    that shows everywhere (a drama's title, a trope's name)."""
    changed(SITE, using=using)


def _move_on(tags) -> None:
    # A generation is the time it last moved, in nanoseconds: a value no earlier page was kept under, and one that
    # tells how recently the page's data changed (``moved_within``: a page rendered just after a change is read
    # from the primary, as a replica may not have the change yet).
    now = time.time_ns()
    cache.set_many({generation_key(tag): now for tag in tags}, timeout=None)


def generations(tags: tuple[str, ...]) -> tuple[int, ...]:
    """The current generation of each tag (one cache round trip); a missing one is started from the clock."""
    keys = [generation_key(tag) for tag in tags]
    found = cache.get_many(keys)
    # A generation nobody moved since the cache started is taken as long settled (``moved_within`` says no).
    missing = {key: time.time_ns() - SETTLED_NS for key in keys if key not in found}
    if missing:
        for key, value in missing.items():
            if not cache.add(key, value, timeout=None):
                missing[key] = cache.get(key, value)
        found.update(missing)
    return tuple(found[key] for key in keys)


def moved_within(current: tuple[int, ...], seconds: float) -> bool:
    """Whether any of these generations moved (or started) in the last ``seconds``."""
    return max(current, default=0) > time.time_ns() - seconds * 1_000_000_000


_NOTHING = ("nothing",)


def kept(name: str, *, compute, key: tuple = (), depends_on: tuple[str, ...] = (), fresh_for: int = LIST_SECONDS):
    """
    A shared part of pages (rows, counts: anything picklable) as ``compute()`` found it, kept for every reader who
    asks with the same ``key`` under the same rules as a page: dropped when the site's generation or one of
    ``depends_on`` moves, and after ``fresh_for`` seconds. A signed-in fan's page puts their own parts on top.
    """
    current = generations((SITE, *depends_on))
    digest = hashlib.blake2b(repr((current, key)).encode(), digest_size=16).hexdigest()
    cache_key = f"edge:part:{name}:{digest}"
    found = cache.get(cache_key)
    if found is None:
        with reads_on_primary(when=moved_within(current, settings.READ_YOUR_WRITES_SECONDS)):
            value = compute()
        cache.set(cache_key, _NOTHING if value is None else value, fresh_for)
        return value
    return None if found == _NOTHING else found
