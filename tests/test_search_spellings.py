"""Search forgives spelling: every way of writing a name finds the same scenes, and Hangul is found in Latin letters."""

import pytest

from tests.factories import ActorFactory, DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db

LIST = "/scenes/"
SUGGEST = "/search/suggest/"


def found(client, text):
    response = client.get(LIST, {"q": text})
    assert response.status_code == 200, response.context.get("message")
    return list(response.context["page"].object_list)


@pytest.fixture
def heirs():
    return DramaFactory(title="The Heirs", slug="the-heirs", hangul_title="상속자들", other_titles="The Inheritors")


@pytest.fixture
def kim_tan_hug(heirs):
    lee_min_ho = ActorFactory(name="Lee Min-ho", slug="lee-min-ho", hangul_name="이민호")
    return SceneFactory(drama=heirs, hugger__name="Kim Tan", hugger__actor=lee_min_ho, description="On the rooftop.")


@pytest.fixture
def goblin_hug():
    goblin = DramaFactory(title="Goblin", slug="goblin", hangul_title="쓸쓸하고 찬란하神 – 도깨비")
    return SceneFactory(drama=goblin, hugger__actor__name="Gong Yoo", hugger__actor__hangul_name="공유")


@pytest.fixture
def lee_and_min_elsewhere():
    """A Lee, a Min-young and a "ho..." in one scene: its words scattered, but nobody called Lee Min-ho."""
    return SceneFactory(
        hugger__actor__name="Lee Young-joon",
        hugged__actor__name="Park Min-young",
        description="Hoping he will not notice, she hugs him from behind.",
    )


SPELLINGS = ["Lee Min-ho", "lee minho", "LEE MIN HO", "leeminho", "Lee Minho", "lee-min-ho"]


@pytest.mark.parametrize("text", SPELLINGS)
def test_every_spelling_of_a_name_finds_the_same_scenes(client, kim_tan_hug, lee_and_min_elsewhere, text):
    assert found(client, text) == [kim_tan_hug]


def test_a_title_s_words_scattered_elsewhere_are_not_the_title(client, kim_tan_hug):
    scattered = SceneFactory(description="Heirs to a shipping company, the brothers hug.")
    mention = SceneFactory(description="Just like in The Heirs, he waits on the rooftop.")
    assert found(client, "The Heirs") == [kim_tan_hug, mention]
    assert scattered not in found(client, "the heirs")


def test_words_that_name_nobody_still_match_anywhere(client, lee_and_min_elsewhere):
    # "lee hoping" is nobody's name: every word anywhere in the scene, as before.
    assert found(client, "lee hoping") == [lee_and_min_elsewhere]


@pytest.mark.parametrize(
    "text", ["sangsokjadeul", "Sangsokjadeul", "sangsok jadeul", "sang-sok-ja-deul", "SANG SOK JA DEUL", "sangsokja"]
)
def test_a_hangul_title_is_found_by_its_romanisation(client, kim_tan_hug, goblin_hug, text):
    assert found(client, text) == [kim_tan_hug]


@pytest.mark.parametrize("text", ["dokkaebi", "dok-kae-bi", "Dokkaebi", "challanha"])
def test_a_hangul_title_with_other_words_and_signs_is_found_by_its_romanisation(client, kim_tan_hug, goblin_hug, text):
    assert found(client, text) == [goblin_hug]


@pytest.mark.parametrize("text", ["iminho", "i minho", "i min-ho"])
def test_a_hangul_name_is_found_by_its_romanisation(client, kim_tan_hug, goblin_hug, text):
    assert found(client, text) == [kim_tan_hug]


def test_a_new_hangul_title_replaces_the_old_romanisation(client, kim_tan_hug, heirs):
    heirs.hangul_title = "왕관을 쓰려는 자"
    heirs.save()
    assert found(client, "sangsokjadeul") == []
    assert found(client, "wanggwaneul sseuryeoneun ja") == [kim_tan_hug]


@pytest.mark.parametrize("text", ["sangsok", "sang-sok-ja-deul", "dokkaebi"])
def test_dramas_are_suggested_by_their_romanised_hangul_title(client, heirs, goblin_hug, text):
    response = client.get(SUGGEST, {"q": text, "format": "json"})
    expected = "Goblin" if text == "dokkaebi" else "The Heirs"
    assert [item["label"] for item in response.json()["dramas"]] == [expected]


def test_actors_are_suggested_by_their_romanised_hangul_name(client, goblin_hug):
    response = client.get(SUGGEST, {"q": "gong yu", "format": "json"})
    assert [item["label"] for item in response.json()["actors"]] == ["Gong Yoo"]
