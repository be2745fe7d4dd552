"""
deploy/smoke: the topology of deploy/compose.yaml started from local processes, then walked through nginx.

Started here, each on a free port (the preferred ones first), all under one temporary directory:
  - a PostgreSQL primary and its streaming replica (deploy/local/pg-pair: initdb, pg_basebackup -R),
  - a redis-server (the cache in db 0, the task queue in db 1),
  - two gunicorn app servers (gunicorn.conf.py), with DEBUG=0 as in production,
  - a Celery worker and Celery beat,
  - Debian's nginx with the site's configuration (deploy/nginx/render.py) over TLS with a throwaway certificate.

Then, through nginx only: a fan signs up, votes and sees their vote, submits a scene with a screenshot that the
worker processes; a moderator publishes it in the admin; a reader gets it from the replica (first while the
replica is held back, which answers "not found", then once it has caught up). /metrics and the JSON logs are
checked on the way. Every process is stopped and the directory deleted at the end, pass or fail.
"""

import contextlib
import importlib.util
import io
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
BIN = ROOT / ".venv" / "bin"
PG_PAIR = ROOT / "deploy" / "local" / "pg-pair"
RENDER = ROOT / "deploy" / "nginx" / "render.py"
MODERATOR, MODERATOR_PASSWORD = "smoke-moderator", secrets.token_urlsafe(16)
FAN_PASSWORD = "a long fan password 2024"
# Preferred ports (a developer's share of a shared machine); taken ones give way to free ones the OS picks.
PORTS = {"nginx": 8200, "app1": 8201, "app2": 8202, "redis": 6320, "primary": 5470, "replica": 5471}
# Shorter than the default 5 s, so the step that waits it out stays short.
READ_YOUR_WRITES_SECONDS = 3


def free_port(preferred: int = 0) -> int:
    for port in (preferred, 0):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise RuntimeError("no free port")


def step(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def wait_for(what: str, check, *, seconds: float = 60, every: float = 0.25):
    """Call ``check`` until it returns something true; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        with contextlib.suppress(requests.RequestException, OSError):
            found = check()
            if found:
                return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(every)


class Topology:
    """The processes of one smoke run, and how to reach them."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.processes: list[tuple[str, subprocess.Popen]] = []
        self.pair_directory = Path(tempfile.gettempdir()) / f"tropedb-smoke-pg-{secrets.token_hex(4)}"
        self.ports: dict[str, int] = {}
        self.pair_starter: subprocess.Popen | None = None

    # Starting --------------------------------------------------------------------------------------------

    def start_databases(self) -> None:
        self.ports["nginx"] = free_port(PORTS["nginx"])  # the site's origin, which the app servers must know
        # A process group of its own: stopped in the middle of starting, the clusters it started go with it.
        self.pair_starter = subprocess.Popen(
            [str(PG_PAIR), "start", str(self.pair_directory), str(PORTS["primary"]), str(PORTS["replica"])],
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        output, _ = self.pair_starter.communicate()
        if self.pair_starter.returncode != 0:
            raise RuntimeError("deploy/local/pg-pair could not start the primary and replica")
        ports = dict(re.findall(r"^(\w+)_PORT=(\d+)$", output, re.MULTILINE))
        self.ports["primary"], self.ports["replica"] = int(ports["PRIMARY"]), int(ports["REPLICA"])
        self.psql(self.ports["primary"], "CREATE DATABASE tropedb", database="postgres")

    def start(self, name: str, command: list[str], **environment: str) -> subprocess.Popen:
        log = open(self.directory / f"{name}.log", "wb")  # noqa: SIM115 (open for the process's lifetime)
        process = subprocess.Popen(
            command, cwd=ROOT, env={**self.environment, **environment}, stdout=log, stderr=subprocess.STDOUT
        )
        self.processes.append((name, process))
        return process

    def start_redis(self) -> None:
        self.ports["redis"] = free_port(PORTS["redis"])
        port = str(self.ports["redis"])
        self.start("redis", ["redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        wait_for("redis", lambda: subprocess.run(["redis-cli", "-p", port, "ping"], capture_output=True).stdout)

    @property
    def environment(self) -> dict[str, str]:
        """What every process of the site gets, as /etc/tropedb/env or compose.yaml would give it."""
        database = "postgres://postgres@127.0.0.1:{}/tropedb"
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "DEBUG": "0",
            "SECRET_KEY": "smoke-" + "k" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{self.ports.get('nginx')}",
            "DATABASE_URL": database.format(self.ports.get("primary")),
            "DATABASE_REPLICA_URL": database.format(self.ports.get("replica")),
            "REDIS_URL": f"redis://127.0.0.1:{self.ports.get('redis')}/0",
            "CELERY_BROKER_URL": f"redis://127.0.0.1:{self.ports.get('redis')}/1",
            "MEDIA_ROOT": str(self.directory / "media"),
            "INCOMING_ROOT": str(self.directory / "incoming"),
            "STATIC_ROOT": str(self.directory / "static"),
            "TRUSTED_PROXY_COUNT": "1",
            "READ_YOUR_WRITES_SECONDS": str(READ_YOUR_WRITES_SECONDS),
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "INFO",
            "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        }

    def manage(self, *arguments: str, **environment: str) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *arguments],
            cwd=ROOT,
            env={**self.environment, **environment},
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def prepare_site(self) -> None:
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("load_demo")
        self.manage(
            "createsuperuser",
            "--noinput",
            "--username",
            MODERATOR,
            "--email",
            "moderator@example.com",
            DJANGO_SUPERUSER_PASSWORD=MODERATOR_PASSWORD,
        )

    def start_app_servers(self) -> None:
        for name in ("app1", "app2"):
            self.ports[name] = free_port(PORTS[name])
            self.start(
                name,
                [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py", "tropedb.wsgi"],
                GUNICORN_BIND=f"127.0.0.1:{self.ports[name]}",
                WEB_CONCURRENCY="2",
                GUNICORN_THREADS="2",
                PROMETHEUS_MULTIPROC_DIR=str(self.directory / f"metrics-{name}"),
            )
        for name in ("app1", "app2"):
            url = f"http://127.0.0.1:{self.ports[name]}/healthz"
            wait_for(f"{name} to answer", lambda url=url: requests.get(url, timeout=5).ok)

    def start_tasks(self) -> None:
        celery = str(BIN / "celery")
        self.start("worker", [celery, "-A", "tropedb", "worker", "--concurrency", "1", "--loglevel", "INFO"])
        schedule = str(self.directory / "beat-schedule")
        self.start("beat", [celery, "-A", "tropedb", "beat", "--schedule", schedule, "--loglevel", "INFO"])

    def start_nginx(self) -> None:
        certificate, key = self.directory / "cert.pem", self.directory / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
            + ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
            check=True,
            capture_output=True,
        )
        spec = importlib.util.spec_from_file_location("render", RENDER)
        render = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(render)
        nginx_directory = self.directory / "nginx"
        config = render.standalone(
            nginx_directory,
            workers=1,
            access_log=True,
            listen=f"127.0.0.1:{self.ports['nginx']} ssl",
            server_name="127.0.0.1",
            upstreams=[f"127.0.0.1:{self.ports['app1']}", f"127.0.0.1:{self.ports['app2']}"],
            static_root=self.directory / "static",
            media_root=self.directory / "media",
            cache_path=nginx_directory / "cache",
        )
        # TLS as the load balancer in front would end it: the site's cookies are Secure when DEBUG is off.
        text = config.read_text().replace(
            "http {", f"http {{\n    ssl_certificate {certificate};\n    ssl_certificate_key {key};", 1
        )
        config.write_text(text)
        self.start("nginx", ["nginx", "-p", str(nginx_directory), "-c", str(config), "-g", "daemon off;"])
        wait_for("nginx", lambda: requests.get(f"{self.base}/healthz", timeout=5, verify=self.certificate).ok)

    @property
    def base(self) -> str:
        return f"https://127.0.0.1:{self.ports['nginx']}"

    @property
    def certificate(self) -> str:
        return str(self.directory / "cert.pem")

    # Looking in ------------------------------------------------------------------------------------------

    def psql(self, port: int, statement: str, *, database: str = "tropedb") -> str:
        result = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database, "-tAc", statement],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    def replica_caught_up(self) -> None:
        target = self.psql(self.ports["primary"], "SELECT pg_current_wal_lsn()")
        query = f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"
        wait_for("the replica to catch up", lambda: self.psql(self.ports["replica"], query) == "t", seconds=30)

    def app_logs(self) -> str:
        return "".join((self.directory / f"{name}.log").read_text(errors="replace") for name in ("app1", "app2"))

    # Stopping --------------------------------------------------------------------------------------------

    def stop(self) -> None:
        for _, process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
        for name, process in reversed(self.processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                print(f"{name} did not stop in time: killed", flush=True)
                process.kill()
                process.wait()
        starter = self.pair_starter
        if starter is not None and starter.poll() is None:
            os.killpg(starter.pid, signal.SIGTERM)
            starter.wait(timeout=30)
        subprocess.run([str(PG_PAIR), "stop", str(self.pair_directory)], check=False)


# The walk ------------------------------------------------------------------------------------------------


def browser(topology: Topology) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # the certificate below, not one a CA bundle variable names; no proxies
    session.verify = topology.certificate
    session.headers["User-Agent"] = "tropedb-smoke"
    return session


def post(session: requests.Session, topology: Topology, path: str, data: dict, **options) -> requests.Response:
    """A form sent as a browser sends it: the CSRF token from the page, the page as Referer."""
    page = session.get(topology.base + path, timeout=20)
    token = session.cookies.get("csrftoken") or re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    return session.post(
        topology.base + path,
        data={"csrfmiddlewaretoken": token, **data},
        headers={"Referer": topology.base + path},
        allow_redirects=False,
        timeout=30,
        **options,
    )


def screenshot_png() -> bytes:
    """A busy 1280×720 picture, so the worker has real work: a re-encode and two thumbnails."""
    rng = random.Random(20)
    picture = Image.linear_gradient("L").resize((1280, 720)).convert("RGB")
    draw = ImageDraw.Draw(picture)
    for _ in range(30):
        x, y = rng.randrange(1280), rng.randrange(720)
        draw.ellipse((x, y, x + rng.randrange(40, 400), y + rng.randrange(40, 300)), fill=(rng.randrange(256),) * 3)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def walk(topology: Topology) -> None:
    base = topology.base
    step("a fan signs up")
    fan = browser(topology)
    signed_up = post(
        fan,
        topology,
        "/accounts/signup/",
        {"username": "smokefan", "email": "smokefan@example.com", "password1": FAN_PASSWORD, "password2": FAN_PASSWORD},
    )
    assert signed_up.status_code == 302 and "sessionid" in fan.cookies, f"sign-up failed: {signed_up.status_code}"

    step("the fan votes, and sees their vote at once (read from the primary after a write)")
    scene = fan.get(f"{base}/api/scenes/?page_size=1", timeout=20).json()["results"][0]
    before = scene["verdict"]["awesome"]
    voted = post(fan, topology, f"/scenes/{scene['id']}/vote/", {"verdict": "awesome"})
    assert voted.status_code == 302, f"vote failed: {voted.status_code}"
    after = fan.get(f"{base}/api/scenes/{scene['id']}/", timeout=20).json()["verdict"]["awesome"]
    assert after == before + 1, f"the fan's vote does not show: {before} then {after}"

    step("the fan submits a scene with a screenshot")
    drama = scene["drama"]["slug"]
    characters = fan.get(f"{base}/api/characters/?drama={drama}", timeout=20).json()["results"]
    submission = {
        "drama": scene["drama"]["title"],
        "episode": "1",
        "start": "0:10",
        "end": "0:25",
        "hugger": str(characters[0]["id"]),
        "hugged": str(characters[1]["id"]),
        "setting": "a smoke-filled kitchen",
        "description": "A back hug sent through the whole deployed topology by the smoke run.",
        "alt_1": "Two people in a kitchen, one holding the other from behind",
        "confirm_not_duplicate": "on",
    }
    files = {"screenshot_1": ("kitchen.png", screenshot_png(), "image/png")}
    submitted = post(fan, topology, "/scenes/submit/", submission, files=files)
    assert submitted.status_code == 302, f"submission refused: {submitted.status_code} {submitted.text[:500]}"
    new_scene = int(re.search(r"/scenes/(\d+)/", submitted.headers["Location"])[1])

    step(f"the worker processes scene {new_scene}'s screenshot")
    started = time.monotonic()
    picture = wait_for(
        "the worker to process the screenshot",
        lambda: re.search(r'<img src="(/media/screenshots/[^"]+\.webp)"', fan.get(f"{base}/scenes/{new_scene}/").text),
        seconds=90,
        every=0.5,
    )[1]
    step(f"  ready after {time.monotonic() - started:.1f} s: {picture}")
    served = requests.get(base + picture, verify=topology.certificate, timeout=20)
    assert served.status_code == 200 and served.headers["Content-Type"] == "image/webp", "nginx does not serve it"

    step("a moderator signs in and publishes it, while the replica is held back")
    moderator = browser(topology)
    signed_in = post(moderator, topology, "/accounts/login/", {"login": MODERATOR, "password": MODERATOR_PASSWORD})
    assert signed_in.status_code == 302, f"moderator sign-in failed: {signed_in.status_code}"
    topology.replica_caught_up()
    topology.psql(topology.ports["replica"], "SELECT pg_wal_replay_pause()")
    try:
        published = post(
            moderator,
            topology,
            "/admin/scenes/pendingscene/",
            {"action": "publish", "_selected_action": str(new_scene), "index": "0"},
        )
        assert published.status_code == 302, f"publishing failed: {published.status_code}"
        reader = browser(topology)
        # A page rendered in the first seconds after a change reads the primary, so that no copy kept for every reader
        # misses the change (tests/test_read_replicas.py); wait that out, as a reader arriving later would.
        time.sleep(READ_YOUR_WRITES_SECONDS + 1)
        held_back = reader.get(f"{base}/scenes/{new_scene}/?while=replica-paused", timeout=20)
        assert held_back.status_code == 404, f"a reader read the primary: {held_back.status_code}"
        step("  a reader gets 'not found' from the held-back replica: readers read from the replica")
    finally:
        topology.psql(topology.ports["replica"], "SELECT pg_wal_replay_resume()")

    step("the replica catches up and the reader sees the new scene")
    topology.replica_caught_up()
    # A client's own X-Request-ID is replaced by nginx's, which the app logs and sends back.
    page = reader.get(f"{base}/scenes/{new_scene}/", headers={"X-Request-ID": "chosen-by-the-client"}, timeout=20)
    assert page.status_code == 200 and "the whole deployed topology" in page.text, f"reader got {page.status_code}"
    request_id = page.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id), f"nginx did not pass its request id on: {request_id}"

    step("metrics and logs")
    metrics = requests.get(f"{base}/metrics", verify=topology.certificate, timeout=20).text
    for name in ("tropedb_replica_lag_seconds", "tropedb_task_queue_depth", 'view="scenes:scene-detail"'):
        assert name in metrics, f"/metrics lacks {name}"
    lines = [json.loads(line) for line in topology.app_logs().splitlines() if line.startswith("{")]
    assert any(line.get("request_id") == request_id for line in lines), "no JSON log line holds the request's id"
    step(f"  /metrics answers; the reader's request {request_id} is in the JSON logs")


def main() -> int:
    keep = "--keep" in sys.argv
    directory = Path(tempfile.mkdtemp(prefix="tropedb-smoke-"))
    topology = Topology(directory)
    # `timeout` (deploy/smoke) ends an overlong run with SIGTERM: still clean up.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(124))
    started = time.monotonic()
    try:
        step(f"starting the topology in {directory}")
        topology.start_databases()
        topology.start_redis()
        step("migrating, collecting static files, loading the demo catalogue")
        topology.prepare_site()
        topology.start_app_servers()
        topology.start_tasks()
        topology.start_nginx()
        app_ports = f"{topology.ports['app1']} and {topology.ports['app2']}"
        step(f"nginx at {topology.base} in front of app servers on {app_ports}")
        walk(topology)
        step(f"smoke passed in {time.monotonic() - started:.0f} s")
        return 0
    except BaseException:
        for log in sorted(directory.glob("*.log")):
            print(f"--- last lines of {log.name}", flush=True)
            print("\n".join(log.read_text(errors="replace").splitlines()[-15:]), flush=True)
        raise
    finally:
        topology.stop()
        if keep:
            print(f"kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
