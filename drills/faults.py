"""
Fault drill: a real deployment (own PostgreSQL, Redis and gunicorn: drills/cluster.py) put through faults,
checking that nothing is lost and no reader sees a server error. Run: ``.venv/bin/python drills/faults.py``
(as root: PostgreSQL runs as the postgres user). CI runs it (.ci/run); it takes about a minute.

1. A worker killed with SIGKILL in the middle of a vote burst: every accepted vote is stored once, and each
   scene's tallies equal its vote rows.
2. PostgreSQL restarted under load: readers get the last copy the site's response cache (edge/) or nginx
   (deploy/nginx/, when installed) keeps of a page where there is one, else the designed 503 with Retry-After
   (a search never made before has no copy), never a 500; /healthz says 503; the site answers again by itself
   within seconds.
3. Redis stopped: pages are still served, votes still counted and limited (edge/cache.py), no 5xx.
"""

import contextlib
import itertools
import json
import os
import random
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from drills.cluster import Cluster, log, main_guard, ports_from_environment, summary  # noqa: E402
from tests.nginx_support import NGINX, running_nginx  # noqa: E402

FANS, SCENES, THREADS = 30, 10, 8
RECOVERY_LIMIT_SECONDS = 10
READER_PATHS = ["/", "/scenes/", "/tropes/", "/dramas/drill-drama/", "/api/scenes/"]


def vote(cluster, token, number, scene_id, verdict):
    # A client address per fan (behind one trusted proxy) so the per-address limit is not what is tested here.
    headers = {"Authorization": f"Token {token}", "Content-Type": "application/json",
               "X-Forwarded-For": f"10.0.{number // 250}.{number % 250 + 1}"}  # fmt: skip
    status, _, _ = cluster.request("POST", f"/api/scenes/{scene_id}/vote/", body={"verdict": verdict}, headers=headers)
    return status


def vote_burst_with_a_killed_worker(cluster, data) -> list[str]:
    failures = []
    ballots = [
        (fan, number, token, scene_id, random.choice(["awesome", "awkward"]))
        for number, (fan, token) in enumerate(data["tokens"].items())
        for scene_id in data["scenes"]
    ]
    random.shuffle(ballots)
    answers, done = {}, threading.Event()
    kill_after = len(ballots) // 3

    def cast(ballot):
        fan, number, token, scene_id, verdict = ballot
        answers[(fan, scene_id, verdict)] = vote(cluster, token, number, scene_id, verdict)
        if len(answers) >= kill_after and not done.is_set():
            done.set()
            victim = cluster.workers()[0]
            log(f"SIGKILL worker {victim} after {len(answers)} votes")
            os.kill(victim, signal.SIGKILL)

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(cast, ballots))
    statuses = list(answers.values())
    accepted = {key for key, status in answers.items() if status == 200}
    log(f"{len(accepted)} votes accepted, {statuses.count(0)} cut off by the kill, "
        f"others: {sorted({s for s in statuses if s not in (0, 200)})}")  # fmt: skip
    if any(status >= 500 for status in statuses):
        failures.append(f"server errors in the burst: {[s for s in statuses if s >= 500]}")
    rows = set()
    for line in cluster.psql(
        "SELECT u.username, v.scene_id, v.verdict FROM community_vote v JOIN auth_user u ON u.id = v.fan_id"
    ).splitlines():
        username, scene_id, verdict = line.split("|")
        rows.add((username, int(scene_id), verdict))
    lost = accepted - rows
    if lost:
        failures.append(f"{len(lost)} accepted votes are not stored, e.g. {sorted(lost)[:3]}")
    tallies = cluster.psql(
        "SELECT s.id, s.awesome_count, s.awkward_count, "
        "count(*) FILTER (WHERE v.verdict = 'awesome'), count(*) FILTER (WHERE v.verdict = 'awkward') "
        "FROM scenes_scene s LEFT JOIN community_vote v ON v.scene_id = s.id GROUP BY s.id"
    )
    for line in tallies.splitlines():
        scene_id, awesome, awkward, awesome_rows, awkward_rows = line.split("|")
        if (awesome, awkward) != (awesome_rows, awkward_rows):
            failures.append(f"scene {scene_id}: tallies {awesome}/{awkward}, rows {awesome_rows}/{awkward_rows}")
    log(f"vote rows: {len(rows)}; tallies checked for {len(tallies.splitlines())} scenes")
    return failures


def readers_through_a_database_restart(cluster, front: str = "") -> list[str]:
    """Readers straight at gunicorn, and through nginx (``front``) when it is installed: where nginx keeps a
    copy of a page, readers must get it while the database is down; elsewhere the 503 page."""
    failures, seen, stop = [], [], threading.Event()
    bases = ["", front] if front else [""]
    searches = itertools.count()

    def read():
        while not stop.is_set():
            for base in bases:
                # A search nobody made before: no cache has a copy of it, so the database's absence shows.
                for path in [*READER_PATHS, f"/scenes/?q=drill{next(searches)}"]:
                    status, headers, _ = cluster.get(path, timeout=10, base=base)
                    seen.append((time.monotonic(), base, path, status, headers.get("Retry-After")))

    kept = set()
    for path in READER_PATHS:  # warm: a page nginx keeps can then be served while the database is down
        for base in bases:
            cluster.get(path, base=base)
            status, headers, _ = cluster.get(path, base=base)
            if base and headers.get("X-Proxy-Cache") in ("HIT", "STALE", "UPDATING", "REVALIDATED"):
                kept.add(path)
    log(f"pages nginx keeps a copy of: {sorted(kept) or 'none (the site sends no s-maxage for them)'}")
    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    log("stopping PostgreSQL under load")
    cluster.stop_postgres()
    down_at = time.monotonic()
    time.sleep(3)
    health = cluster.get("/healthz")
    if health[0] != 503:
        failures.append(f"/healthz answered {health[0]} with the database down")
    log("starting PostgreSQL again")
    cluster.start_postgres()
    up_at = time.monotonic()
    try:
        recovered = cluster.wait_for(
            lambda: cluster.get("/healthz")[0] == 200 and all(cluster.get(p)[0] == 200 for p in READER_PATHS),
            "the site after the database restart",
            RECOVERY_LIMIT_SECONDS,
        )
        log(f"every page answers 200 again {recovered:.1f} s after PostgreSQL is back")
    except RuntimeError as error:
        failures.append(str(error))
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    during = [entry for entry in seen if down_at + 0.5 <= entry[0] <= up_at]
    log(f"{len(during)} reads while the database was down: statuses {sorted({entry[3] for entry in during})}")
    stale = [entry for entry in during if entry[1] and entry[2] in kept]
    if any(entry[3] != 200 for entry in stale):
        failures.append(f"nginx had a copy but readers got {sorted({e[3] for e in stale if e[3] != 200})}")
    if stale:
        log(f"{len(stale)} reads through nginx got its kept copy")
    bad = [entry for entry in during if entry[3] not in (200, 503)]
    if bad:
        failures.append(f"{len(bad)} reads got neither a kept copy nor the 503 page: {sorted({e[3] for e in bad})}")
    without_retry = [entry for entry in during if entry[3] == 503 and not entry[4]]
    if without_retry:
        failures.append(f"{len(without_retry)} 503 answers without Retry-After")
    if not any(entry[3] == 503 for entry in during):
        failures.append("no reader saw the 503 page: was the database really down?")
    errors = [entry for entry in seen if entry[3] >= 500 and entry[3] != 503]
    if errors:
        failures.append(f"{len(errors)} server errors over the whole drill")
    return failures


def redis_stopped(cluster, data) -> list[str]:
    failures = []
    log("stopping Redis")
    cluster.stop_redis()
    for path in READER_PATHS:
        status = cluster.get(path)[0]
        if status != 200:
            failures.append(f"{path} answered {status} with Redis stopped")
    fan, token = next(iter(data["tokens"].items()))
    statuses = [vote(cluster, token, 0, data["scenes"][0], "awesome") for _ in range(5)]
    log(f"pages served with Redis stopped; votes answered {statuses}")
    if any(status not in (200, 429) for status in statuses):
        failures.append(f"votes with Redis stopped answered {statuses}")
    return failures


def nginx_in_front(cluster):
    """The shipped nginx configuration (deploy/nginx/) in front of the drill's gunicorn, with its page cache."""
    static = cluster.root / "static"
    return running_nginx(cluster.root / "nginx", upstream=f"127.0.0.1:{cluster.http_port}", static_root=static,
                         media_root=cluster.media)  # fmt: skip


def main() -> bool:
    started = time.monotonic()
    with Cluster(**ports_from_environment()) as cluster, contextlib.ExitStack() as stack:
        log(f"PostgreSQL on {cluster.pg_port}, Redis on {cluster.redis_port}, gunicorn on {cluster.http_port}")
        cluster.init_postgres()
        cluster.start_redis()
        cluster.prepare_app()
        seeded = cluster.manage("shell", "-c", f"from drills.seed import seed; seed(fans={FANS}, scenes={SCENES})")
        data = json.loads(seeded.strip().splitlines()[-1])
        cluster.start_gunicorn(workers=3, TRUSTED_PROXY_COUNT="1")
        front = stack.enter_context(nginx_in_front(cluster)) if Path(NGINX).exists() else ""
        failures = []
        for name, drill in (
            ("vote burst with a killed worker", lambda: vote_burst_with_a_killed_worker(cluster, data)),
            ("PostgreSQL restarted under load", lambda: readers_through_a_database_restart(cluster, front)),
            ("Redis stopped", lambda: redis_stopped(cluster, data)),
        ):
            log(f"== {name}")
            found = drill()
            if found:
                failures.append(f"{name}: " + "; ".join(found))
            log("held" if not found else "FAILED: " + "; ".join(found))
    return summary("fault drill", started=started, checks=3, failures=failures)


if __name__ == "__main__":
    main_guard(main)
