"""
Hangul first wherever the site names a drama, an actor or a character (README "Languages"), not only on the main
pages: the stats charts and the front page's list, feeds, notifications, the duels' ranking, the header's
suggestions, follow buttons and moderators' lists show a Korean reader 상속자들 and 김탄 first, an English reader
The Heirs and Kim Tan.
"""

import re

import pytest
from django.test import Client
from django.utils import translation

from community.duels.services import cast_duel_vote, pair_token
from community.feed.entries import feed_page
from community.follows import set_following
from community.models import FanProfile
from notifications.models import Notification
from scenes.moderation.publishing import publish_scenes
from tests.community_factories import FanFactory
from tests.factories import ActorFactory, CharacterFactory, DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db

KOREAN = {"HTTP_ACCEPT_LANGUAGE": "ko"}


@pytest.fixture
def heirs():
    return DramaFactory(title="The Heirs", slug="the-heirs", hangul_title="상속자들", episodes=20, year=2013)


@pytest.fixture
def split_hug(heirs):
    """Kim Tan hugs Cha Eun-sang, and the fans are split on it (6 awesome, 6 awkward: enough votes for the charts)."""
    tan = CharacterFactory(drama=heirs, name="Kim Tan", hangul_name="김탄", actor=ActorFactory(hangul_name="이민호"))
    eunsang = CharacterFactory(drama=heirs, name="Cha Eun-sang", hangul_name="차은상", gender="female")
    return SceneFactory(drama=heirs, hugger=tan, hugged=eunsang, episode=8, awesome_count=6, awkward_count=6)


def text(address: str, client=None, **headers) -> str:
    return (client or Client()).get(address, **headers).content.decode()


def test_the_stats_charts_name_dramas_and_characters_in_hangul_for_a_korean_reader(split_hug):
    korean = text("/ko/stats/")
    english = text("/stats/")

    dramas = korean.split('id="chart-dramas-title"')[1].split("</table>")[0]
    controversial = korean.split('id="chart-controversial-title"')[1].split("</table>")[0]
    assert "상속자들" in dramas and "The Heirs" not in dramas
    assert "김탄 → 차은상, 상속자들 8화" in controversial
    assert "Kim Tan → Cha Eun-sang, The Heirs ep. 8" in english


def test_the_front_pages_dramas_with_most_back_hugs_are_named_in_hangul_first(split_hug, without_response_cache):
    korean = text("/ko/")

    assert re.search(r'<a href="/ko/dramas/the-heirs/">상속자들 \(The Heirs\)</a> <span class="count">1</span>', korean)


def test_feeds_name_the_drama_and_characters_in_hangul_for_a_korean_reader(split_hug):
    korean = text("/ko/feeds/scenes/?drama=the-heirs")
    english = text("/feeds/scenes/?drama=the-heirs")

    assert "<title>김탄 → 차은상: 상속자들 (The Heirs) 8화</title>" in korean
    assert "<title>tropedb: 새 백허그 (상속자들에서)</title>" in korean  # the feed's own title names the drama too
    assert '<category term="남자가 먼저"/>' in korean
    assert "<title>Kim Tan → Cha Eun-sang: The Heirs, episode 8</title>" in english


def test_a_korean_fans_notification_names_the_hug_in_hangul(client, split_hug, moderator):
    fan = FanFactory()
    FanProfile.objects.create(user=fan, language="ko")
    split_hug.status, split_hug.published_at, split_hug.submitted_by = "pending", None, fan
    split_hug.save()
    publish_scenes(scenes=[split_hug], moderator=moderator)
    client.force_login(fan)

    korean = text("/ko/me/notifications/", client)
    api = client.get("/api/me/notifications/", **KOREAN).json()["results"][0]["text"]

    assert Notification.objects.filter(recipient=fan).count() == 1
    assert "김탄 → 차은상" in korean and "상속자들" in korean and "Kim Tan" not in korean
    assert "김탄 → 차은상" in api


def test_a_korean_fans_feed_names_what_they_follow_in_hangul(split_hug):
    fan = FanFactory()
    set_following(fan=fan, target=split_hug.drama, following=True)

    with_korean = Client()
    with_korean.force_login(fan)
    korean = text("/ko/me/feed/", with_korean)

    assert "김탄 → 차은상" in korean and "상속자들" in korean
    with translation.override("en"):
        [entry], _older = feed_page(fan)
        assert "Kim Tan → Cha Eun-sang in The Heirs" in entry.text


def test_the_duel_ranking_names_scenes_in_hangul_for_a_korean_reader(split_hug):
    fan = FanFactory()
    other = SceneFactory()
    cast_duel_vote(fan=fan, token=pair_token(fan=fan, first=split_hug.pk, second=other.pk), winner_id=split_hug.pk)

    korean = text("/ko/duels/ranking/")

    assert '김탄 → 차은상</a> <span class="muted">상속자들 8화</span>' in korean


def test_the_headers_suggestions_give_a_korean_reader_the_hangul_title_first(split_hug):
    korean = text("/ko/search/suggest/?q=heirs")
    english = text("/search/suggest/?q=heirs")

    assert '<span lang="ko">상속자들</span> <span class="suggestions__hint">The Heirs · 2013</span>' in korean
    assert '<span lang="en">The Heirs</span> <span class="suggestions__hint">상속자들 · 2013</span>' in english


def test_a_dramas_follow_button_names_it_in_hangul_for_a_korean_reader(split_hug):
    korean = text("/ko/dramas/the-heirs/")

    assert re.search(r'팔로우<span class="visually-hidden"> 상속자들</span>', korean)


def test_a_korean_moderator_sees_the_characters_and_dramas_hangul_names_in_the_scene_list(moderator_client, split_hug):
    page = text("/admin/scenes/scene/", moderator_client, **KOREAN)

    assert "김탄 → 차은상" in page and "상속자들 (The Heirs)</a>" in page


def test_an_actors_table_of_dramas_names_each_in_hangul_for_a_korean_reader(split_hug):
    actor = split_hug.hugger.actor

    korean = text(f"/ko/actors/{actor.slug}/")
    english = text(f"/actors/{actor.slug}/")

    assert re.search(r'<th scope="row"><a href="/ko/dramas/the-heirs/" lang="ko">상속자들</a>', korean)
    assert '<span class="visually-hidden"> 상속자들에서</span>' in korean or "상속자들" in korean.split("</table>")[0]
    assert re.search(r'<th scope="row"><a href="/dramas/the-heirs/" lang="en">The Heirs</a>', english)
