"""Fans follow dramas, actors and other fans, from a button on their pages."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from community.follows import is_following, set_following
from community.models import Follow
from community.services import ActionRefused
from tests.api_support import ban
from tests.community_factories import FanFactory
from tests.factories import ActorFactory, DramaFactory

pytestmark = pytest.mark.django_db


def follow(client, kind, name, value="1", **extra):
    return client.post(reverse("community:follow"), {"kind": kind, "name": name, "follow": value}, **extra)


def test_a_fan_follows_a_drama_from_its_page(client, fan):
    drama = DramaFactory()
    client.force_login(fan)

    response = follow(client, "drama", drama.slug, next=drama.get_absolute_url())
    page = client.get(drama.get_absolute_url()).content.decode()

    assert response.status_code == 302
    assert is_following(fan, drama)
    assert "Following" in page


def test_following_twice_keeps_one_follow(client, fan):
    actor = ActorFactory()
    client.force_login(fan)

    follow(client, "actor", actor.slug)
    follow(client, "actor", actor.slug)

    assert Follow.objects.filter(fan=fan, actor=actor).count() == 1


def test_a_fan_stops_following(client, fan):
    other = FanFactory()
    set_following(fan=fan, target=other, following=True)
    client.force_login(fan)

    follow(client, "fan", other.username, value="0")

    assert not is_following(fan, other)


def test_with_htmx_the_button_changes_in_place(client, fan):
    drama = DramaFactory()
    client.force_login(fan)

    response = follow(client, "drama", drama.slug, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.content.decode()


def test_following_something_unknown_is_a_400_with_a_message(client, fan):
    client.force_login(fan)

    response = follow(client, "drama", "no-such-drama")

    assert response.status_code == 400
    assert "There is no drama called “no-such-drama”." in response.content.decode()


def test_a_bad_kind_is_a_400(client, fan):
    client.force_login(fan)

    assert follow(client, "planet", "mars").status_code == 400


def test_a_fan_cannot_follow_themselves(fan):
    with pytest.raises(ActionRefused):
        set_following(fan=fan, target=fan, following=True)


def test_the_database_refuses_a_follow_of_two_things(fan):
    with pytest.raises(IntegrityError):
        Follow.objects.create(fan=fan, drama=DramaFactory(), actor=ActorFactory())


def test_a_banned_fan_cannot_follow(client, fan):
    ban(fan)
    client.force_login(fan)

    assert follow(client, "drama", DramaFactory().slug).status_code == 403


def test_an_anonymous_reader_is_sent_to_sign_in(client):
    drama = DramaFactory()

    response = follow(client, "drama", drama.slug)

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_fans_own_profile_has_no_follow_button(client, fan):
    client.force_login(fan)

    page = client.get(reverse("community:profile", args=[fan.username])).content.decode()

    assert 'name="kind" value="fan"' not in page
