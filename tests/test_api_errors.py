"""Every error of the API is JSON with a clear message and the right status: never an HTML page or a 500."""

import pytest
from django.test import RequestFactory
from rest_framework.exceptions import ValidationError

from api.exceptions import error_body, exception_handler
from community.ratelimit import RateLimited
from community.services import ActionRefused
from scenes.errors import bad_request, server_error
from tests.api_support import api_client, error_of, new_fan, token_client
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("path", ["/api/nothing/", "/api/scenes/1/nothing/", "/api/scenes/abc/"])
def test_unknown_api_addresses_are_a_json_404_in_production_and_development(settings, debug, path):
    settings.DEBUG = debug
    response = api_client().get(path)
    assert response.status_code == 404
    assert "/api/docs/" in error_of(response)["detail"]


def test_a_get_without_the_trailing_slash_is_redirected():
    response = api_client().get("/api/scenes?sort=new")
    assert response.status_code == 301
    assert response["Location"] == "/api/scenes/?sort=new"


def test_a_post_without_the_trailing_slash_is_a_json_404_that_says_why(scene):
    response = token_client(new_fan("slashless")).post(f"/api/scenes/{scene.pk}/vote", {"verdict": "awesome"})
    assert response.status_code == 404
    assert "end with a slash" in error_of(response)["detail"]


@pytest.mark.parametrize("number", ["0", "99999999999999999999999999"])
def test_a_scene_number_out_of_range_is_a_404_not_a_crash(number):
    response = api_client().get(f"/api/scenes/{number}/")
    assert response.status_code == 404
    error_of(response)


def test_a_wrong_method_is_a_json_405_with_allow(scene):
    response = token_client(new_fan("methodical")).put(f"/api/scenes/{scene.pk}/vote/", {}, format="json")
    assert response.status_code == 405
    assert response["Allow"] == "POST, OPTIONS"
    error_of(response)
    assert api_client().delete("/api/scenes/").status_code == 405


def test_a_form_encoded_body_is_a_json_415(scene):
    response = token_client(new_fan("formal")).post(f"/api/scenes/{scene.pk}/vote/", {"verdict": "awesome"})
    assert response.status_code == 415
    assert "multipart/form-data" in error_of(response)["detail"]


def test_malformed_json_is_a_400(scene):
    response = token_client(new_fan("malformed")).post(
        f"/api/scenes/{scene.pk}/comments/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400
    assert "JSON parse error" in error_of(response)["detail"]


def test_a_json_body_that_is_not_an_object_is_a_400(scene):
    response = token_client(new_fan("listful")).post(f"/api/scenes/{scene.pk}/vote/", ["awesome"], format="json")
    assert response.status_code == 400
    assert error_of(response)["errors"] == {"non_field_errors": ["Invalid data. Expected a dictionary, but got list."]}


@pytest.mark.parametrize("header", ["Token nope", "Bearer nope", "Token", "Token a b"])
def test_a_bad_token_is_a_json_401_even_for_reads(header):
    response = api_client().get("/api/scenes/", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Token realm="api"'
    error_of(response)


def test_asking_for_html_still_gets_json():
    SceneFactory()
    response = api_client().get("/api/scenes/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_an_over_long_search_is_a_400_naming_the_field():
    response = api_client().get("/api/scenes/?q=" + "x" * 201)
    assert response.status_code == 400
    assert list(error_of(response)["errors"]) == ["q"]


@pytest.mark.parametrize("query", ["q=%00", "trope=%00", "drama=a%00b", "q=%01", "exclude=100%25%20sure"])
def test_nul_and_control_characters_in_filters_are_a_400(query):
    response = api_client().get(f"/api/scenes/?{query}")
    assert response.status_code == 400
    error_of(response)


def test_server_errors_and_bad_requests_under_api_are_json():
    request = RequestFactory().get("/api/scenes/")
    crashed = server_error(request)
    assert crashed.status_code == 500
    assert crashed["Content-Type"] == "application/json"
    bad = bad_request(request, None)
    assert bad.status_code == 400
    assert bad["Content-Type"] == "application/json"
    assert server_error(RequestFactory().get("/scenes/"))["Content-Type"].startswith("text/html")


def test_the_exception_handler_speaks_for_the_community_rules():
    refused = exception_handler(ActionRefused({"body": "Write something before posting."}), {})
    assert refused.status_code == 400
    assert refused.data == {
        "detail": "Write something before posting.",
        "errors": {"body": ["Write something before posting."]},
    }
    limited = exception_handler(RateLimited("trope_vote", 17), {})
    assert limited.status_code == 429
    assert limited["Retry-After"] == "17"
    assert limited.data["detail"] == "Too many requests (trope vote) in a short time; try again in 17 seconds."
    assert exception_handler(KeyError("bug"), {}) is None


def test_nested_field_errors_are_flattened_to_paths():
    detail = ValidationError({"items": [{"name": ["Too long."]}, {}], "other": ["Bad."]}).detail
    assert error_body(detail)["errors"] == {"items.0.name": ["Too long."], "other": ["Bad."]}
