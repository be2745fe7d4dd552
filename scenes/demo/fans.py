"""
Demo fans and what they think, so the demo's verdicts, favourites, stats and discussions are not empty.

Everything is derived from the scene's slug-like key with a seeded generator, so a rerun creates nothing new:
rows are created only where missing, and tallies are recounted from the rows (the same rows give the same
numbers). The fans have no usable password: they cannot sign in, they only give the demo a crowd.
"""

import random

from django.contrib.auth import get_user_model

from community.duels.services import cast_duel_vote, pair_token
from community.models import Comment, DuelVote, Favourite, Vote
from community.services import recount_scene

FANS = 24
DUELS_PER_FAN = 10
# A few opinions fans leave, in our own words; picked deterministically per scene.
REMARKS = [
    "Sweet or grabby? I say sweet: she leans back into it.",
    "The music in this scene does half the work, and I'm not complaining.",
    "Second leads always get the saddest back hugs. Justice for him.",
    "She clearly wanted to get away. This has aged badly.",
    "Chin on the shoulder is peak drama tenderness, change my mind.",
    "I rewatched this one three times. Awesome, no question.",
    "Awkward! They had no chemistry in this episode.",
    "The way he holds on like she might disappear...",
]
REPLIES = [
    "Agreed, the acting sells it.",
    "I read it the other way: it felt possessive to me.",
    "Same! I screamed at this part.",
]


def demo_fans() -> list:
    User = get_user_model()
    fans = []
    for number in range(1, FANS + 1):
        username = f"demo-fan-{number:02d}"
        fan = User.objects.filter(username=username).first()
        if fan is None:
            fan = User(username=username, email=f"{username}@example.invalid")
            fan.set_unusable_password()
            fan.save()
        fans.append(fan)
    return fans


def opinion_seed(scene) -> str:
    """Per scene; a scene with no time (a documented one) is told apart by who hugs whom."""
    if scene.start_seconds is not None:
        return f"{scene.drama.slug}:{scene.episode}:{scene.start_seconds}"
    return f"{scene.drama.slug}:{scene.episode}:{scene.hugger.name}:{scene.hugged.name}"


def load_opinions(scenes) -> int:
    """Votes, favourites and a few comments per scene; returns how many rows were created."""
    fans = demo_fans()
    created = 0
    for scene in scenes:
        rng = random.Random(opinion_seed(scene))  # noqa: S311 - not security
        lean = rng.random()  # how awesome fans find this one: some clear favourites, some split, some cringe
        voters = rng.sample(fans, rng.randint(3, FANS))
        # Draw every verdict before looking at what exists, so a rerun draws the same numbers in the same order.
        verdicts = [(fan, "awesome" if rng.random() < lean else "awkward") for fan in voters]
        existing = set(Vote.objects.filter(scene=scene).values_list("fan_id", flat=True))
        new_votes = [Vote(scene=scene, fan=fan, verdict=verdict) for fan, verdict in verdicts if fan.pk not in existing]
        Vote.objects.bulk_create(new_votes)
        lovers = voters[: rng.randint(0, 6)]
        held = set(Favourite.objects.filter(scene=scene).values_list("fan_id", flat=True))
        new_favourites = [Favourite(scene=scene, fan=fan) for fan in lovers if fan.pk not in held]
        Favourite.objects.bulk_create(new_favourites)
        created += len(new_votes) + len(new_favourites)
        if rng.random() < 0.5:
            author, replier = rng.sample(fans, 2)
            remark, reply = rng.choice(REMARKS), rng.choice(REPLIES)
            root, made = Comment.objects.get_or_create(scene=scene, author=author, body=remark, parent=None)
            _, made_reply = Comment.objects.get_or_create(scene=scene, author=replier, body=reply, parent=root)
            created += made + made_reply
        recount_scene(scene)
    return created


def load_duels(scenes) -> int:
    """Each demo fan picks in a few duels, mostly for the scene more fans find awesome; returns the new picks."""
    scenes = sorted((scene for scene in scenes if scene.is_published), key=lambda scene: scene.pk)
    if len(scenes) < 2:
        return 0
    created = 0
    for fan in demo_fans():
        rng = random.Random(f"duels:{fan.username}")  # noqa: S311 - not security
        judged = set(DuelVote.objects.filter(fan=fan).values_list("first_id", "second_id"))
        for _ in range(DUELS_PER_FAN):
            first, second = sorted(rng.sample(scenes, 2), key=lambda scene: scene.pk)
            better = (
                first
                if first.awesome_count - first.awkward_count >= second.awesome_count - second.awkward_count
                else second
            )
            winner = better if rng.random() < 0.75 else (second if better is first else first)
            if (first.pk, second.pk) in judged:
                continue
            cast_duel_vote(fan=fan, token=pair_token(fan=fan, first=first.pk, second=second.pk), winner_id=winner.pk)
            judged.add((first.pk, second.pk))
            created += 1
    return created
