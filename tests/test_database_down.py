"""With the database out of reach, readers get a designed 503 page with Retry-After, never a server error."""

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch, client):
    client.raise_request_exception = False

    def refuse(self):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
    return client


def test_a_page_says_back_in_a_moment_with_retry_after(database_down):
    response = database_down.get("/scenes/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Back in a moment" in response.content.decode()


def test_the_503_page_is_never_kept_by_a_cache(database_down):
    assert "no-store" in database_down.get("/").headers["Cache-Control"]


def test_the_api_says_unavailable_in_json(database_down):
    response = database_down.get("/api/scenes/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "unavailable" in response.json()["detail"]


def test_the_health_check_says_503(database_down):
    response = database_down.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_a_signed_in_fan_gets_the_503_page_too(client, fan, monkeypatch):
    client.force_login(fan)  # the session is read from the database by a middleware, before any view

    def refuse(self):
        raise OperationalError("connection refused")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", refuse)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 503


def test_the_503_page_holds_no_inline_style(database_down):
    assert "<style" not in database_down.get("/").content.decode()


def test_the_500_page_holds_no_inline_style(client):
    from django.template.loader import render_to_string

    assert "<style" not in render_to_string("500.html")
