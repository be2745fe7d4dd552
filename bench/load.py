"""
Load over HTTP: the site as in production (gunicorn, DEBUG=0, PostgreSQL, Redis) on the bench catalogue
(bench/generate.py), driven by wrk, every figure a ratio to a bare Django view served by the same server in the
same run. See bench/README.md for the scenarios and the last run's table.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tropedb_bench REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/load.py [--duration 10] [--port 8150] [--nginx-port 8151]

The Redis database named is emptied first: give the bench one of its own. The run collects static files into a
temporary directory, starts gunicorn (3 workers) with bench/server_settings.py and, unless --no-nginx, nginx with
deploy/nginx/ in front of it; creates sessions for the signed-in fans; runs each scenario with
``wrk -t2 -c16`` (the votes with 32 connections, one fan each); prints req/s, the ratio to the bare view, p50 and
p99 latency and the answers that were not 2xx or 3xx; then checks that every scene's tallies equal its vote rows
and times pages with nothing cached in one process (server time, as bench/run.py does).
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load_support import (  # noqa: E402
    Result,
    Server,
    check_tallies,
    fan_cookies,
    nothing_cached_times,
    pick_urls,
    print_table,
    run_wrk,
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=10, help="seconds each scenario runs (after 2 s of warm-up)")
    parser.add_argument("--port", type=int, default=8150, help="gunicorn's port")
    parser.add_argument("--nginx-port", type=int, default=8151, help="nginx's port in front of gunicorn")
    parser.add_argument("--no-nginx", action="store_true", help="skip the scenarios through nginx")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--fans", type=int, default=200, help="signed-in fans browsing")
    parser.add_argument("--repeat", type=int, default=15, help="requests per page for the nothing-cached times")
    parser.add_argument("--seed", type=int, default=15)
    return parser.parse_args()


def main():
    args = parse_args()
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            sys.exit(f"{name} must be set: PostgreSQL with the bench catalogue, a Redis database of the bench's own.")
    rng = random.Random(args.seed)
    workdir = Path(tempfile.mkdtemp(prefix="tropedb-load-"))
    print(f"load average before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    server = Server(workdir, port=args.port, nginx_port=None if args.no_nginx else args.nginx_port)
    server.prepare()  # collectstatic, empty the bench's Redis database
    import django

    django.setup()
    urls = pick_urls(rng)
    cookies = fan_cookies(args.fans, rng)
    voters = fan_cookies(32, rng, offset=args.fans)
    results: list[Result] = []
    try:
        server.start(workers=args.workers)
        base = server.url
        run = lambda name, paths, **options: results.append(  # noqa: E731
            run_wrk(name, base, paths, workdir=workdir, duration=args.duration, **options)
        )
        run("bare Django view", ["/bench/bare/"])
        for label, path in urls["hot"]:
            run(f"anonymous, same URL: {label}", [path])
        run("anonymous, spread over 1,000 URLs", urls["spread"], warm_all=True)
        run("signed-in fans browsing", urls["browsing"], cookies=cookies)
        run(
            "32 fans voting on one scene",
            [urls["vote"]],
            cookies=voters,
            method="POST",
            connections=32,
            votes=True,
        )
        if server.nginx_url:
            base = server.nginx_url
            run("through nginx: bare Django view", ["/bench/bare/"])
            for label, path in urls["hot"]:
                run(f"through nginx: {label}", [path])
            run("through nginx: spread over 1,000 URLs", urls["spread"], warm_all=True)
    finally:
        server.stop()
    print()
    print_table(results)
    print()
    check_tallies()
    print()
    nothing_cached_times(urls, repeat=args.repeat)
    print(f"\nload average after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    subprocess.run(["rm", "-rf", str(workdir)], check=False)
    time.sleep(0)


if __name__ == "__main__":
    main()
