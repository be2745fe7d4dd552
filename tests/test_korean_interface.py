"""
The Korean interface (README "Languages"): at /ko/ addresses a reader sees dramas' and actors' Hangul names first
with the English or romanised one after, dates as Korean writes them, and a Korean fan's e-mail leads to the
Korean pages.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from community.models import FanProfile
from notifications import services
from scenes.models import Trope
from tests.factories import ActorFactory, CharacterFactory, DramaFactory, SceneFactory, UserFactory
from tests.test_notifications import comment_on
from tests.test_response_cache import served

pytestmark = pytest.mark.django_db


def heading(page: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(0)


def test_a_korean_reader_sees_a_dramas_hangul_title_first_and_the_english_after():
    drama = DramaFactory(title="The Heirs", hangul_title="상속자들")

    korean = Client().get(f"/ko/dramas/{drama.slug}/").content.decode()
    english = Client().get(f"/dramas/{drama.slug}/").content.decode()

    assert heading(korean) == '<h1 lang="ko">상속자들</h1>'
    assert '<p class="hangul" lang="en">The Heirs</p>' in korean
    assert heading(english) == '<h1 lang="en">The Heirs</h1>'
    assert '<p class="hangul" lang="ko">상속자들</p>' in english


def test_a_drama_without_a_hangul_title_keeps_its_english_one_in_korean():
    drama = DramaFactory(title="Untitled Web Drama", hangul_title="")

    korean = Client().get(f"/ko/dramas/{drama.slug}/").content.decode()

    assert heading(korean) == '<h1 lang="en">Untitled Web Drama</h1>'


def test_the_korean_list_of_dramas_names_each_by_its_hangul_title_first():
    DramaFactory(title="Goblin", hangul_title="도깨비")

    korean = Client().get("/ko/dramas/").content.decode()

    assert re.search(
        r'<strong class="drama-card__title" lang="ko">도깨비</strong>\s*<span[^>]*lang="en">Goblin</span>', korean
    )


def test_a_korean_reader_sees_an_actors_hangul_name_first_in_a_dramas_cast():
    drama = DramaFactory()
    CharacterFactory(drama=drama, actor=ActorFactory(name="Lee Min-ho", hangul_name="이민호"))

    korean = Client().get(f"/ko/dramas/{drama.slug}/").content.decode()
    english = Client().get(f"/dramas/{drama.slug}/").content.decode()

    assert '<span lang="ko">이민호</span> <span lang="en">(Lee Min-ho)</span>' in korean
    assert '<span lang="en">Lee Min-ho</span> <span lang="ko">(이민호)</span>' in english


def test_dates_on_a_korean_page_are_written_as_korean_writes_them(client):
    fan = UserFactory(username="minji")
    fan.date_joined = fan.date_joined.replace(year=2024, month=3, day=5)
    fan.save()

    with translation.override("ko"):
        korean = client.get(reverse("community:profile", args=["minji"])).content.decode()

    assert "2024년 3월" in korean


def test_a_korean_fans_email_links_to_the_korean_pages(fan, scene, django_capture_on_commit_callbacks):
    FanProfile.objects.create(user=fan, language="ko")
    services.set_delivery(fan=fan, kind="reply", delivery="email")
    parent = comment_on(scene, author=fan)

    with django_capture_on_commit_callbacks(execute=True):
        comment_on(scene, body="최고의 백허그", parent=parent)

    assert f"/ko/scenes/{scene.pk}/#comment-" in mail.outbox[0].body
    assert "/ko/me/preferences/#notifications" in mail.outbox[0].body


def test_an_english_fans_email_links_to_the_english_pages(fan, scene, django_capture_on_commit_callbacks):
    services.set_delivery(fan=fan, kind="reply", delivery="email")
    parent = comment_on(scene, author=fan)

    with django_capture_on_commit_callbacks(execute=True):
        comment_on(scene, body="Best hug of the year.", parent=parent)

    assert f"/scenes/{scene.pk}/#comment-" in mail.outbox[0].body
    assert "/ko/" not in mail.outbox[0].body


def test_a_korean_page_speaks_korean_and_the_english_one_english():
    DramaFactory(title="Goblin", hangul_title="도깨비")

    korean = Client().get("/ko/dramas/").content.decode()
    english = Client().get("/dramas/").content.decode()

    assert "<h1>드라마</h1>" in korean and "드라마 1편과 그 백허그, 제목순." in korean
    assert "<h1>Dramas</h1>" in english and "1 drama and its back hug" in english


def test_a_korean_reader_gets_the_not_found_page_in_korean():
    response = Client().get("/ko/dramas/no-such-drama/")

    assert response.status_code == 404
    assert "이 주소에는 드라마가 없어요." in response.content.decode()


def test_a_korean_fans_email_is_written_in_korean(fan, scene, django_capture_on_commit_callbacks):
    FanProfile.objects.create(user=fan, language="ko")
    services.set_delivery(fan=fan, kind="reply", delivery="email")
    parent = comment_on(scene, author=fan)

    with django_capture_on_commit_callbacks(execute=True):
        comment_on(scene, body="최고의 백허그", parent=parent)

    assert "내 댓글에 답글을 달았어요" in mail.outbox[0].subject
    assert f"{fan.username} 님, 안녕하세요." in mail.outbox[0].body


def test_a_korean_readers_scene_cards_name_the_drama_and_tropes_in_hangul(without_response_cache):
    scene = SceneFactory(drama=DramaFactory(title="Goblin", hangul_title="도깨비"))
    trope = Trope.objects.filter(rule="").exclude(hangul_name="").first()
    scene.tropes.add(trope)

    korean = Client().get("/ko/scenes/").content.decode()
    english = Client().get("/scenes/").content.decode()

    assert re.search(r'lang="ko" href="[^"]+">도깨비</a>', korean)
    assert re.search(f'lang="ko" href="[^"]+">{trope.hangul_name}</a>', korean)
    assert re.search(r'lang="en" href="[^"]+">Goblin</a>', english)
    assert re.search(f'lang="en" href="[^"]+">{trope.name}</a>', english)


def test_a_korean_scene_page_names_the_drama_in_hangul_then_english():
    scene = SceneFactory(drama=DramaFactory(title="Goblin", hangul_title="도깨비"))

    korean = Client().get(f"/ko/scenes/{scene.pk}/").content.decode()

    assert '<a href="/ko/dramas/' in korean and '">도깨비</a> <span class="muted" lang="en">Goblin</span>' in korean
    assert f"<title>{scene.hugger.name} → {scene.hugged.name}, 도깨비 (Goblin) {scene.episode}화 · " in korean


def test_counts_are_written_once_in_korean_and_in_both_english_forms(without_response_cache):
    drama = DramaFactory(title="Goblin", hangul_title="도깨비", episodes=1)
    one = Client().get("/dramas/").content.decode()
    korean = Client().get("/ko/dramas/").content.decode()

    assert "1 episode" in one and "1 episodes" not in one
    assert "1부작" in korean
    drama.episodes = 16
    drama.save()
    assert "16 episodes" in Client().get("/dramas/").content.decode()


def test_kept_korean_and_english_pages_each_keep_their_own_words():
    DramaFactory(title="Goblin", hangul_title="도깨비")
    Client().get("/dramas/")
    Client().get("/ko/dramas/")

    english, korean = Client().get("/dramas/"), Client().get("/ko/dramas/")

    assert (served(english), served(korean)) == ("hit", "hit")
    assert "<h1>Dramas</h1>" in english.content.decode() and "도깨비" not in heading(english.content.decode())
    assert "<h1>드라마</h1>" in korean.content.decode() and '<html lang="ko">' in korean.content.decode()


def test_the_api_answers_a_korean_reader_with_korean_errors_and_an_english_one_with_english():
    korean = Client().get("/api/scenes/999999/", HTTP_ACCEPT_LANGUAGE="ko")
    english = Client().get("/api/scenes/999999/", HTTP_ACCEPT_LANGUAGE="en")

    assert (korean.status_code, korean.json()["detail"]) == (404, "999999번 백허그 장면은 공개된 적이 없어요.")
    assert english.json()["detail"] == "There is no published back-hug scene number 999999."


def test_the_korean_trope_guide_gives_the_curated_groups_and_descriptions_in_korean(without_response_cache):
    korean = Client().get("/ko/tropes/").content.decode()
    english = Client().get("/tropes/").content.decode()

    assert '<h2 id="group-meaning">의미' in korean and "그저 따뜻한 사랑이에요" in korean
    assert '<h2 id="group-meaning">Meaning' in english and "Plain, warm love, without a crisis to resolve." in english


def test_a_description_a_moderator_rewrote_shows_as_written_in_korean(without_response_cache):
    Trope.objects.filter(slug="deep-affection").update(description="Love, written by our own moderators.")

    korean = Client().get("/ko/tropes/deep-affection/").content.decode()

    assert "Love, written by our own moderators." in korean


def test_the_submission_forms_characters_are_introduced_in_korean(client, fan, heirs):
    heirs.hangul_title = "상속자들"
    heirs.save()
    client.force_login(fan)

    korean = client.get("/ko/scenes/submit/characters/", {"drama": "the-heirs"}).content.decode()

    assert "<strong>상속자들 (The Heirs)</strong>(20부작)의 등장인물이에요." in korean
    assert "Kim Tan" in korean


def test_a_korean_moderator_reads_the_admin_in_korean(moderator_client):
    SceneFactory()

    page = moderator_client.get("/admin/scenes/scene/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()

    assert "선택한 장면 공개하기" in page  # an action of ours
    assert "안는 사람 → 안기는 사람" in page  # a column of ours
    assert "장면" in page and "Publish selected scenes" not in page


def test_a_korean_scene_pages_trope_buttons_say_their_visible_words_to_a_screen_reader(client, fan):
    """axe's label-content-name-mismatch, in Korean: a button's accessible name holds the words it shows."""
    scene = SceneFactory(tropes=["comfort"])
    client.force_login(fan)

    korean = client.get(f"/ko/scenes/{scene.pk}/").content.decode()

    buttons = re.findall(r'<button [^>]*aria-label="([^"]*)"[^>]*>([^<]*)</button>', korean)
    votes = [(label, shown) for label, shown in buttons if shown in ("동의해요", "아니에요")]
    assert len(votes) == 2 and all(shown in label for label, shown in votes), votes
