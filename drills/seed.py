"""
A small published catalogue and fans with API tokens, for the drills; run inside the app:
``manage.py shell -c "from drills.seed import seed; seed(fans=30, scenes=10)"``. Prints JSON: the scenes' ids
and each fan's token key.
"""

import json

from django.contrib.auth import get_user_model
from django.utils import timezone

from api.services import create_token
from scenes.models import Actor, Character, Drama, Scene, SceneTrope, Trope


def seed(*, fans: int, scenes: int) -> None:
    drama = Drama.objects.create(title="Drill Drama", slug="drill-drama", year=2020, network="KBS2", episodes=16)
    hugger = Character.objects.create(
        drama=drama, name="Drill Hugger", gender="male", role="male_lead",
        actor=Actor.objects.create(name="Drill Actor", slug="drill-actor"),
    )  # fmt: skip
    hugged = Character.objects.create(drama=drama, name="Drill Hugged", gender="female", role="female_lead")
    ids = []
    for number in range(scenes):
        scene = Scene.objects.create(
            drama=drama, episode=1 + number % 16, start_seconds=60 * number, end_seconds=60 * number + 20,
            hugger=hugger, hugged=hugged, description=f"Drill back hug {number}.",
            status=Scene.Status.PUBLISHED, published_at=timezone.now(),
        )  # fmt: skip
        ids.append(scene.pk)
    tokens = {}
    for number in range(fans):
        fan = get_user_model().objects.create_user(username=f"drillfan{number}", email=f"drillfan{number}@example.com")
        tokens[fan.username] = create_token(fan=fan, name="drill")[1]
    print(json.dumps({"scenes": ids, "tokens": tokens}))


def seed_activity() -> None:
    """Votes, a comment thread and a stored screenshot on the seeded catalogue (for the backup drill)."""
    from community.services import cast_vote, post_comment
    from scenes.submissions.images import store_screenshot
    from tests.image_support import encoded, picture, upload

    fans = list(get_user_model().objects.filter(username__startswith="drillfan").order_by("pk"))
    scenes = list(Scene.objects.order_by("pk"))
    for number, fan in enumerate(fans):
        for scene in scenes[: 1 + number % len(scenes)]:
            cast_vote(scene=scene, fan=fan, verdict="awesome" if (number + scene.pk) % 3 else "awkward")
    first = post_comment(author=fans[0], target=scenes[0], body="The umbrella! The rain!")
    post_comment(author=fans[1], target=scenes[0], body="Awkward, and yet.", parent=first)
    post_comment(author=fans[2], target=scenes[0].drama, body="The whole drama is back hugs.")
    store_screenshot(scene=scenes[0], uploaded_file=upload(encoded(picture(), "PNG")), alt_text="A drill still.")
    for scene in scenes[:3]:
        SceneTrope.objects.create(scene=scene, trope=Trope.objects.curated().order_by("pk").first())


def sessions(count: int) -> None:
    """Signed-in sessions for the first ``count`` drill fans; prints their keys as JSON (for bench/uploads.py)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    keys = []
    for fan in get_user_model().objects.filter(username__startswith="drillfan").order_by("pk")[:count]:
        session = SessionStore()
        session[SESSION_KEY] = str(fan.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = fan.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    print(json.dumps(keys))
