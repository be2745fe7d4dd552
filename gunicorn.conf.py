"""
gunicorn's settings for tropedb, read by ``gunicorn tropedb.wsgi`` from the project folder.

Threads in each worker (gthread): a request that waits (an upload being decoded, a slow database) holds one
thread, not the whole worker, so /healthz and readers are still answered while fans upload. Pillow decodes
outside Python's lock, so threads of one worker decode side by side.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 30
graceful_timeout = 10
# Request line and headers as a browser sends them; bodies are capped by the app (MAX_REQUEST_BYTES) and the proxy.
limit_request_line = 8190
limit_request_fields = 100
