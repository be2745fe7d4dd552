"""
gunicorn's settings for tropedb, read by ``gunicorn tropedb.wsgi`` from the project folder (the container image, the
systemd units and deploy/smoke use them too).

Threads in each worker (gthread): a request that waits (an upload being decoded, a slow database) holds one
thread, not the whole worker, so /healthz and readers are still answered while fans upload. Pillow decodes
outside Python's lock, so threads of one worker decode side by side.

From the environment: GUNICORN_BIND, WEB_CONCURRENCY (workers), GUNICORN_THREADS; PROMETHEUS_MULTIPROC_DIR makes
the workers' metrics add up (edge.metrics).
"""

import os
import shutil
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 30
graceful_timeout = 10
keepalive = 5  # behind nginx's keepalive upstream connections
# A worker is replaced now and then, so a slow leak never grows; rarely, because a new worker starts with an empty
# memory of kept pages (edge.store) and a cold start costs a second: at a few thousand pages a second from the
# response cache, 2,000 requests would replace a worker every other second.
max_requests = 50_000
max_requests_jitter = 5_000
# Request line and headers as a browser sends them; bodies are capped by the app (MAX_REQUEST_BYTES) and the proxy.
limit_request_line = 8190
limit_request_fields = 100
# The app logs each request itself (JSON, with the request id): gunicorn's own access log would repeat it.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's control socket sits at one path per user: two app servers on one host would take each other's.
control_socket_disable = True


def on_starting(server):
    """Start with an empty metrics directory: files of workers from an earlier run would count twice."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        shutil.rmtree(directory, ignore_errors=True)
        Path(directory).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
