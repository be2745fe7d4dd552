"""The container's health check: /healthz of the app server in this container, under the site's host name.

Exits 0 when it answers 200 (the database answers too), 1 otherwise. Standard library only: it runs often.
"""

import os
import sys
import urllib.request

host = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")[0].strip().lstrip(".") or "localhost"
port = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").rpartition(":")[2]
request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 (a fixed http:// address)
        sys.exit(0 if response.status == 200 else 1)
except OSError:
    sys.exit(1)
