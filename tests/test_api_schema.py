"""The OpenAPI schema at /api/schema/ and the documentation page at /api/docs/, served without any CDN."""

import json
import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

pytestmark = pytest.mark.django_db

OPERATIONS = {
    ("get", "/api/scenes/"),
    ("get", "/api/scenes/{id}/"),
    ("get", "/api/scenes/{id}/comments/"),
    ("post", "/api/scenes/{id}/comments/"),
    ("post", "/api/scenes/{id}/vote/"),
    ("post", "/api/scenes/{id}/tropes/vote/"),
    ("post", "/api/scenes/{id}/favourite/"),
    ("delete", "/api/scenes/{id}/favourite/"),
    ("get", "/api/dramas/"),
    ("get", "/api/dramas/{slug}/"),
    ("get", "/api/actors/"),
    ("get", "/api/actors/{slug}/"),
    ("get", "/api/characters/"),
    ("get", "/api/tropes/"),
    ("get", "/api/tropes/{slug}/"),
    ("get", "/api/stats/"),
    ("post", "/api/scenes/find/"),
    ("get", "/api/duels/"),
    ("post", "/api/duels/"),
    ("get", "/api/duels/ranking/"),
    ("get", "/api/me/notifications/"),
    ("post", "/api/me/notifications/read/"),
    ("get", "/api/me/notifications/settings/"),
    ("put", "/api/me/notifications/settings/"),
    ("get", "/api/me/preferences/"),
    ("put", "/api/me/preferences/"),
    ("get", "/api/me/follows/"),
    ("post", "/api/me/follows/"),
    ("get", "/api/me/feed/"),
    ("post", "/api/me/feed/address/"),
}


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_is_openapi_3_and_generates_without_warnings(tmp_path):
    # --validate checks it against the OpenAPI 3 specification; --fail-on-warn refuses guessed types.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert (tmp_path / "schema.yaml").read_text().startswith("openapi: 3.")


def test_the_schema_describes_every_operation(schema):
    described = {(method, path) for path, item in schema["paths"].items() for method in item}
    assert described == OPERATIONS


def test_every_operation_documents_its_errors_as_json(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            codes = set(operation["responses"])
            expected = {"401", "405"} | ({"304"} if method == "get" else {"400", "403", "404", "415", "429"})
            assert expected <= codes, (method, path, codes)
            for code in codes - {"200", "201", "304"}:
                content = operation["responses"][code]["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/Error"}


def test_the_scene_list_takes_the_catalogue_filters(schema):
    parameters = {parameter["name"]: parameter for parameter in schema["paths"]["/api/scenes/"]["get"]["parameters"]}
    assert {"q", "drama", "actor", "verdict", "trope", "exclude", "sort", "page", "page_size"} <= set(parameters)
    assert parameters["trope"]["schema"]["type"] == "array"
    assert "controversial" in parameters["sort"]["schema"]["enum"]


def test_writes_need_a_token_or_a_session(schema):
    security = schema["paths"]["/api/scenes/{id}/vote/"]["post"]["security"]
    assert security == [{"tokenAuth": []}, {"cookieAuth": []}]
    assert schema["components"]["securitySchemes"]["tokenAuth"]["scheme"] == "bearer"


def test_the_docs_page_uses_swagger_ui_from_our_own_static_files(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/api/swagger-ui-5.35.0/swagger-ui-bundle.js" in page
    assert 'data-schema-url="/api/schema/?format=json"' in page
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert all(asset.startswith(("/", "http://testserver/")) for asset in assets), assets  # no CDN
    for path in ["api/swagger-ui-5.35.0/swagger-ui-bundle.js", "api/swagger-ui-5.35.0/swagger-ui.css", "api/docs.js"]:
        assert finders.find(path), path


def test_the_schema_is_yaml_by_default_json_on_request_and_never_a_406(client):
    assert client.get("/api/schema/").content.startswith(b"openapi: 3.")
    assert client.get("/api/schema/?format=json").json()["openapi"].startswith("3.")
    browser = client.get("/api/schema/", HTTP_ACCEPT="text/html")
    assert browser.status_code == 200
    assert browser.content.startswith(b"openapi: 3.")
