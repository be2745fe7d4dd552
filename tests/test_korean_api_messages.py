"""
The API answers in the reader's language (README "Languages"): Accept-Language, or the chooser's cookie, decides,
for DRF's own messages (its Korean catalogue) and the project's own alike: the page size, a body that is not JSON,
a follow of nothing, a session's write without its CSRF token.
"""

import pytest
from django.test import Client

from tests.factories import SceneFactory, UserFactory

pytestmark = pytest.mark.django_db

KOREAN = {"HTTP_ACCEPT_LANGUAGE": "ko-KR,ko;q=0.9,en;q=0.5"}


@pytest.fixture
def signed_in():
    client = Client()
    client.force_login(UserFactory(username="minji"))
    return client


def detail(response) -> str:
    return response.json()["detail"]


def test_drfs_own_messages_follow_the_readers_language(signed_in):
    korean = signed_in.post("/api/duels/", {"token": "t", "winner": "x"}, content_type="application/json", **KOREAN)
    english = signed_in.post("/api/duels/", {"token": "t", "winner": "x"}, content_type="application/json")

    assert korean.json()["errors"]["winner"] == ["유효한 정수를 입력하세요."]
    assert english.json()["errors"]["winner"] == ["A valid integer is required."]
    assert detail(Client().put("/api/scenes/", **KOREAN)) == '메서드 "PUT"는 허용되지 않습니다.'


def test_a_page_size_out_of_range_is_refused_in_korean():
    korean = Client().get("/api/scenes/", {"page_size": "500"}, **KOREAN)
    english = Client().get("/api/scenes/", {"page_size": "500"})

    assert (korean.status_code, detail(korean)) == (400, "페이지 크기는 1부터 100까지의 정수예요.")
    assert detail(english) == "The page size is a whole number from 1 to 100."


def test_a_body_that_is_not_json_is_refused_in_korean(signed_in):
    scene = SceneFactory()

    response = signed_in.post(f"/api/scenes/{scene.pk}/vote/", "{not json", content_type="application/json", **KOREAN)
    nested = signed_in.post(f"/api/scenes/{scene.pk}/vote/", "[" * 40 + "]" * 40, content_type="application/json")

    assert response.status_code == 400
    assert detail(response).startswith("JSON을 읽을 수 없어요 - Expecting property name")
    assert detail(nested) == "JSON parse error - nested deeper than 32 levels."


def test_following_nothing_is_refused_in_a_korean_sentence_chosen_with_the_cookie(signed_in):
    signed_in.cookies["django_language"] = "ko"

    korean = signed_in.post("/api/me/follows/", {"kind": "actor", "name": "nobody"}, content_type="application/json")
    page = signed_in.post("/ko/me/follows/", {"kind": "drama", "name": "nothing", "follow": "1"})

    assert korean.json()["errors"]["name"] == ["“nobody”(이)라는 배우가 없어요."]
    assert "“nothing”(이)라는 드라마가 없어요." in page.content.decode()


def test_a_sessions_write_without_its_csrf_token_is_refused_in_korean():
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    scene = SceneFactory()

    response = client.post(
        f"/api/scenes/{scene.pk}/vote/", {"verdict": "awesome"}, content_type="application/json", **KOREAN
    )

    assert response.status_code == 403
    assert detail(response).startswith("CSRF 확인에 실패했어요(CSRF cookie not set.).")


def test_the_api_documentation_page_is_in_the_readers_language():
    korean = Client().get("/api/docs/", **KOREAN)

    assert korean["Content-Language"] == "ko"
    assert '<html lang="ko">' in korean.content.decode() and "<h1>API 문서</h1>" in korean.content.decode()


def test_a_broken_upload_to_find_a_scene_is_refused_in_korean(signed_in):
    broken = {"content_type": "multipart/form-data; boundary=", "data": b"--\r\nnot a form"}

    korean = signed_in.post("/api/scenes/find/", **broken, **KOREAN)
    english = signed_in.post("/api/scenes/find/", **broken)

    assert korean.status_code == 400 and detail(korean).startswith("첨부 양식을 읽을 수 없어요 - ")
    assert detail(english).startswith("Multipart form parse error - ")
