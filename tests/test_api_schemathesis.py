"""
A schema-driven fuzzer over the whole API: schemathesis reads /api/schema/ and sends generated requests,
valid and invalid, to every operation through the WSGI app (no server needed, same test database).

It must find no server error, no response outside the schema and no undocumented status code. The run
is bounded and deterministic (a fixed number of examples per operation, derandomized), so it passes or
fails the same way every time, on SQLite and PostgreSQL.

    .venv/bin/pytest tests/test_api_schemathesis.py

Every operation is fuzzed with a personal API token; the writes once more without credentials (401).
"""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.services import create_token
from community import services
from tests.api_support import new_fan
from tests.factories import DramaFactory, SceneFactory, SceneImageFactory
from tropedb.wsgi import application

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance, content_type_conformance]
EXAMPLES_PER_OPERATION = 25


@pytest.fixture
def catalogue(db):
    """A few published scenes with screenshots, votes, tropes and a comment thread, for the fuzzer to find."""
    drama = DramaFactory(slug="the-heirs")
    scenes = [SceneFactory(drama=drama, tropes=["comfort", "lingering"], episode=1 + n) for n in range(3)]
    SceneImageFactory(scene=scenes[0])
    voter = new_fan("voter")
    services.cast_vote(scene=scenes[0], fan=voter, verdict="awesome")
    first = services.post_comment(author=voter, target=scenes[0], body="What a hug.")
    services.post_comment(author=new_fan("replier"), target=scenes[0], body="Agreed!", parent=first)
    return {"scene_ids": [scene.pk for scene in scenes], "slugs": [drama.slug, "comfort", scenes[0].hugger.actor.slug]}


@pytest.fixture
def token(db, settings):
    # Generous limits: the fuzzer should reach the rules behind them too (a 429 is documented all the same).
    settings.RATE_LIMITS = {action: {"user": (10_000, 60)} for action in settings.RATE_LIMITS}
    return create_token(fan=new_fan("fuzzer"), name="schemathesis")[1]


@pytest.fixture
def wsgi_app(db):
    """The project's WSGI app, minus the per-request connection cleanup that would close the test database
    (Django's own test client turns it off the same way)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield application
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


# Loaded once, when pytest collects this file: serving the schema needs no database.
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


def aim_at_existing_items(case, catalogue) -> None:
    """Half of the generated ids and slugs are swapped for real ones, so success paths get fuzzed too."""
    parameters = case.path_parameters or {}
    if isinstance(parameters.get("id"), int) and parameters["id"] % 2 == 0:
        parameters["id"] = catalogue["scene_ids"][parameters["id"] // 2 % len(catalogue["scene_ids"])]
    if isinstance(parameters.get("slug"), str) and len(parameters["slug"]) % 2 == 0:
        parameters["slug"] = catalogue["slugs"][len(parameters["slug"]) // 2 % len(catalogue["slugs"])]


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_to_its_schema(case, wsgi_app, catalogue, token):
    aim_at_existing_items(case, catalogue)
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)


@pytest.mark.django_db
@schema.include(method=["POST", "DELETE"]).parametrize()
@settings(max_examples=10, derandomize=True, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_writes_without_credentials_keep_to_the_schema(case, wsgi_app, catalogue):
    aim_at_existing_items(case, catalogue)
    case.call_and_validate(checks=CHECKS)
