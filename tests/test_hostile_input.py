"""Requests no page can use get a 400 with the site's page (JSON under /api/), never a server error."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/tropes/a%00b/",
        "/accounts/fan%00/",
        "/dramas/options/?drama=%00",
        "/search/suggest/?q=%00x",
        "/scenes/?q=a%00b",
        "/api/dramas/?search=%00",
        "/scenes/?x%00=1",
    ],
)
def test_a_nul_character_in_the_address_is_a_bad_request(client, url):
    assert client.get(url).status_code == 400


def test_a_nul_character_in_a_cookie_is_a_bad_request(client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    assert client.get("/").status_code == 400


def test_a_nul_character_in_a_token_is_a_bad_request(client):
    assert client.get("/api/scenes/", HTTP_AUTHORIZATION="Token ab\x00cd").status_code == 400


def test_a_nul_character_in_a_form_field_is_a_bad_request(client, fan):
    client.force_login(fan)
    assert client.post("/scenes/submit/", {"drama": "the\x00heirs"}).status_code == 400


def test_an_api_answer_to_a_nul_character_is_json(client):
    response = client.get("/api/scenes/?q=%00")
    assert response.status_code == 400 and "detail" in response.json()


def test_json_nested_a_thousand_levels_deep_is_a_bad_request(client, fan, scene):
    client.force_login(fan)
    body = "[" * 1000 + "]" * 1000
    response = client.post(f"/api/scenes/{scene.pk}/vote/", body, content_type="application/json")
    assert response.status_code == 400
    assert "nested deeper" in response.json()["detail"]


def test_json_nested_forty_levels_deep_is_a_bad_request(client, fan, scene):
    client.force_login(fan)
    body = '{"verdict": ' + "[" * 40 + "]" * 40 + "}"
    response = client.post(f"/api/scenes/{scene.pk}/vote/", body, content_type="application/json")
    assert response.status_code == 400


def test_an_unknown_host_gets_the_sites_bad_request_page(client):
    response = client.get("/", HTTP_HOST="unknown.example")
    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()
