"""
gunicorn's settings for an app server (the container image, the systemd units and deploy/smoke use them).

    gunicorn -c deploy/gunicorn.conf.py tropedb.wsgi

Everything can be overridden from the environment: GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS,
GUNICORN_TIMEOUT; PROMETHEUS_MULTIPROC_DIR makes the workers' metrics add up (edge.metrics).
"""

import os
import shutil
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Requests spend much of their time waiting on PostgreSQL and Redis: a few processes with a few threads each.
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5  # behind nginx's keepalive upstream connections
max_requests = 2000  # a worker is replaced now and then, so a slow leak never grows
max_requests_jitter = 200
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
