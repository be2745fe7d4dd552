"""
A throwaway tropedb deployment on this machine for the drills: its own PostgreSQL cluster (initdb into a
temporary folder, run as the postgres user), its own redis-server and gunicorn, each on a free loopback port.
It never touches the shared PostgreSQL or Redis, and ``close()`` stops everything it started, bounded in time.
"""

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = str(PROJECT / ".venv" / "bin" / "python")
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
SECRET_KEY = "drill-only-" + "k" * 50


def free_port(preferred: int | None = None) -> int:
    """``preferred`` when nothing listens there, else any port the OS hands out."""
    for port in ([preferred] if preferred else []) + [0]:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError("no free port")


def as_postgres(*command, **kwargs):
    return subprocess.run(["runuser", "-u", "postgres", "--", *map(str, command)], check=True, timeout=120, **kwargs)


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


class Cluster:
    def __init__(self, *, pg_port: int | None = None, redis_port: int | None = None, http_port: int | None = None):
        self.root = Path(tempfile.mkdtemp(prefix="tropedb-drill-"))
        self.root.chmod(0o755)
        self.pg_data = self.root / "pg"
        self.pg_port = free_port(pg_port)
        self.redis_port = free_port(redis_port)
        self.http_port = free_port(http_port)
        self.media = self.root / "media"
        self.redis = None
        self.gunicorn = None
        self.database = "tropedb_drill"

    # PostgreSQL ----------------------------------------------------------------------------------

    @property
    def database_url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.pg_port}/{self.database}"

    def init_postgres(self) -> None:
        self.pg_data.mkdir()
        shutil.chown(self.pg_data, "postgres", "postgres")
        as_postgres(PG_BIN / "initdb", "-D", self.pg_data, "-A", "trust", "-U", "postgres", "--no-sync",
                    stdout=subprocess.DEVNULL)  # fmt: skip
        self.start_postgres()
        self.psql(f"CREATE DATABASE {self.database}", database="postgres")

    def start_postgres(self) -> None:
        options = f"-p {self.pg_port} -k {self.pg_data} -h 127.0.0.1"
        as_postgres(PG_BIN / "pg_ctl", "-D", self.pg_data, "-o", options, "-l", self.pg_data / "log", "-w", "-t", "30",
                    "start", stdout=subprocess.DEVNULL)  # fmt: skip

    def stop_postgres(self) -> None:
        as_postgres(PG_BIN / "pg_ctl", "-D", self.pg_data, "-m", "fast", "-w", "-t", "30", "stop",
                    stdout=subprocess.DEVNULL)  # fmt: skip

    def psql(self, sql: str, *, database: str | None = None) -> str:
        result = subprocess.run(
            [PG_BIN / "psql", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", "-d",
             database or self.database, "-At", "-v", "ON_ERROR_STOP=1", "-c", sql],
            check=True, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        return result.stdout.strip()

    # Redis and the app ------------------------------------------------------------------------------

    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        self.wait_for(lambda: _connects(self.redis_port), "redis", 10)

    def stop_redis(self) -> None:
        if self.redis and self.redis.poll() is None:
            self.redis.terminate()
            self.redis.wait(timeout=10)

    def env(self, **extra) -> dict:
        return {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": self.database_url,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "MEDIA_ROOT": str(self.media),
            "STATIC_ROOT": str(self.root / "static"),
            "LOG_LEVEL": "WARNING",
            **extra,
        }

    def manage(self, *args, **extra_env) -> str:
        result = subprocess.run([PYTHON, "manage.py", *args], cwd=PROJECT, env=self.env(**extra_env), check=True,
                                capture_output=True, text=True, timeout=300)  # fmt: skip
        return result.stdout

    def prepare_app(self) -> None:
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")

    def start_gunicorn(self, *, workers: int = 3, **extra_env) -> None:
        """gunicorn as production runs it (gunicorn.conf.py: gthread workers), on this cluster's port."""
        self.gunicorn = subprocess.Popen(
            [str(PROJECT / ".venv" / "bin" / "gunicorn"), "tropedb.wsgi", "--bind", f"127.0.0.1:{self.http_port}",
             "--workers", str(workers), "--graceful-timeout", "5"],
            cwd=PROJECT, env=self.env(**extra_env), stdout=subprocess.DEVNULL, stderr=self._log("gunicorn.log"),
        )  # fmt: skip
        self.wait_for(lambda: self.get("/healthz")[0] == 200, "gunicorn", 60)

    def _log(self, name: str):
        return open(self.root / name, "w")  # noqa: SIM115  (the server writes to it until close())

    def workers(self) -> list[int]:
        """The gunicorn workers' process ids (the master's children)."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.gunicorn.pid:
                    children.append(int(stat.parent.name))
        return children

    # HTTP ----------------------------------------------------------------------------------------------

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.http_port}{path}"

    def get(self, path: str, *, timeout: float = 10, headers: dict | None = None, base: str = "") -> tuple:
        """GET from gunicorn, or from ``base`` (e.g. the nginx in front of it)."""
        return self.request("GET", path, timeout=timeout, headers=headers, base=base)

    def request(self, method, path, *, body=None, headers=None, timeout: float = 10, base: str = "") -> tuple:
        """(status, headers, body); status 0 when the connection failed (a killed worker, a refused port)."""
        data = json.dumps(body).encode() if isinstance(body, dict) else body
        url = f"{base}{path}" if base else self.url(path)
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            return 0, {}, b""

    @staticmethod
    def wait_for(condition, what: str, seconds: float) -> float:
        started = time.monotonic()
        while time.monotonic() - started < seconds:
            if condition():
                return time.monotonic() - started
            time.sleep(0.1)
        raise RuntimeError(f"{what} was not ready within {seconds} s")

    # Teardown ----------------------------------------------------------------------------------------------

    def close(self) -> None:
        if self.gunicorn and self.gunicorn.poll() is None:
            self.gunicorn.send_signal(signal.SIGTERM)
            try:
                self.gunicorn.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.gunicorn.kill()
        self.stop_redis()
        if (self.pg_data / "postmaster.pid").exists():
            with contextlib.suppress(Exception):
                self.stop_postgres()
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _connects(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def ports_from_environment() -> dict:
    """DRILL_PG_PORT, DRILL_REDIS_PORT, DRILL_HTTP_PORT: ports to try first (any free port otherwise)."""
    names = {"pg_port": "DRILL_PG_PORT", "redis_port": "DRILL_REDIS_PORT", "http_port": "DRILL_HTTP_PORT"}
    return {key: int(os.environ[name]) for key, name in names.items() if os.environ.get(name)}


def summary(name: str, *, started: float, checks: int, failures: list[str]) -> bool:
    """The drill's closing lines (CI reads the last one); True when every check held."""
    log(f"{name} finished in {time.monotonic() - started:.0f} s")
    for failure in failures:
        print(f"FAILED {failure}", file=sys.stderr)
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return not failures


def main_guard(main) -> None:
    """Run a drill's main(); its exit code says whether every check held."""
    try:
        sys.exit(0 if main() else 1)
    except KeyboardInterrupt:
        sys.exit(130)
