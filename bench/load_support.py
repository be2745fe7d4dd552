"""bench/load.py's parts: the server it starts, the URLs and fans it uses, wrk and what it prints."""

import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WRK = shutil.which("wrk") or "/usr/bin/wrk"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# Every scenario sends what a browser sends that matters here: it takes gzip.
LUA = r"""
local paths, fans = {}, {}
local made = 0
setup = function(thread)
  made = made + 1
  thread:set("number", made)
end
init = function(args)
  math.randomseed(os.time() * 1000 + (number or 0))
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  if args[2] ~= "" then
    for line in io.lines(args[2]) do
      local cookie, token = line:match("([^\t]*)\t(.*)")
      fans[#fans + 1] = {cookie, token}
    end
  end
  voting = args[3] == "votes"
end
local verdicts = {"awesome", "awkward", "none"}
request = function()
  local headers = {["Accept-Encoding"] = "gzip"}
  local body = nil
  if #fans > 0 then
    local fan = fans[math.random(#fans)]
    headers["Cookie"] = fan[1]
    if voting then
      headers["X-CSRFToken"] = fan[2]
      headers["HX-Request"] = "true"
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      body = "verdict=" .. verdicts[math.random(3)]
    end
  end
  return wrk.format(voting and "POST" or "GET", paths[math.random(#paths)], headers, body)
end
"""


def environment(workdir: Path) -> dict:
    """Production settings (DEBUG off) on plain HTTP, with the bench's additions (bench/server_settings.py)."""
    return {
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "DJANGO_SETTINGS_MODULE": "bench.server_settings",
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


class Server:
    """gunicorn with the production settings (and /bench/bare/), and nginx from deploy/nginx/ in front."""

    def __init__(self, workdir: Path, *, port: int, nginx_port: int | None):
        self.workdir, self.port, self.nginx_port = workdir, port, nginx_port
        self.url = f"http://127.0.0.1:{port}"
        self.nginx_url = f"http://127.0.0.1:{nginx_port}" if nginx_port else None
        self.gunicorn = None
        self.nginx_config = None

    def prepare(self):
        os.environ.update(environment(self.workdir))
        manage = [str(BIN / "python"), str(ROOT / "manage.py")]
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], check=True, cwd=ROOT)
        import redis

        redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()  # The bench's own database (README).

    def start(self, *, workers: int):
        # The production configuration (gunicorn.conf.py: threaded workers), on the bench's port.
        command = [str(BIN / "gunicorn"), "tropedb.wsgi", "-c", str(ROOT / "gunicorn.conf.py")]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), "--chdir", str(ROOT)]
        self.gunicorn = subprocess.Popen(command, cwd=ROOT)
        wait_for(f"{self.url}/healthz")
        if self.nginx_port:
            sys.path.insert(0, str(ROOT / "deploy" / "nginx"))
            import render

            directory = self.workdir / "nginx"
            self.nginx_config = render.standalone(
                directory,
                listen=f"127.0.0.1:{self.nginx_port}",
                server_name="localhost",
                upstreams=[f"127.0.0.1:{self.port}"],
                static_root=self.workdir / "static",
                media_root=ROOT / "media",
                cache_path=directory / "cache",
            )
            subprocess.run([NGINX, "-p", str(directory), "-c", str(self.nginx_config)], check=True)
            wait_for(f"{self.nginx_url}/healthz")

    def stop(self):
        if self.nginx_config:
            subprocess.run([NGINX, "-p", str(self.nginx_config.parent), "-c", str(self.nginx_config), "-s", "quit"])
        if self.gunicorn:
            self.gunicorn.terminate()
            self.gunicorn.wait(timeout=30)


def wait_for(url: str, seconds: int = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


def pick_urls(rng) -> dict:
    """The scenarios' URLs, from the catalogue itself."""
    from django.db.models import Count

    from scenes.models import Drama, Scene, Trope

    published = Scene.objects.published()
    popular = published.order_by("-awesome_count", "pk").values_list("pk", flat=True).first()
    big_drama = Drama.objects.annotate(n=Count("scenes")).order_by("-n").values_list("slug", flat=True).first()
    scene_ids = list(published.values_list("pk", flat=True))
    drama_slugs = list(Drama.objects.values_list("slug", flat=True))
    tropes = list(Trope.objects.values_list("slug", flat=True))
    hot = [
        ("/", "/"),
        ("/scenes/", "/scenes/"),
        ("a scene", f"/scenes/{popular}/"),
        ("a drama", f"/dramas/{big_drama}/"),
        ("/tropes/", "/tropes/"),
        ("/api/scenes/", "/api/scenes/"),
    ]
    spread = {f"/scenes/{pk}/" for pk in rng.sample(scene_ids, 400)}
    spread |= {f"/dramas/{slug}/" for slug in rng.sample(drama_slugs, 200)}
    spread |= {f"/tropes/{slug}/" for slug in tropes}
    sorts = ["awesome", "awkward", "controversial", "discussed", "new", "story"]
    while len(spread) < 1000:
        kind = rng.random()
        if kind < 0.4:
            spread.add(f"/scenes/?trope={rng.choice(tropes)}&sort={rng.choice(sorts)}")
        elif kind < 0.6:
            spread.add(f"/scenes/?drama={rng.choice(drama_slugs)}")
        elif kind < 0.8:
            spread.add(f"/scenes/?trope={rng.choice(tropes)}&exclude={rng.choice(tropes)}")
        else:
            spread.add(f"/api/scenes/?trope={rng.choice(tropes)}&page={rng.randint(1, 5)}")
    browsing = [f"/scenes/{pk}/" for pk in rng.sample(scene_ids, 120)]
    browsing += [f"/dramas/{slug}/" for slug in rng.sample(drama_slugs, 30)]
    browsing += ["/", "/scenes/", "/tropes/", "/scenes/?sort=awesome", "/help-classify/"] * 6
    browsing += [f"/tropes/{slug}/" for slug in tropes]
    vote_scene = rng.choice([pk for pk in scene_ids if pk != popular])
    return {
        "hot": hot,
        "spread": sorted(spread)[:1000],
        "browsing": browsing,
        "vote": f"/scenes/{vote_scene}/vote/",
        "lists": ["/scenes/"] + [f"/scenes/?trope={slug}" for slug in tropes[:10]],
        "scenes": [f"/scenes/{pk}/" for pk in rng.sample(scene_ids, 60)],
        "dramas": [f"/dramas/{slug}/" for slug in rng.sample(drama_slugs, 60)],
    }


def fan_cookies(count: int, rng, *, offset: int = 0) -> list[tuple[str, str]]:
    """Signed-in sessions for ``count`` fans of the catalogue: (Cookie header, CSRF token) each."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.cached_db import SessionStore

    fans = get_user_model().objects.filter(is_staff=False).order_by("pk")[offset : offset + count]
    pairs = []
    for fan in fans:
        session = SessionStore()
        session["_auth_user_id"] = str(fan.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = fan.get_session_auth_hash()
        session.create()
        session.save()
        token = secrets.token_hex(16)  # 32 characters: an unmasked CSRF secret, as the cookie holds it.
        cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={token}"
        pairs.append((cookie, token))
    return pairs


@dataclass
class Result:
    name: str
    base: str
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    not_ok: int
    socket_errors: int


def _milliseconds(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def warm(base: str, paths: list[str]):
    """Every URL once, four at a time: the spread is measured as it runs on a busy site, not from nothing."""

    def fetch(path):
        request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
        except OSError:
            pass

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(fetch, paths))


def run_wrk(name, base, paths, *, workdir, duration, cookies=None, method="GET", connections=16, votes=False,
            warm_all=False) -> Result:  # fmt: skip
    script = workdir / "scenario.lua"
    script.write_text(LUA)
    paths_file = workdir / "paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    fans_file = ""
    if cookies:
        fans_path = workdir / "fans.txt"
        fans_path.write_text("".join(f"{cookie}\t{token}\n" for cookie, token in cookies))
        fans_file = str(fans_path)
    if warm_all:
        warm(base, paths)
    command = [WRK, "-t2", f"-c{connections}", "--timeout", "10s", "--latency", "-s", str(script)]
    arguments = ["--", str(paths_file), fans_file, "votes" if votes else "reads"]
    if not votes:  # Two seconds of warm-up (a vote scenario warms nothing: every vote counts).
        subprocess.run([*command, "-d2s", base, *arguments], capture_output=True, check=True)
    output = subprocess.run([*command, f"-d{duration}s", base, *arguments], capture_output=True, text=True, check=True)
    text = output.stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.MULTILINE))
    not_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    result = Result(
        name=name,
        base=base,
        requests=int(re.search(r"(\d+) requests in", text).group(1)),
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
        p50_ms=_milliseconds(latency["50"]),
        p99_ms=_milliseconds(latency["99"]),
        not_ok=int(not_ok.group(1)) if not_ok else 0,
        socket_errors=sum(int(number) for number in errors.groups()) if errors else 0,
    )
    print(f"{name}: {result.rps:,.0f} req/s, p50 {result.p50_ms:.2f} ms, p99 {result.p99_ms:.2f} ms, "
          f"{result.not_ok} not 2xx/3xx, {result.socket_errors} socket errors", flush=True)  # fmt: skip
    return result


def print_table(results: list[Result]):
    bare = {result.base: result.rps for result in results if result.name.endswith("bare Django view")}
    print("| scenario | req/s | ratio to the bare view | p50 ms | p99 ms | not 2xx/3xx |")
    print("| --- | --- | --- | --- | --- | --- |")
    for result in results:
        ratio = result.rps / bare[result.base] if bare.get(result.base) else 0
        print(
            f"| {result.name} | {result.rps:,.0f} | {ratio:.2f} | {result.p50_ms:.2f} | {result.p99_ms:.2f} | "
            f"{result.not_ok + result.socket_errors} |"
        )


def check_tallies():
    """Every scene's tallies against its vote rows, after the votes."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT COUNT(*) FROM scenes_scene s LEFT JOIN (
                SELECT scene_id, COUNT(*) FILTER (WHERE verdict = 'awesome') AS awesome,
                       COUNT(*) FILTER (WHERE verdict = 'awkward') AS awkward
                FROM community_vote GROUP BY scene_id) v ON v.scene_id = s.id
            WHERE s.awesome_count <> COALESCE(v.awesome, 0) OR s.awkward_count <> COALESCE(v.awkward, 0)
            """
        )
        wrong = cursor.fetchone()[0]
        cursor.execute("SELECT COUNT(*) FROM scenes_scene")
        scenes = cursor.fetchone()[0]
    verdict = "exact" if wrong == 0 else f"WRONG for {wrong} scenes"
    print(f"tallies: {verdict} ({scenes:,} scenes' awesome and awkward counts against their vote rows)")


TARGETS_MS = {"list": 15, "scene": 10, "drama": 15, "/tropes/": 15, "API list": 15}


def nothing_cached_times(urls: dict, *, repeat: int):
    """Server time in one process (Django's test Client), every cache emptied before each request."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from scenes.models.querysets import forget_taxonomy

    kinds = {
        "list": urls["lists"],
        "scene": urls["scenes"],
        "drama": urls["dramas"],
        "/tropes/": ["/tropes/"],
        "API list": ["/api/scenes/"],
    }
    client = Client()
    print("| page, nothing cached | p50 ms | target ms | queries |")
    print("| --- | --- | --- | --- |")
    for kind, paths in kinds.items():
        times, queries = [], []
        for number in range(repeat + 2):
            path = paths[number % len(paths)]
            for store in caches.all():
                store.clear()
            forget_taxonomy()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                elapsed = time.perf_counter() - started
            assert response.status_code == 200, (path, response.status_code)
            if number >= 2:  # The first two warm the process (imports, templates), as a running server is.
                times.append(elapsed * 1000)
                queries.append(len(captured))
        print(f"| {kind} | {statistics.median(times):.1f} | {TARGETS_MS[kind]} | {statistics.median(queries):.0f} |")
