"""
Search rankings kept for a minute, so a search many readers make (a drama's title, an actor's name, a trope's
word) is ranked and counted once rather than on every request.

What is kept: a search's ranked ids, stored under the words searched, the other filters (as their SQL, which
includes the tropes a fan hides) and the search generation; and the trope counts of those ids (the facets).
Whatever can change either moves the generation on: a scene saved or deleted (an edit, publication,
rejection, a merge), a trope attached to or taken off a scene, a character or a trope saved (a role, a gender
or a rule changes the derived tropes), the search index rebuilt (scenes.search.signals, scenes.search.index). The
next search then ranks afresh. The generation moves when the change is made and again once it is committed,
so a search that ran in between cannot keep what it saw.

Pages fetch their scenes through the filters again (publication included), so nothing a reader may not see is
shown from a kept ranking.
"""

import hashlib

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import transaction

RANKING_SECONDS = 60
GENERATION_KEY = "search:generation"


def filters_key(scenes) -> str | None:
    """
    The filters of ``scenes`` as SQL, part of the key a result is kept under (so a fan's hidden tropes give
    their own key); None when a filter rules every scene out, so there is nothing to compute or keep.
    """
    try:
        return str(scenes.order_by().values("pk").query)
    except EmptyResultSet:
        return None


def search_changed(using: str = "default") -> None:
    """Rankings made so far are out of date: now, and again when the current transaction commits."""
    _next_generation()
    transaction.on_commit(_next_generation, using=using)


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # Not in the cache (first change, or evicted): any new value will do.
        cache.set(GENERATION_KEY, 1, timeout=None)


def kept(kind: str, parts: tuple, compute):
    """
    What ``compute()`` found for ``parts`` (what identifies the search: its words and filters, or the ids it
    found) while kept, else ``compute()``, which is then kept. ``kind`` names what is kept: "ranking", "facets".
    """
    generation = cache.get_or_set(GENERATION_KEY, 0, timeout=None)
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    key = f"search:{kind}:{generation}:{digest}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, RANKING_SECONDS)
    return found
