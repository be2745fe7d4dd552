"""
A real primary and streaming replica for the replica tests (deploy/local/pg-pair), and the site served on them.

The clusters are the test's own (initdb as the postgres user, pg_basebackup -R) on spare ports, started once
per module and stopped afterwards; the shared PostgreSQL is never touched. Without PostgreSQL's server programs
the tests are skipped, except in CI, where they must run.
"""

import contextlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
PG_PAIR = ROOT / "deploy" / "local" / "pg-pair"
# Spare ports of this work on a shared machine; taken ones give way to ports the OS picks.
PREFERRED_PORTS = (5472, 5473)


def postgres_available() -> bool:
    return bool(list(Path("/usr/lib/postgresql").glob("*/bin/initdb"))) and (
        os.geteuid() == 0 or shutil.which("initdb") is not None
    )


def require_postgres():
    if not postgres_available():
        if os.environ.get("CI"):
            pytest.fail("CI must run the replica tests: PostgreSQL's server programs are missing.")
        pytest.skip("PostgreSQL's server programs (initdb, pg_basebackup) are not installed.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Pair:
    directory: Path
    primary_port: int
    replica_port: int

    def url(self, port: int) -> str:
        return f"postgres://postgres@127.0.0.1:{port}/tropedb"

    @property
    def environment(self) -> dict[str, str]:
        """What an app server on this pair is given, as a deployment would give it."""
        return {
            **os.environ,
            "DATABASE_URL": self.url(self.primary_port),
            "DATABASE_REPLICA_URL": self.url(self.replica_port),
            "CONN_MAX_AGE": "0",
        }

    def sql(self, port: int, statement: str) -> str:
        result = subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", "tropedb", "-tAc", statement],
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    def caught_up(self, timeout: float = 10) -> None:
        """Wait until the replica has replayed everything the primary wrote so far."""
        target = self.sql(self.primary_port, "SELECT pg_current_wal_lsn()")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.sql(self.replica_port, f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn") == "t":
                return
            time.sleep(0.05)
        raise AssertionError("The replica did not catch up with the primary.")

    @contextlib.contextmanager
    def replica_paused(self):
        """The replica stops replaying (as if it lagged) until the block ends; it then catches up."""
        self.caught_up()
        self.sql(self.replica_port, "SELECT pg_wal_replay_pause()")
        try:
            yield
        finally:
            self.sql(self.replica_port, "SELECT pg_wal_replay_resume()")
            self.caught_up()

    def manage(self, *arguments: str, code: str | None = None, environment: dict | None = None) -> str:
        """Run manage.py (or Python ``code`` in its shell) against the pair, as an operator would."""
        command = [sys.executable, "manage.py", *arguments]
        if code is not None:
            command += ["shell", "--verbosity=0", "-c", code]
        env = {**self.environment, **(environment or {})}
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout


def start_pair() -> Pair:
    # Not a mkdtemp folder: those are private to this user, and the postgres user must reach the clusters.
    directory = Path(tempfile.gettempdir()) / f"tropedb-replica-test-{secrets.token_hex(4)}"
    result = subprocess.run(
        [str(PG_PAIR), "start", str(directory), *map(str, PREFERRED_PORTS)], capture_output=True, text=True
    )
    if result.returncode != 0:
        subprocess.run([str(PG_PAIR), "stop", str(directory)], check=False)
        raise RuntimeError(f"Could not start the primary and replica:\n{result.stdout}\n{result.stderr}")
    ports = dict(re.findall(r"^(\w+_PORT)=(\d+)$", result.stdout, re.MULTILINE))
    pair = Pair(directory, int(ports["PRIMARY_PORT"]), int(ports["REPLICA_PORT"]))
    subprocess.run(["createdb", "-h", "127.0.0.1", "-p", str(pair.primary_port), "-U", "postgres", "tropedb"])
    return pair


def stop_pair(pair: Pair) -> None:
    subprocess.run([str(PG_PAIR), "stop", str(pair.directory)], check=False)


@contextlib.contextmanager
def served(pair: Pair, **environment: str):
    """The site under gunicorn on a free port, on the pair; yields its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "tropedb.wsgi",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            "--threads=4",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env={**pair.environment, **environment},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            with contextlib.suppress(requests.ConnectionError, requests.Timeout):
                if requests.get(f"{base}/healthz", timeout=5).ok:
                    break
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("The site did not start on the primary and replica.")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def csrf_token(session: requests.Session, base: str, path: str) -> str:
    session.get(f"{base}{path}", timeout=10).raise_for_status()
    return session.cookies["csrftoken"]


def sign_up(base: str, username: str) -> requests.Session:
    """A new fan signed in through the sign-up form."""
    session = requests.Session()
    token = csrf_token(session, base, "/accounts/signup/")
    response = session.post(
        f"{base}/accounts/signup/",
        data={
            "csrfmiddlewaretoken": token,
            "username": username,
            "email": f"{username}@example.com",
            "password1": "a long fan password 2024",
            "password2": "a long fan password 2024",
        },
        timeout=10,
    )
    response.raise_for_status()
    assert "sessionid" in session.cookies, "the sign-up did not sign the fan in"
    return session
