"""
How reads and writes are routed once DATABASE_REPLICA_URL names replicas (tests/test_read_replicas.py runs the
same against a real streaming replica), and that nothing changes without it.
"""

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from edge import replicas
from edge.replicas import MARKER_COOKIE, ReadYourWritesMiddleware, ReplicaRouter
from scenes.models import Scene
from tropedb.databases import databases, replica_aliases


@pytest.fixture
def two_replicas(settings):
    settings.DATABASE_REPLICAS = ["replica_1", "replica_2"]
    settings.READ_YOUR_WRITES_SECONDS = 5


def reads_during(request) -> bool:
    """Whether ``request`` was allowed to read from a replica, as the view saw it."""
    seen = {}

    def view(request):
        seen["allowed"] = replicas.replica_reads_allowed()
        return HttpResponse("ok")

    response = ReadYourWritesMiddleware(view)(request)
    return seen["allowed"], response


def test_each_replica_url_becomes_a_database_that_mirrors_the_primary_in_tests():
    entries = databases(
        primary_url="postgres://app@primary:5432/tropedb",
        replica_urls=["postgres://app@replica-a:5432/tropedb", "postgres://app@replica-b:5432/tropedb"],
        conn_max_age=60,
    )

    assert replica_aliases(entries) == ["replica_1", "replica_2"]
    assert entries["replica_2"]["HOST"] == "replica-b"
    assert entries["replica_1"]["TEST"]["MIRROR"] == "default"
    assert entries["replica_1"]["OPTIONS"]["options"] == "-c jit=off"


def test_without_replicas_a_fans_write_sets_no_marker(client, fan, scene):
    client.force_login(fan)

    response = client.post(f"/scenes/{scene.pk}/vote/", {"verdict": "awesome"})

    assert response.status_code == 302
    assert MARKER_COOKIE not in response.cookies


def test_a_readers_request_may_read_from_a_replica(two_replicas):
    allowed, _ = reads_during(RequestFactory().get("/scenes/"))

    assert allowed


def test_a_write_reads_from_the_primary_and_keeps_the_fan_there_for_a_few_seconds(two_replicas):
    allowed, response = reads_during(RequestFactory().post("/scenes/1/vote/"))

    assert not allowed
    assert response.cookies[MARKER_COOKIE]["max-age"] == 5
    assert response.cookies[MARKER_COOKIE]["httponly"]


def test_the_next_page_after_a_write_reads_from_the_primary(two_replicas):
    request = RequestFactory().get("/scenes/1/")
    request.COOKIES[MARKER_COOKIE] = "1"

    allowed, _ = reads_during(request)

    assert not allowed


def test_outside_any_request_reads_go_to_the_primary(two_replicas):
    # Management commands, migrations, tasks and the shell: no request ever allowed a replica.
    assert ReplicaRouter().db_for_read(Scene) == "default"


def test_a_readers_reads_are_spread_over_the_replicas(two_replicas):
    token = replicas._replica_reads_allowed.set(True)
    try:
        chosen = {ReplicaRouter().db_for_read(Scene) for _ in range(50)}
    finally:
        replicas._replica_reads_allowed.reset(token)

    assert chosen == {"replica_1", "replica_2"}


def test_sessions_and_accounts_are_read_from_the_primary_even_for_a_reader(two_replicas):
    token = replicas._replica_reads_allowed.set(True)
    try:
        assert ReplicaRouter().db_for_read(Session) == "default"
        assert ReplicaRouter().db_for_read(User) == "default"
    finally:
        replicas._replica_reads_allowed.reset(token)


@pytest.mark.django_db
def test_reads_inside_a_transaction_go_to_the_primary(two_replicas):
    token = replicas._replica_reads_allowed.set(True)
    try:
        with transaction.atomic():
            assert ReplicaRouter().db_for_read(Scene) == "default"
    finally:
        replicas._replica_reads_allowed.reset(token)


def test_writes_and_migrations_go_to_the_primary_only(two_replicas):
    router = ReplicaRouter()

    assert router.db_for_write(Scene) == "default"
    assert router.allow_migrate("default", "scenes") is True
    assert router.allow_migrate("replica_1", "scenes") is False
