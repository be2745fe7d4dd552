"""/me/feed/: what followed dramas, actors and fans did, newest first, paged, with a private Atom feed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from community.feed.entries import feed_page, feed_token
from community.follows import set_following
from community.models import Favourite
from scenes.models import Scene
from tests.community_factories import FanFactory, FavouriteFactory, comment_on
from tests.factories import DramaFactory, SceneFactory

pytestmark = pytest.mark.django_db

URL = reverse("community:feed")


def texts(fan, **kwargs) -> list[str]:
    return [entry.text for entry in feed_page(fan, **kwargs)[0]]


def test_a_new_scene_in_a_followed_drama_is_in_the_feed(fan):
    drama = DramaFactory(title="The Heirs")
    set_following(fan=fan, target=drama, following=True)
    scene = SceneFactory(drama=drama, episode=7)
    SceneFactory()  # another drama: not followed

    assert texts(fan) == [f"New back hug: {scene.hugger.name} → {scene.hugged.name} in The Heirs, episode 7"]


def test_a_followed_actors_scenes_are_in_the_feed(fan):
    scene = SceneFactory()
    set_following(fan=fan, target=scene.hugged.actor, following=True)

    assert len(texts(fan)) == 1


def test_a_followed_fans_comments_and_favourites_are_in_the_feed_newest_first(fan):
    friend = FanFactory(username="jiwoo")
    set_following(fan=fan, target=friend, following=True)
    scene = SceneFactory()
    comment_on(scene, author=friend, body="Chin on the shoulder!")
    favourite = FavouriteFactory(fan=friend, scene=scene)
    Favourite.objects.filter(pk=favourite.pk).update(created_at=timezone.now() + timedelta(minutes=1))

    found = texts(fan)

    assert found[0].startswith("jiwoo added a favourite")
    assert found[1].startswith("jiwoo commented on")


def test_hidden_comments_and_unpublished_scenes_stay_out(fan, moderator):
    from community import services

    friend = FanFactory()
    set_following(fan=fan, target=friend, following=True)
    comment = comment_on(SceneFactory(), author=friend)
    services.hide_comments(comments=type(comment).objects.filter(pk=comment.pk), moderator=moderator)
    drama = DramaFactory()
    set_following(fan=fan, target=drama, following=True)
    SceneFactory(drama=drama, status=Scene.Status.PENDING, published_at=None)

    assert texts(fan) == []


def test_the_feed_is_paged_older_and_newer(client, fan):
    drama = DramaFactory()
    set_following(fan=fan, target=drama, following=True)
    for number in range(25):
        SceneFactory(drama=drama, published_at=timezone.now() - timedelta(hours=number))
    client.force_login(fan)

    first = client.get(URL)
    second = client.get(URL + "?page=2")

    assert len(first.context["entries"]) == 20 and first.context["has_older"]
    assert len(second.context["entries"]) == 5 and not second.context["has_older"]
    assert first.context["entries"][0].when > first.context["entries"][-1].when > second.context["entries"][0].when


@pytest.mark.parametrize(("page", "status"), [("abc", 400), ("0", 400), ("9", 404)])
def test_a_bad_page_is_a_4xx_with_a_message(client, fan, page, status):
    client.force_login(fan)

    assert client.get(URL + f"?page={page}").status_code == status


def test_the_feed_page_needs_a_signed_in_fan(client):
    assert client.get(URL).status_code == 302


def test_the_private_atom_feed_opens_with_its_secret_and_stops_when_renewed(client, fan):
    drama = DramaFactory(title="Goblin")
    set_following(fan=fan, target=drama, following=True)
    SceneFactory(drama=drama)
    token = feed_token(fan=fan)

    atom = client.get(reverse("community:private-feed", args=[token]))
    client.force_login(fan)
    client.post(reverse("community:feed-address"), {"action": "renew"})
    old = client.get(reverse("community:private-feed", args=[token]))

    assert atom.status_code == 200 and atom["Content-Type"].startswith("application/atom+xml")
    assert "in Goblin, episode 3" in atom.content.decode()
    assert atom["Cache-Control"] == "private, max-age=300"
    assert old.status_code == 404


def test_turning_the_private_feed_off_ends_its_address(client, fan):
    token = feed_token(fan=fan)
    client.force_login(fan)

    client.post(reverse("community:feed-address"), {"action": "revoke"})

    assert client.get(reverse("community:private-feed", args=[token])).status_code == 404
    assert "Make my feed address" in client.get(URL).content.decode()


def test_an_unknown_action_on_the_address_is_a_400(client, fan):
    client.force_login(fan)

    assert client.post(reverse("community:feed-address"), {"action": "explode"}).status_code == 400


def test_a_guessed_address_finds_nothing(client):
    assert client.get(reverse("community:private-feed", args=["not-a-real-token"])).status_code == 404


def test_the_feed_page_stays_within_eight_queries_whatever_the_history(client, fan, django_assert_max_num_queries):
    friend, drama = FanFactory(), DramaFactory()
    set_following(fan=fan, target=friend, following=True)
    set_following(fan=fan, target=drama, following=True)
    feed_token(fan=fan)
    client.force_login(fan)

    def queries():
        client.get(URL)  # the header's unread count is kept in the cache after the first page
        with django_assert_max_num_queries(8) as captured:
            assert client.get(URL).status_code == 200
        return len(captured)

    def happen():
        scene = SceneFactory(drama=drama)
        comment_on(scene, author=friend)
        FavouriteFactory(fan=friend, scene=scene)

    happen()
    few = queries()
    for _ in range(15):
        happen()
    assert queries() == few
