"""
Time search, suggestions and the stats page on a generated catalogue (bench/generate.py), in server time.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/run.py [--repeat 50]

Each request goes through Django's test Client: URL routing, middleware, view, database and template, but no
HTTP server or network, so a time is what one app server process spends on that request. DEBUG is off for
the run (no query log). Every request runs twice untimed first, then --repeat times; the table shows the
median and the 95th percentile, the median with templates not rendered (the view's own work: parsing, search,
pagination, facets), the number of database queries and of results.

A search is timed as a new one: before every request the kept rankings are made out of date (as any change
to the catalogue does) and the rendered scene cards are dropped, so it is ranked, counted and rendered in
full. "repeated" is the same search made again at once: its ranking and cards are kept (scenes.search.cache,
scenes.cards), as when many readers search for the same drama or actor.

The stats page reads its numbers from the cache, else from their snapshot in the database (kept fresh by
``manage.py refresh_stats``): "nothing counted" deletes both before every request, so the request counts;
"cold" empties the cache only; "warm" neither. The time refresh_stats takes to count is printed too.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from unittest import mock
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropedb.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse, QueryDict  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import Resolver404, resolve  # noqa: E402
from django.utils import timezone  # noqa: E402

from scenes.catalogue import views  # noqa: E402
from scenes.catalogue.cards import render_cards  # noqa: E402
from scenes.catalogue.filters import SceneFilter  # noqa: E402
from scenes.models import (  # noqa: E402
    Actor,
    Character,
    Drama,
    Scene,
    SearchMiss,  # noqa: E402
    StatsSnapshot,
)
from scenes.models.querysets import forget_taxonomy  # noqa: E402
from scenes.search.cache import search_changed  # noqa: E402
from scenes.stats.numbers import refresh_site_stats  # noqa: E402

SEARCH_TARGET_MS, STATS_TARGET_MS = 50, 200


def searches() -> list[tuple[str, str]]:
    """(label, URL) of the searches timed, built from what the generated catalogue holds."""
    drama = Drama.objects.order_by("pk")[len(Drama.objects.all()) // 2]
    other = Drama.objects.exclude(pk=drama.pk).order_by("pk").first()
    hyphenated = Actor.objects.filter(name__contains="-").order_by("pk").first()
    squashed = Actor.objects.exclude(name__contains="-").order_by("pk").first()
    character = Character.objects.filter(hugs_given__isnull=False).order_by("pk").first()

    def scenes(**params):
        return "/scenes/?" + urlencode(params)

    found = [
        ("drama title", scenes(q=drama.title)),
        ("drama Hangul title", scenes(q=drama.hangul_title)),
        ("Hangul prefix", scenes(q=drama.hangul_title.split()[0][:2])),
        ("actor, as written", scenes(q=hyphenated.name)),
        ("actor, no hyphen, lower", scenes(q=hyphenated.name.replace("-", "").lower())),
        ("actor written without hyphen, searched with", scenes(q=squashed.name[:-2] + "-" + squashed.name[-2:])),
        ("actor in Hangul", scenes(q=hyphenated.hangul_name)),
        ("character name", scenes(q=character.name)),
        ("setting", scenes(q="rainy bus stop")),
        ("description word (5% of scenes)", scenes(q="umbrella")),
        ("common word (every scene)", scenes(q="behind")),
        ("title, page 3", scenes(q=drama.title, page=3)),
        ("title + sort=awesome", scenes(q=drama.title, sort="awesome")),
        ("common word + drama filter", scenes(q="behind", drama=other.slug)),
        ("common word + trope filter", scenes(q="behind", trope="comfort")),
        ("common word + actor filter", scenes(q="behind", actor=hyphenated.slug)),
        ("misspelt actor (fuzzy on PostgreSQL)", scenes(q=hyphenated.name[:-2] + hyphenated.name[-1:])),
        ("nothing found (recorded)", scenes(q="zebra crossing")),
        ("suggest: 'lee m'", "/search/suggest/?" + urlencode({"q": "lee m"})),
        ("suggest: Hangul prefix", "/search/suggest/?" + urlencode({"q": drama.hangul_title[:1]})),
        ("suggest: title start", "/search/suggest/?" + urlencode({"q": drama.title[:6]})),
    ]
    return found


def results(url: str) -> str:
    if not url.startswith("/scenes/?"):
        return ""
    params = QueryDict(url.split("?", 1)[1])
    filterset = SceneFilter(params, queryset=Scene.objects.published())
    return str(filterset.qs.count()) if filterset.is_valid() else "invalid"


def empty_caches(*, uncounted: bool = False):
    """
    Every cache emptied (shared cache, rendered cards) and this process's copy of the derived tropes dropped:
    what a reader finds after a cache flush. ``uncounted`` also deletes the stats snapshot, so the request
    counts the site's numbers itself (what the first reader ever finds, or one after the snapshot went stale
    with no refresh_stats).
    """
    for store in caches.all():
        store.clear()
    forget_taxonomy()
    if uncounted:
        StatsSnapshot.objects.all().delete()


def new_search():
    """
    As if nobody had made this search since the catalogue last changed, and nobody had seen its scene cards:
    the search is ranked and its cards rendered again (the rest of the cache stays warm, as on a live site).
    """
    search_changed()
    caches["cards"].clear()


def measure(client: Client, url: str, repeat: int, prepare=None) -> tuple[list[float], int]:
    times = []
    for run in range(repeat + 2):  # Two untimed first.
        if prepare:
            prepare()
        started = time.perf_counter()
        response = client.get(url)
        if run >= 2:
            times.append((time.perf_counter() - started) * 1000)
    return times, response.status_code


def timed(client: Client, url: str, repeat: int, prepare=None) -> dict:
    """
    Times of the whole request, and of the same request with templates not rendered (the view's work), each
    after ``prepare()``; for a search, also repeated with nothing prepared (the ranking and cards kept).
    """
    times, status = measure(client, url, repeat, prepare)
    with mock.patch.object(views, "render", lambda request, *args, **kwargs: HttpResponse()):
        unrendered, _ = measure(client, url, repeat, prepare)
    repeated = measure(client, url, repeat)[0] if prepare is new_search else None
    if prepare:
        prepare()
    settings.DEBUG = True  # Count the queries of one more request.
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    settings.DEBUG = False
    return {"times": times, "unrendered": unrendered, "repeated": repeated, "queries": len(captured), "status": status}


def row(label, measured, found="") -> str:
    times = measured["times"]
    p95 = statistics.quantiles(times, n=20)[18] if len(times) > 1 else times[0]
    repeated = f"{statistics.median(measured['repeated']):9.1f}" if measured.get("repeated") else f"{'':9}"
    return (
        f"{label:<46} {statistics.median(times):8.1f} {p95:8.1f} {statistics.median(measured['unrendered']):9.1f} "
        f"{repeated} {measured['queries']:8d} {measured['status']:6d} {found:>8}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    settings.DEBUG = False
    started = timezone.now()
    client = Client()
    print(
        f"{connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else ''}"
        f"{connection.pg_version if connection.vendor == 'postgresql' else ''}: "
        f"{Scene.objects.count()} scenes, {Drama.objects.count()} dramas; {args.repeat} requests each"
    )
    print(
        f"{'request (ms)':<46} {'median':>8} {'p95':>8} {'no render':>9} {'repeated':>9} {'queries':>8} "
        f"{'status':>6} {'results':>8}"
    )
    medians = {"page": ([], [], []), "suggestions": ([], [], [])}
    for label, url in searches():
        measured = timed(client, url, args.repeat, prepare=new_search)
        print(row(label, measured, results(url)), flush=True)
        kind = "suggestions" if url.startswith("/search/suggest/") else "page"
        for column, times in zip(medians[kind], ("times", "unrendered", "repeated"), strict=True):
            column.append(statistics.median(measured[times]))
    for kind, (whole, unrendered, repeated) in medians.items():
        summary = f"{statistics.median(whole):8.1f} {'':8} {statistics.median(unrendered):9.1f} "
        summary += f"{statistics.median(repeated):9.1f}"
        target = f"   target {SEARCH_TARGET_MS}" if kind == "page" else ""
        print(f"{f'(median of the {kind} medians above)':<46} {summary}{target}")
    try:
        resolve("/stats/")
    except Resolver404:
        print("/stats/ is not routed in this tree: the stats page was not timed.")
    else:
        for label, prepare in (
            ("stats page, nothing counted yet", lambda: empty_caches(uncounted=True)),
            ("stats page, cold cache (snapshot counted)", empty_caches),
            ("stats page, warm cache", None),
        ):
            print(row(label, timed(client, "/stats/", args.repeat, prepare)), flush=True)
        refreshed = [clock(refresh_site_stats) for _ in range(max(args.repeat // 5, 3))]
        print(f"{'(refresh_stats: counting the numbers again)':<46} {statistics.median(refreshed):8.1f}")
        print(f"{'':<46} target {STATS_TARGET_MS} (cold)")
    for label, url in (("front page", "/"), ("catalogue, no filter", "/scenes/"), ("trope guide", "/tropes/")):
        for state, prepare in (("cold", empty_caches), ("warm", None)):
            print(row(f"(for reference) {label}, {state} cache", timed(client, url, args.repeat, prepare)))
    # Where a search page's rendering goes: mostly the 24 scene cards, unless they are kept.
    cards = list(Scene.objects.published().for_cards()[:24])
    for label, prepare in (("rendered", caches["cards"].clear), ("kept", None)):
        spent = []
        for _ in range(args.repeat):
            if prepare:
                prepare()
            spent.append(clock(lambda: render_cards(cards)))
        print(f"{f'(diagnosis) 24 scene cards, {label}':<46} {statistics.median(spent):8.1f}")
    SearchMiss.objects.filter(first_seen__gte=started).delete()  # The misses this run recorded.


def clock(work) -> float:
    started = time.perf_counter()
    work()
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    main()
