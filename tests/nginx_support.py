"""nginx from Debian's packages in front of a test's live server, with the shipped configuration (deploy/nginx/)."""

import importlib.util
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def load_renderer():
    spec = importlib.util.spec_from_file_location("nginx_render", ROOT / "deploy" / "nginx" / "render.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    """A port nobody listens on now, from the OS (so parallel runs on one machine do not collide)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_nginx(directory: Path, *, upstream: str, static_root: Path, media_root: Path):
    """nginx on a free port proxying to ``upstream`` (host:port); yields its base URL and stops it afterwards."""
    port = free_port()
    config = load_renderer().standalone(
        directory,
        listen=f"127.0.0.1:{port}",
        server_name="localhost",
        upstreams=[upstream],
        static_root=static_root,
        media_root=media_root,
        cache_path=directory / "cache",
    )
    subprocess.run([NGINX, "-t", "-q", "-p", str(directory), "-c", str(config)], check=True)
    subprocess.run([NGINX, "-p", str(directory), "-c", str(config)], check=True)
    try:
        for _ in range(50):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run([NGINX, "-p", str(directory), "-c", str(config), "-s", "quit"], check=False)
        pid_file = directory / "nginx.pid"
        for _ in range(50):
            if not pid_file.exists():
                break
            time.sleep(0.1)


def fetch(url: str, headers: dict | None = None):
    """(status, headers, body) of a GET, without following redirects or raising on 4xx/5xx."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()
