"""
Time the community's pages on a generated catalogue (bench/generate.py), in server time, with their queries:
the duels and their ranking, a fan's feed and its Atom, notifications, finding a scene from a screenshot.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/community_pages.py [--repeat 30]

The first run adds what the generator does not make (later runs find it and add nothing): a fan
"bench-follower" who follows 20 dramas, 50 actors and 200 fans; 200,000 duel picks by the generated fans, with
a rating for every published scene; 20,000 notifications for the bench fan; a screenshot row with a perceptual
hash for every scene (no file: only the hash is searched). Each request goes through Django's test Client
(routing, middleware, view, database, template; no HTTP server), twice untimed, then --repeat times; the table
shows the median and 95th percentile in milliseconds and the database queries of the last request. Caches are
warm, as for every reader but the first; the unread count and the duel's id range are kept in the cache.
"""

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropedb.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from community.duels.services import pair_token  # noqa: E402
from community.feed.entries import feed_token  # noqa: E402
from community.models import Comment, DuelRating, DuelVote, Follow  # noqa: E402
from notifications.models import Notification  # noqa: E402
from scenes.models import Actor, Drama, Scene, SceneImage  # noqa: E402
from scenes.submissions.images import difference_hash, hash_bands  # noqa: E402

User = get_user_model()
FAN = "bench-follower"
DUEL_PICKS, NOTIFICATIONS = 200_000, 20_000
BATCH = 5_000


def picture(seed: int) -> Image.Image:
    rng = random.Random(seed)
    image = Image.linear_gradient("L").resize((1280, 720)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(14):
        x, y = rng.randrange(1280), rng.randrange(720)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + rng.randrange(40, 640), y + rng.randrange(40, 360)), fill=colour)
    return image


def prepare() -> User:
    """The community rows the generator does not make; nothing when they are there already."""
    fan = User.objects.filter(username=FAN).first()
    if fan is not None:
        return fan
    started = time.perf_counter()
    rng = random.Random(19)
    fan = User.objects.create(username=FAN, email="bench-follower@example.invalid")
    fans = list(User.objects.exclude(pk=fan.pk).values_list("pk", flat=True)[:20_000])
    published = list(Scene.objects.published().values_list("pk", "drama_id"))
    follows = [Follow(fan=fan, drama_id=pk) for pk in Drama.objects.values_list("pk", flat=True)[:20]]
    follows += [Follow(fan=fan, actor_id=pk) for pk in Actor.objects.values_list("pk", flat=True)[:50]]
    follows += [Follow(fan=fan, followed_fan_id=pk) for pk in rng.sample(fans, 200)]
    Follow.objects.bulk_create(follows)
    picks = []
    for _ in range(DUEL_PICKS):
        (first, _drama), (second, _other) = sorted(rng.sample(published, 2))
        picks.append(DuelVote(fan_id=rng.choice(fans), first_id=first, second_id=second, winner_id=first))
        if len(picks) == BATCH:
            DuelVote.objects.bulk_create(picks, ignore_conflicts=True)
            picks = []
    DuelVote.objects.bulk_create(picks, ignore_conflicts=True)
    ratings = []
    for pk, _drama in published:
        rating, deviation = rng.gauss(1500, 150), rng.uniform(60, 350)
        ratings.append(
            DuelRating(scene_id=pk, rating=rating, deviation=deviation, conservative=rating - 2 * deviation, duels=4)
        )
    DuelRating.objects.bulk_create(ratings, batch_size=BATCH)
    comments = list(Comment.objects.filter(scene__isnull=False).values_list("pk", "scene_id")[:NOTIFICATIONS])
    notes = [Notification(recipient=fan, kind="reply", comment_id=pk, scene_id=scene) for pk, scene in comments[::2]]
    notes += [
        Notification(recipient=fan, kind="followed_drama", scene_id=pk, drama_id=d) for pk, d in published[:10_000]
    ]
    Notification.objects.bulk_create(notes, batch_size=BATCH, ignore_conflicts=True)
    images = []
    for pk, _drama in published:
        value = f"{rng.getrandbits(64):016x}"
        bands = hash_bands(value)
        images.append(
            SceneImage(
                scene_id=pk,
                image="bench/none.webp",
                alt_text="bench",
                perceptual_hash=value,
                width=1280,
                height=720,
                **{f"hash_band_{n}": band for n, band in enumerate(bands)},
            )
        )
        if len(images) == BATCH:
            SceneImage.objects.bulk_create(images)
            images = []
    SceneImage.objects.bulk_create(images)
    known = difference_hash(picture(7))  # the screenshot the finder is timed with matches this scene
    SceneImage.objects.filter(scene_id=published[len(published) // 2][0]).update(
        perceptual_hash=known, **{f"hash_band_{n}": band for n, band in enumerate(hash_bands(known))}
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Added the community's rows in {time.perf_counter() - started:.0f} s.")
    return fan


def measure(client: Client, method: str, url: str, repeat: int, make_data=None) -> tuple[list[float], int, int]:
    times, queries, status = [], 0, 0
    for run in range(repeat + 2):
        data = make_data() if make_data else None
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.post(url, data) if method == "POST" else client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        status, queries = response.status_code, len(captured)
        if run >= 2:
            times.append(elapsed)
    return times, queries, status


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    settings.DEBUG = False
    settings.RATE_LIMITS = {}  # the bench times the work, not the limits
    fan = prepare()
    client = Client()
    client.force_login(fan)
    token = feed_token(fan=fan)
    scene = Scene.objects.published().order_by("pk")[Scene.objects.published().count() // 2]
    published = list(Scene.objects.published().values_list("pk", flat=True))
    rng = random.Random()  # new pairs each run: a pair the bench fan judged before would be refused
    buffer = io.BytesIO()
    picture(7).resize((960, 540)).save(buffer, "PNG")
    screenshot = buffer.getvalue()

    def duel_pick():
        first, second = rng.sample(published, 2)
        return {"token": pair_token(fan=fan, first=first, second=second), "winner": first}

    def upload():
        return {"screenshot": SimpleUploadedFile("shot.png", screenshot, "image/png")}

    requests = [
        ("GET", "/duels/", None),
        ("POST", "/duels/vote/", duel_pick),
        ("GET", "/duels/ranking/", None),
        ("GET", "/duels/ranking/?page=500", None),
        ("GET", "/duels/ranking/?sort=duels", None),
        ("GET", "/me/feed/", None),
        ("GET", "/me/feed/?page=50", None),
        ("GET", f"/feeds/me/{token}/", None),
        ("GET", "/me/notifications/", None),
        ("GET", "/me/notifications/?page=200", None),
        ("POST", "/scenes/find/", upload),
        ("GET", scene.get_absolute_url(), None),
        ("GET", "/api/duels/", None),
        ("GET", "/api/duels/ranking/", None),
        ("GET", "/api/me/feed/", None),
        ("GET", "/api/me/notifications/", None),
    ]
    print(
        f"{Scene.objects.published().count():,} published scenes, {DuelVote.objects.count():,} duel picks, "
        f"{Notification.objects.filter(recipient=fan).count():,} notifications, "
        f"{Follow.objects.filter(fan=fan).count()} follows, "
        f"{SceneImage.objects.exclude(perceptual_hash='').count():,} hashed screenshots; {connection.vendor}; "
        f"{timezone.now():%Y-%m-%d %H:%M}"
    )
    print(f"{'request':48} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'status':>7}")
    for method, url, make_data in requests:
        times, queries, status = measure(client, method, url, args.repeat, make_data)
        p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
        print(f"{method + ' ' + url[:42]:48} {statistics.median(times):8.1f} {p95:8.1f} {queries:8d} {status:7d}")


if __name__ == "__main__":
    main()
