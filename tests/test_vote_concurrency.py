"""Counts stay exact when many fans vote on the same scene at the same moment, each on its own connection."""

import threading

import pytest
from django.db import connections

from community.models import Vote
from community.services import cast_vote, set_favourite
from tests.factories import SceneFactory, UserFactory

FANS = 16


def run_together(actions):
    """Start every action at once in its own thread (its own database connection, like its own app server)."""
    barrier = threading.Barrier(len(actions))
    errors = []

    def run(action):
        try:
            barrier.wait(timeout=10)
            action()
        except Exception as error:  # Collected and re-raised in the test's own thread.
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


# serialized_rollback restores the trope taxonomy (a data migration) after the flush for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_votes_are_all_counted():
    scene = SceneFactory()
    fans = [UserFactory() for _ in range(FANS)]
    verdicts = ["awesome" if number % 3 else "awkward" for number in range(FANS)]

    run_together(
        [
            lambda fan=fan, verdict=verdict: cast_vote(scene=scene, fan=fan, verdict=verdict)
            for fan, verdict in zip(fans, verdicts, strict=True)
        ]
    )

    scene.refresh_from_db()
    assert scene.awesome_count == verdicts.count("awesome")
    assert scene.awkward_count == verdicts.count("awkward")
    assert Vote.objects.filter(scene=scene).count() == FANS


# serialized_rollback restores the trope taxonomy (a data migration) after the flush for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_changes_and_retractions_leave_exact_counts():
    scene = SceneFactory()
    fans = [UserFactory() for _ in range(FANS)]
    for fan in fans:
        cast_vote(scene=scene, fan=fan, verdict="awesome")

    # Half change their mind, a quarter retract, the rest vote awesome again (a double click).
    plan = {fan: ("awkward" if i % 2 else None if i % 4 == 0 else "awesome") for i, fan in enumerate(fans)}
    run_together(
        [
            lambda fan=fan, verdict=verdict: cast_vote(scene=scene, fan=fan, verdict=verdict)
            for fan, verdict in plan.items()
        ]
    )

    scene.refresh_from_db()
    expected = list(plan.values())
    assert (scene.awesome_count, scene.awkward_count) == (expected.count("awesome"), expected.count("awkward"))
    assert Vote.objects.filter(scene=scene).count() == FANS - expected.count(None)


# serialized_rollback restores the trope taxonomy (a data migration) after the flush for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_fan_double_clicking_counts_once():
    scene = SceneFactory()
    fan = UserFactory()
    run_together([lambda: cast_vote(scene=scene, fan=fan, verdict="awesome") for _ in range(6)])
    scene.refresh_from_db()
    assert (scene.awesome_count, scene.awkward_count) == (1, 0)


# serialized_rollback restores the trope taxonomy (a data migration) after the flush for later tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_favourites_are_all_counted():
    scene = SceneFactory()
    fans = [UserFactory() for _ in range(FANS)]
    run_together([lambda fan=fan: set_favourite(scene=scene, fan=fan, favourite=True) for fan in fans])
    scene.refresh_from_db()
    assert scene.favourite_count == FANS
