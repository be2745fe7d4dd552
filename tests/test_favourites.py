"""Favourites: the back hugs a fan holds dear, on their profile, on the scene and on the front page."""

import pytest

from community.models import Favourite
from tests.community_factories import FanFactory, favourite_url, profile_url
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


def text(response):
    return response.content.decode()


def test_a_fan_adds_a_scene_to_their_favourites(client, fan, scene):
    client.force_login(fan)
    response = client.post(favourite_url(scene), {"favourite": "1"})
    assert response.status_code == 302
    assert Favourite.objects.filter(scene=scene, fan=fan).exists()
    scene.refresh_from_db()
    assert scene.favourite_count == 1


def test_a_fan_removes_a_scene_from_their_favourites(client, fan, scene):
    client.force_login(fan)
    client.post(favourite_url(scene), {"favourite": "1"})
    client.post(favourite_url(scene), {"favourite": "0"})
    assert not Favourite.objects.exists()
    scene.refresh_from_db()
    assert scene.favourite_count == 0


def test_favouriting_twice_keeps_one_favourite(client, fan, scene):
    client.force_login(fan)
    client.post(favourite_url(scene), {"favourite": "1"})
    client.post(favourite_url(scene), {"favourite": "1"})
    assert Favourite.objects.filter(scene=scene, fan=fan).count() == 1
    scene.refresh_from_db()
    assert scene.favourite_count == 1


@pytest.mark.parametrize("value", ["yes", "2", ""])
def test_an_unknown_favourite_value_gets_a_400_and_changes_nothing(client, fan, scene, value):
    client.force_login(fan)
    response = client.post(favourite_url(scene), {"favourite": value})
    assert response.status_code == 400
    assert not Favourite.objects.exists()


def test_favouriting_a_pending_scene_is_a_404(client, fan):
    pending = SceneFactory(status="pending", published_at=None)
    client.force_login(fan)
    assert client.post(favourite_url(pending), {"favourite": "1"}).status_code == 404
    assert not Favourite.objects.exists()


def test_the_scene_shows_how_many_fans_hold_it_dear(client, scene):
    for _ in range(3):
        client.force_login(FanFactory())
        client.post(favourite_url(scene), {"favourite": "1"})
    client.logout()
    assert "3 fans hold it dear" in text(client.get(scene.get_absolute_url()))


def test_a_scene_one_fan_loves_says_so_in_the_singular(client, fan, scene):
    client.force_login(fan)
    client.post(favourite_url(scene), {"favourite": "1"})
    assert "1 fan holds it dear" in text(client.get(scene.get_absolute_url()))


def test_the_scene_page_tells_the_fan_it_is_in_their_favourites(client, fan, scene):
    client.force_login(fan)
    client.post(favourite_url(scene), {"favourite": "1"})
    assert "In your favourites" in text(client.get(scene.get_absolute_url()))


def test_the_fans_profile_lists_their_favourites(client, fan):
    loved = SceneFactory(hugger__name="Kim Tan")
    SceneFactory(hugger__name="Choi Young-do")
    client.force_login(fan)
    client.post(favourite_url(loved), {"favourite": "1"})
    client.logout()
    response = client.get(profile_url(fan))
    assert list(response.context["favourites"]) == [loved]
    assert "Kim Tan" in text(response)
    assert "Choi Young-do" not in text(response)


def test_the_front_page_answers_do_you_have_a_favourite_with_the_fans_favourites(client):
    loved = SceneFactory(hugger__name="Kim Tan")
    SceneFactory(hugger__name="Choi Young-do")
    client.force_login(FanFactory())
    client.post(favourite_url(loved), {"favourite": "1"})
    client.logout()
    response = client.get("/")
    assert "Do you have a favourite back hug scene?" in text(response)
    assert list(response.context["favourites"]) == [loved]


def test_the_front_page_puts_the_most_loved_scene_first(client):
    liked = SceneFactory()
    loved = SceneFactory()
    for scene, fans in ((liked, 1), (loved, 3)):
        for _ in range(fans):
            client.force_login(FanFactory())
            client.post(favourite_url(scene), {"favourite": "1"})
    assert list(client.get("/").context["favourites"]) == [loved, liked]


def test_the_front_page_invites_fans_to_pick_a_favourite_when_nobody_has(client, scene):
    assert "No favourites yet" in text(client.get("/"))


def test_a_favourite_redirects_back_to_the_scene(client, fan, scene):
    client.force_login(fan)
    response = client.post(favourite_url(scene), {"favourite": "1", "next": scene.get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"].startswith(scene.get_absolute_url())


def test_an_htmx_favourite_answers_with_the_favourite_button_alone(client, fan, scene):
    client.force_login(fan)
    response = client.post(favourite_url(scene), {"favourite": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    page = text(response)
    assert "<html" not in page
    assert 'id="favourite"' in page
    assert "In your favourites" in page
    assert "1 fan holds it dear" in page
