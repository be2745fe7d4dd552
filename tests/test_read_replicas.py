"""
Read replicas, against a real streaming replica: readers read from it, a fan who just wrote reads from the
primary for a few seconds, and commands, migrations and transactions always use the primary.

Pausing the replica's replay stands in for replication lag: what the primary wrote since is missing there.
"""

import re
import secrets
import time

import pytest
import requests

from tests.replica_support import csrf_token, require_postgres, served, sign_up, start_pair, stop_pair

READ_YOUR_WRITES_SECONDS = 2
# Each run of manage.py starts the factories' sequences afresh: start them where no earlier run has been.
NEW_SCENE = """
from tests import factories
for name in ("DramaFactory", "ActorFactory", "CharacterFactory"):
    getattr(factories, name).reset_sequence({offset})
scene = factories.SceneFactory()
print(scene.pk, scene.drama.slug)
"""


@pytest.fixture(scope="module")
def pair():
    require_postgres()
    pair = start_pair()
    try:
        # Migrated as a deployment does it, with the replica configured: the schema reaches it by replication.
        pair.manage("migrate", "--noinput")
        yield pair
    finally:
        stop_pair(pair)


@pytest.fixture(scope="module")
def site(pair):
    with served(pair, READ_YOUR_WRITES_SECONDS=str(READ_YOUR_WRITES_SECONDS)) as base:
        yield base


def new_scene(pair) -> int:
    return int(new_scene_and_drama(pair)[0])


def new_scene_and_drama(pair) -> tuple[str, str]:
    """A published scene of a new drama, written on the primary (pair.manage reads and writes there)."""
    scene, drama = pair.manage(code=NEW_SCENE.format(offset=secrets.randbelow(10**9))).split()
    return scene, drama


def awesome_votes(session: requests.Session, site: str, scene: int) -> int:
    response = session.get(f"{site}/api/scenes/{scene}/", timeout=10)
    response.raise_for_status()
    return response.json()["verdict"]["awesome"]


def vote_awesome(session: requests.Session, site: str, scene: int) -> None:
    token = csrf_token(session, site, f"/scenes/{scene}/")
    response = session.post(
        f"{site}/scenes/{scene}/vote/", data={"verdict": "awesome", "csrfmiddlewaretoken": token}, timeout=10
    )
    response.raise_for_status()


def test_migrations_reach_the_replica_by_replication(pair):
    pair.caught_up()
    applied = "SELECT count(*) FROM django_migrations"

    assert int(pair.sql(pair.replica_port, applied)) > 0
    assert pair.sql(pair.replica_port, applied) == pair.sql(pair.primary_port, applied)


def test_a_reader_reads_from_the_replica(pair, site):
    with pair.replica_paused():
        scene = new_scene(pair)  # on the primary only, for now

        assert requests.get(f"{site}/scenes/{scene}/", timeout=10).status_code == 404

    assert requests.get(f"{site}/scenes/{scene}/", timeout=10).status_code == 200


def test_a_fan_sees_their_own_vote_at_once_while_the_replica_lags(pair, site):
    scene = new_scene(pair)
    fan = sign_up(site, "quickvoter")
    with pair.replica_paused():
        vote_awesome(fan, site, scene)

        assert awesome_votes(fan, site, scene) == 1


def test_a_fan_reads_from_the_replica_again_a_few_seconds_after_writing(pair, site):
    scene = new_scene(pair)
    fan = sign_up(site, "patientvoter")
    with pair.replica_paused():
        vote_awesome(fan, site, scene)
        time.sleep(READ_YOUR_WRITES_SECONDS + 0.5)

        assert awesome_votes(fan, site, scene) == 0


def test_a_fan_stays_signed_in_while_the_replica_lags_behind_their_sign_up(pair, site):
    with pair.replica_paused():
        fan = sign_up(site, "newcomer")
        time.sleep(READ_YOUR_WRITES_SECONDS + 0.5)

        page = fan.get(f"{site}/accounts/newcomer/", timeout=10)

    assert page.status_code == 200
    assert "Sign out" in page.text or "Log out" in page.text


def test_management_commands_read_from_the_primary(pair):
    with pair.replica_paused():
        _, drama = new_scene_and_drama(pair)
        exported = pair.manage("export_scenes", "--format", "json")

    assert f'"drama": "{drama}"' in exported


READS = """
from django.db import transaction
from edge import replicas
from scenes.models import Scene
token = replicas._replica_reads_allowed.set(True)  # as a reader's request allows
print(Scene.objects.filter(pk={scene}).exists())
with transaction.atomic():
    print(Scene.objects.filter(pk={scene}).exists())
"""


def test_reads_inside_a_transaction_use_the_primary(pair):
    with pair.replica_paused():
        scene = new_scene(pair)
        outside, inside = pair.manage(code=READS.format(scene=scene)).split()

    assert (outside, inside) == ("False", "True")


def replica_metric(site: str, name: str) -> float:
    text = requests.get(f"{site}/metrics", timeout=10).text
    return float(re.search(rf'^{name}\{{replica="replica_1"\}} (\S+)$', text, re.MULTILINE).group(1))


def test_metrics_report_the_replicas_lag(pair, site):
    assert replica_metric(site, "tropedb_replica_up") == 1.0
    with pair.replica_paused():
        new_scene(pair)
        time.sleep(1.1)

        lagging = replica_metric(site, "tropedb_replica_lag_seconds")

    assert lagging >= 1.0
    assert replica_metric(site, "tropedb_replica_lag_seconds") < lagging


UNPUBLISH = """
from scenes.models import Scene
from scenes.moderation.publishing import unpublish_scenes
from tests.factories import UserFactory
moderator = UserFactory(username="mod{suffix}", is_staff=True, is_superuser=True)
unpublish_scenes(scenes=Scene.objects.filter(pk={scene}), moderator=moderator)
"""


@pytest.fixture
def shared_cache():
    """A Redis database of this test's own, shared by the app server and the moderator's command, as deployed."""
    url = "redis://127.0.0.1:6379/6"
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(url).flushdb()
    except redis.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    yield {"REDIS_URL": url}
    redis.Redis.from_url(url).flushdb()


def test_a_removal_is_not_put_back_in_the_kept_page_by_a_lagging_replica(pair, shared_cache):
    scene = new_scene(pair)
    pair.caught_up()
    with served(pair, READ_YOUR_WRITES_SECONDS=str(READ_YOUR_WRITES_SECONDS), **shared_cache) as site:
        assert requests.get(f"{site}/scenes/{scene}/", timeout=10).status_code == 200  # kept for every reader

        with pair.replica_paused():
            suffix = secrets.token_hex(4)
            pair.manage(code=UNPUBLISH.format(scene=scene, suffix=suffix), environment=shared_cache)

            # The replica still shows the scene published: the page after the removal is rendered from the primary.
            assert requests.get(f"{site}/scenes/{scene}/", timeout=10).status_code == 404
            on_replica = f"SELECT status FROM scenes_scene WHERE id = {int(scene)}"  # noqa: S608
            assert pair.sql(pair.replica_port, on_replica) == "published"

        assert requests.get(f"{site}/scenes/{scene}/", timeout=10).status_code == 404
