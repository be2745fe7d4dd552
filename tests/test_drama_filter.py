"""The drama filter takes any title a drama is known by, and answers a near miss with "did you mean"."""

import pytest
from django.test import Client

from tests.caching import cold_cache
from tests.factories import DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db

LIST = "/scenes/"
OPTIONS = "/dramas/options/"
FAN_PAGE_QUERIES = 8  # The most any page may cost a signed-in fan (tests/test_signed_in_queries.py).


@pytest.fixture
def heirs():
    return DramaFactory(
        title="The Heirs",
        slug="the-heirs",
        hangul_title="왕관을 쓰려는 자, 그 무게를 견뎌라 – 상속자들",
        other_titles="Heirs; The Inheritors",
        year=2013,
    )


@pytest.fixture
def flowers():
    return DramaFactory(title="Boys Over Flowers", slug="boys-over-flowers", hangul_title="꽃보다 남자", year=2009)


@pytest.mark.parametrize(
    "typed",
    [
        "The Heirs",
        "THE HEIRS",
        "the-heirs ",
        "The Inheritors",  # also known as
        "Heirs",
        "왕관을 쓰려는 자, 그 무게를 견뎌라 – 상속자들",  # Hangul, as written
        "왕관을 쓰려는 자 그 무게를 견뎌라 상속자들",  # ...without the signs
        "상속자들",  # the part after the dash, as fans call it
        "sangsokjadeul",  # ...romanised
        "Sang-sok-ja-deul",
        "wanggwaneul sseuryeoneun ja geu mugereul gyeondyeora sangsokjadeul",  # romanised
    ],
)
def test_any_title_a_drama_is_known_by_leads_to_its_slug_url(client, heirs, flowers, typed):
    response = client.get(LIST, {"q": "umbrella", "drama": typed})
    assert response.status_code == 302
    assert response["Location"] == "/scenes/?q=umbrella&drama=the-heirs"


@pytest.mark.parametrize("typed", ["꽃보다남자", "kkotboda namja", "Kkot-bo-da Nam-ja"])
def test_a_hangul_title_is_known_with_or_without_spaces_and_romanised(client, heirs, flowers, typed):
    response = client.get(LIST, {"drama": typed})
    assert response["Location"] == "/scenes/?drama=boys-over-flowers"


@pytest.mark.parametrize("typed", ["the heir", "hiers", "The Hiers", "상속자", "sangsokja", "sangsokjadel"])
def test_a_near_miss_shows_the_catalogue_with_did_you_mean(client, heirs, flowers, typed):
    scenes = {SceneFactory(drama=heirs), SceneFactory(drama=flowers)}
    response = client.get(LIST, {"drama": typed, "sort": "awesome"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Did you mean" in page
    meant = page.split('<ul class="did-you-mean">')[1].split("</ul>")[0]
    assert '<a href="/scenes/?sort=awesome&amp;drama=the-heirs" lang="en">The Heirs</a>' in meant
    assert "Boys Over Flowers" not in meant
    assert set(response.context["page"].object_list) == scenes  # The catalogue under the other filters.
    assert f'value="{typed}"' in page  # Kept in the box, to correct, and said to be wrong.
    assert 'aria-invalid="true" aria-describedby="unknown-drama"' in page


def test_a_title_like_nothing_says_so_over_the_catalogue(client, heirs):
    scene = SceneFactory(drama=heirs)
    response = client.get(LIST, {"drama": "Zzyzx Road"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "No drama by that name in the catalogue: “Zzyzx Road”" in page
    assert "Did you mean" not in page
    assert list(response.context["page"].object_list) == [scene]


def test_the_api_names_the_dramas_a_near_miss_may_mean(client, heirs, flowers):
    response = client.get("/api/scenes/", {"drama": "hiers"})
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "drama": ["No drama by that name in the catalogue: “hiers”. Did you mean “The Heirs”?"]
    }


def test_the_api_takes_any_title_too(client, heirs):
    scene = SceneFactory(drama=heirs)
    response = client.get("/api/scenes/", {"drama": "the inheritors"})
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [scene.pk]


@pytest.mark.parametrize("typed", ["hei", "The Inher", "상속", "sangsok", "hiers", "wanggwan"])
def test_the_drama_box_suggests_by_any_title_and_near_misses(client, heirs, flowers, typed):
    options = client.get(OPTIONS, {"drama": typed}).content.decode()
    assert '<option value="The Heirs">' in options
    assert "Boys Over Flowers" not in options


@pytest.mark.parametrize("typed", ["hiers", "the heir", "The Inheritors"])
def test_a_fan_s_catalogue_with_a_typed_drama_stays_within_the_page_budget(
    client, fan, heirs, django_assert_max_num_queries, typed
):
    SceneFactory(drama=heirs)
    client.force_login(fan)
    cold_cache()
    Client().get(LIST, {"drama": typed})  # Another reader was here first.
    client.get(LIST, {"drama": typed})  # And so was this fan (their session is read once, then kept).
    with django_assert_max_num_queries(FAN_PAGE_QUERIES):
        assert client.get(LIST, {"drama": typed}).status_code in (302, 400)
