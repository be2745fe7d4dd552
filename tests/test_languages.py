"""
Which language a reader gets (edge/locale.py, README "Languages"): the address decides (English at the pages'
plain addresses, Korean under /ko/); at an English address a reader whose language is Korean (chosen, or their
browser's) is sent to the Korean one; the chooser and a fan's setting remember the choice.
"""

import pytest
from django.test import Client

from community.models import FanProfile
from tests.factories import SceneFactory, UserFactory

pytestmark = pytest.mark.django_db

KOREAN_BROWSER = "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7"
ENGLISH_BROWSER = "en-GB,en;q=0.9,ko;q=0.5"


def vary(response) -> set[str]:
    return {part.strip() for part in response.get("Vary", "").split(",")}


def test_a_korean_browser_opening_an_english_address_is_sent_to_the_korean_page(client):
    response = client.get("/scenes/?sort=new", HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER)

    assert response.status_code == 302
    assert response["Location"] == "/ko/scenes/?sort=new"
    assert "Accept-Language" in vary(response)
    assert response["Cache-Control"] == "private, no-store"


def test_an_english_browser_stays_at_the_english_address_which_says_it_depends_on_the_browsers_language(client):
    response = client.get("/scenes/", HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "Accept-Language" in vary(response)


def test_a_korean_address_is_korean_whatever_the_browser_asks(client):
    response = client.get("/ko/scenes/", HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)

    assert response.status_code == 200
    assert response["Content-Language"] == "ko"
    assert "Accept-Language" not in vary(response)  # the address alone decides: caches need not split on it


def test_a_browser_asking_for_a_language_the_site_does_not_speak_gets_english(client):
    response = client.get("/scenes/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")

    assert response.status_code == 200
    assert response["Content-Language"] == "en"


def test_a_korean_browser_asking_for_japanese_first_still_gets_korean_before_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja,ko;q=0.8,en;q=0.5")

    assert response["Location"] == "/ko/"


def test_a_chosen_language_wins_over_the_browsers(client):
    client.cookies["django_language"] = "en"

    response = client.get("/scenes/", HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER)

    assert response.status_code == 200
    assert response["Content-Language"] == "en"


def test_an_address_in_hangul_is_sent_on_spelled_right(client):
    response = client.get("/tropes/백허그/", HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER)

    assert response["Location"] == "/ko/tropes/%EB%B0%B1%ED%97%88%EA%B7%B8/"


def test_htmx_requests_and_posts_are_answered_where_they_were_sent(client, scene):
    htmx = client.get("/scenes/", HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER, HTTP_HX_REQUEST="true")
    post = client.post(f"/scenes/{scene.pk}/vote/", {"verdict": "awesome"}, HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER)

    assert htmx.status_code == 200
    assert post.status_code == 302 and post["Location"].startswith("/accounts/login/")


def test_the_english_address_has_no_en_prefix(client):
    response = client.get("/en/scenes/?page=2")

    assert response.status_code == 301
    assert response["Location"] == "/scenes/?page=2"


def test_the_api_answers_in_the_readers_language_at_one_address(client):
    korean = client.get("/api/scenes/", HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER)
    english = client.get("/api/scenes/", HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER)

    assert (korean.status_code, korean["Content-Language"]) == (200, "ko")
    assert (english.status_code, english["Content-Language"]) == (200, "en")
    assert "Accept-Language" in vary(korean)


def test_the_chooser_remembers_the_choice_and_leads_to_the_same_page_in_that_language(client, scene):
    response = client.get("/language/ko/", {"next": f"/scenes/{scene.pk}/?from=chooser"})

    assert response.status_code == 302
    assert response["Location"] == f"/ko/scenes/{scene.pk}/?from=chooser"
    assert response.cookies["django_language"].value == "ko"
    assert client.get("/scenes/")["Location"] == "/ko/scenes/"  # the choice holds at English addresses


def test_the_chooser_leads_back_to_english_from_a_korean_page(client, scene):
    client.cookies["django_language"] = "ko"

    response = client.get("/language/en/", {"next": f"/ko/scenes/{scene.pk}/"}, HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER)

    assert response["Location"] == f"/scenes/{scene.pk}/"
    assert response.cookies["django_language"].value == "en"
    assert client.get(f"/scenes/{scene.pk}/", HTTP_ACCEPT_LANGUAGE=KOREAN_BROWSER).status_code == 200


def test_the_chooser_without_a_next_address_leads_back_to_the_referring_page(client):
    response = client.get("/language/ko/", HTTP_REFERER="http://testserver/dramas/?page=2")

    assert response["Location"] == "/ko/dramas/?page=2"


def test_the_chooser_never_leads_to_another_site(client):
    response = client.get("/language/ko/", {"next": "https://elsewhere.example/scenes/"})

    assert response["Location"] == "/ko/"


def test_the_chooser_refuses_a_language_the_site_does_not_speak(client):
    response = client.get("/language/fr/", {"next": "/scenes/"})

    assert response.status_code == 404
    assert "django_language" not in response.cookies


def test_a_signed_in_fans_choice_is_kept_on_their_profile(client, fan):
    client.force_login(fan)

    client.get("/language/ko/", {"next": "/"})

    assert FanProfile.objects.get(user=fan).language == "ko"


def test_signing_in_brings_the_fans_language_to_this_browser(client):
    fan = UserFactory(username="minji", password="a long pass phrase 7")
    FanProfile.objects.create(user=fan, language="ko")

    response = client.post("/accounts/login/", {"login": "minji", "password": "a long pass phrase 7"})

    assert response.status_code == 302
    assert response.cookies["django_language"].value == "ko"


def test_signing_up_at_the_korean_address_makes_korean_the_fans_language(client):
    form = {"username": "seoyeon", "email": "seoyeon@example.com"}
    form |= {"password1": "a long pass phrase 7", "password2": "a long pass phrase 7"}

    response = client.post("/ko/accounts/signup/", form)

    assert response.status_code == 302
    assert FanProfile.objects.get(user__username="seoyeon").language == "ko"
    assert response.cookies["django_language"].value == "ko"


def test_a_scene_page_links_stay_in_the_readers_language(client):
    scene = SceneFactory()

    korean = Client().get(f"/ko/scenes/{scene.pk}/").content.decode()
    english = Client().get(f"/scenes/{scene.pk}/").content.decode()

    assert f'href="/ko/dramas/{scene.drama.slug}/"' in korean
    assert f'href="/dramas/{scene.drama.slug}/"' in english
