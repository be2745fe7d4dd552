"""
Characters' Hangul names (README "Languages", Hangul first): a Korean reader sees 김탄 before Kim Tan wherever a
character is named (the scene page, cards, the drama's cast, the submission form's pickers), an English reader sees
Kim Tan first; the API carries both names, moderators edit it in the admin, search finds it, and the demo fills it in.
"""

import re

import pytest
from django.test import Client

from scenes.models import Character
from tests.factories import ActorFactory, CharacterFactory, DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tan_hugs_eunsang():
    drama = DramaFactory(title="The Heirs", slug="the-heirs", hangul_title="상속자들", episodes=20)
    tan = CharacterFactory(
        drama=drama, name="Kim Tan", hangul_name="김탄", actor=ActorFactory(name="Lee Min-ho", hangul_name="이민호")
    )
    eunsang = CharacterFactory(
        drama=drama, name="Cha Eun-sang", hangul_name="차은상", gender="female", role="female_lead"
    )
    return SceneFactory(drama=drama, hugger=tan, hugged=eunsang, episode=8)


def page(address: str, **headers) -> str:
    return Client().get(address, **headers).content.decode()


def test_a_korean_scene_page_names_the_characters_in_hangul_first(tan_hugs_eunsang):
    korean = page(f"/ko/scenes/{tan_hugs_eunsang.pk}/")

    heading = re.search(r"<h1>(.*?)</h1>", korean, re.S).group(1)
    assert '<span lang="ko">김탄</span>' in heading and '<span lang="ko">차은상</span>' in heading
    assert "<title>김탄 → 차은상, 상속자들 (The Heirs) 8화 · " in korean
    assert '<dd><span lang="ko">김탄</span> <span class="muted" lang="en">Kim Tan</span> (<a href=' in korean
    assert 'lang="ko">이민호</a> <span class="muted" lang="en">Lee Min-ho</span>), 남주</dd>' in korean


def test_an_english_scene_page_names_the_characters_in_english_first(tan_hugs_eunsang):
    english = page(f"/scenes/{tan_hugs_eunsang.pk}/")

    assert '<span lang="en">Kim Tan</span>' in re.search(r"<h1>(.*?)</h1>", english, re.S).group(1)
    assert '<dd><span lang="en">Kim Tan</span> <span class="muted" lang="ko">김탄</span> (<a href=' in english


def test_a_korean_readers_scene_cards_name_the_characters_in_hangul(tan_hugs_eunsang, without_response_cache):
    korean = page("/ko/scenes/")
    english = page("/scenes/")

    assert re.search(r'class="scene-card__title"><a [^>]+>김탄 <span class="arrow"[^>]*>→</span>.*? 차은상</a>', korean)
    assert re.search(r'class="scene-card__title"><a [^>]+>Kim Tan <span class="arrow"', english)


def test_a_dramas_cast_names_each_character_in_hangul_first_for_a_korean_reader(tan_hugs_eunsang):
    korean = page("/ko/dramas/the-heirs/")
    english = page("/dramas/the-heirs/")

    assert '<strong lang="ko">김탄</strong> <span class="hangul" lang="en">Kim Tan</span>' in korean
    assert '<strong lang="en">Kim Tan</strong> <span class="hangul" lang="ko">김탄</span>' in english


def test_a_character_without_a_hangul_name_keeps_the_romanised_one_in_korean(tan_hugs_eunsang):
    Character.objects.filter(name="Kim Tan").update(hangul_name="")

    korean = page("/ko/dramas/the-heirs/")

    assert '<strong lang="en">Kim Tan</strong>' in korean


def test_the_submission_forms_pickers_offer_the_characters_hangul_names_in_korean(client, fan, tan_hugs_eunsang):
    client.force_login(fan)

    korean = client.get("/ko/scenes/submit/characters/", {"drama": "the-heirs"}).content.decode()
    english = client.get("/scenes/submit/characters/", {"drama": "the-heirs"}).content.decode()

    assert ">김탄 (Kim Tan) · 이민호</option>" in korean and ">차은상 (Cha Eun-sang)" in korean
    assert '<option value="" selected>선택하세요…</option>' in korean
    assert ">Kim Tan (Lee Min-ho)</option>" in english


def test_the_api_gives_a_characters_both_names(tan_hugs_eunsang):
    characters = Client().get("/api/characters/").json()["results"]
    scene = Client().get(f"/api/scenes/{tan_hugs_eunsang.pk}/").json()

    names = {(row["name"], row["hangul_name"]) for row in characters}
    assert names == {("Kim Tan", "김탄"), ("Cha Eun-sang", "차은상")}
    assert (scene["hugger"]["name"], scene["hugger"]["hangul_name"]) == ("Kim Tan", "김탄")


def test_moderators_edit_a_characters_hangul_name_in_the_admin(moderator_client, tan_hugs_eunsang):
    tan = Character.objects.get(name="Kim Tan")

    form = moderator_client.get(f"/admin/scenes/character/{tan.pk}/change/").content.decode()
    listing = moderator_client.get("/admin/scenes/character/", {"q": "김탄"}).content.decode()

    assert 'name="hangul_name" value="김탄"' in form
    assert "Kim Tan" in listing and "Cha Eun-sang" not in listing


def test_search_finds_a_scene_by_a_characters_hangul_name(tan_hugs_eunsang, without_response_cache):
    SceneFactory()  # another scene, which must not match

    found = Client().get("/ko/scenes/", {"q": "차은상"}).content.decode()

    assert found.count('class="scene-card__title"') == 1 and "차은상" in found


def test_a_hug_of_unknown_episode_is_written_as_korean_writes_it(tan_hugs_eunsang):
    scene = tan_hugs_eunsang
    unknown = {"episode": None, "start_seconds": None, "end_seconds": None, "awesome_count": 12}
    SceneFactory(drama=scene.drama, hugger=scene.hugger, hugged=scene.hugged, **unknown)  # the most awesome one

    korean = page("/ko/dramas/the-heirs/")

    assert "김탄 → 차은상 ?화</a>" in korean and "알 수 없음화" not in korean  # "episode ?", not "episode unknown-th"
