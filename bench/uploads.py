"""
Uploads against a real deployment (drills/cluster.py: own PostgreSQL, Redis and gunicorn as configured by
gunicorn.conf.py), timed from the client over HTTP on 127.0.0.1:

1. A submission with four 40-megapixel PNG screenshots (150 kB each, a decompression bomb's shape): how long
   until its answer (the pixel budget refuses it from the headers).
2. Three fans uploading at once, over and over (each a submission with one 40-megapixel screenshot, the most
   one submission may decode): how long /healthz takes to answer meanwhile.

Run: ``.venv/bin/python bench/uploads.py`` (as root: PostgreSQL runs as the postgres user). Prints the figures.
"""

import json
import os
import statistics
import sys
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

from drills.cluster import Cluster, log, ports_from_environment  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropedb.settings")
django.setup()  # only to borrow the tests' picture maker; the server under test is a separate process

from tests.image_support import png_declaring  # noqa: E402

CSRF = "b" * 32  # a CSRF secret of our own: the cookie and the form carry the same value
FORTY_MEGAPIXELS = png_declaring(8000, 5000)
UPLOADERS, UPLOAD_SECONDS = 3, 15


def multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, text in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{text}\r\n'.encode())
    for name, (filename, data) in files.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(head.encode() + b"Content-Type: image/png\r\n\r\n" + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def submit(cluster, session: str, address: str, screenshots: int, start: int) -> tuple[int, float]:
    fields = {"csrfmiddlewaretoken": CSRF, "drama": "Drill Drama", "episode": "2",
              "start": f"{start // 60}:{start % 60:02}",
              "end": f"{(start + 20) // 60}:{(start + 20) % 60:02}", "hugger": "new", "hugger_name": f"Fan {start}",
              "hugger_gender": "male", "hugged": "new", "hugged_name": f"Other {start}", "hugged_gender": "female",
              "description": "Timing an upload.", "confirm_not_duplicate": "on"}  # fmt: skip
    files = {}
    for number in range(1, screenshots + 1):
        fields[f"alt_{number}"] = "A very large still."
        files[f"screenshot_{number}"] = (f"still-{number}.png", FORTY_MEGAPIXELS)
    body, content_type = multipart(fields, files)
    headers = {"Content-Type": content_type, "Cookie": f"sessionid={session}; csrftoken={CSRF}",
               "X-Forwarded-For": address}  # fmt: skip
    started = time.perf_counter()
    status, _, _ = cluster.request("POST", "/scenes/submit/", body=body, headers=headers, timeout=60)
    return status, time.perf_counter() - started


def main() -> None:
    with Cluster(**ports_from_environment()) as cluster:
        cluster.init_postgres()
        cluster.start_redis()
        cluster.prepare_app()
        cluster.manage("shell", "-c", "from drills.seed import seed; seed(fans=4, scenes=1)")
        signed_in = cluster.manage("shell", "-c", "from drills.seed import sessions; sessions(4)")
        keys = json.loads(signed_in.strip().splitlines()[-1])
        cluster.start_gunicorn(TRUSTED_PROXY_COUNT="1")
        log(f"gunicorn on {cluster.http_port} (gunicorn.conf.py), PostgreSQL on {cluster.pg_port}")

        for _ in range(12):  # every worker thread past its first request (imports, templates)
            submit(cluster, keys[3], "10.9.9.8", 0, 100)
        bombs = [submit(cluster, keys[3], "10.9.9.9", 4, 600 + n * 100) for n in range(5)]
        took = [seconds for _, seconds in bombs]
        log(f"four 40-megapixel screenshots: answers {sorted({s for s, _ in bombs})}, "
            f"median {statistics.median(took):.3f} s, slowest {max(took):.3f} s")  # fmt: skip

        stop, uploads, health = threading.Event(), [], []

        def upload(number):
            start = 3000 + number * 1000
            while not stop.is_set():
                uploads.append(submit(cluster, keys[number], f"10.0.0.{number + 1}", 1, start))
                start += 90

        threads = [threading.Thread(target=upload, args=(number,)) for number in range(UPLOADERS)]
        for thread in threads:
            thread.start()
        time.sleep(1)
        deadline = time.monotonic() + UPLOAD_SECONDS
        while time.monotonic() < deadline:
            started = time.perf_counter()
            status, _, _ = cluster.get("/healthz")
            health.append((status, time.perf_counter() - started))
            time.sleep(0.1)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        times = sorted(t for _, t in health)
        upload_times = [t for _, t in uploads]
        log(f"{len(uploads)} uploads by {UPLOADERS} fans at once (one 40-megapixel screenshot each): answers "
            f"{sorted({s for s, _ in uploads})}, median {statistics.median(upload_times):.2f} s")  # fmt: skip
        log(f"/healthz meanwhile, {len(times)} checks: answers {sorted({s for s, _ in health})}, "
            f"median {1000 * statistics.median(times):.1f} ms, 95th percentile "
            f"{1000 * times[int(len(times) * 0.95)]:.1f} ms, slowest {1000 * times[-1]:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
