"""Voting from a scene card (the catalogue, the front page, drama and actor pages, Help classify): a compact
awkward/awesome control that works with htmx and as a plain form. Cards are shared kept HTML: a fan's own vote is
put on top of them for that fan alone, never kept for other readers."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from community.models import Vote
from community.services import cast_vote
from tests.community_factories import FanFactory, FavouriteFactory, give_verdicts, vote_url
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


def card_controls(html: str) -> list[str]:
    return re.findall(r'<form class="card-vote".*?</form>', html, re.DOTALL)


def control_of(html: str, scene) -> str:
    found = [control for control in card_controls(html) if f"/scenes/{scene.pk}/vote/" in control]
    assert found, f"no vote control for scene {scene.pk}"
    return found[0]


@pytest.fixture
def scene(db):
    scene = SceneFactory()
    give_verdicts(scene, awesome=3, awkward=1)
    return scene


def test_an_anonymous_readers_card_leads_to_signing_in_with_the_verdict(client, scene):
    control = control_of(client.get("/scenes/").content.decode(), scene)
    assert f'method="get" action="{reverse("community:vote-sign-in", args=[scene.pk])}"' in control
    assert 'name="verdict" value="awesome"' in control and 'name="verdict" value="awkward"' in control
    assert "csrfmiddlewaretoken" not in control and "aria-pressed" not in control


def test_a_cards_control_shows_the_tallies(client, scene):
    control = control_of(client.get("/scenes/").content.decode(), scene)
    assert "3 awesome, 1 awkward" in control
    assert '<span class="card-vote__count" aria-hidden="true">3</span>' in control


def test_a_fan_sees_their_own_verdict_pressed_on_the_card(client, fan, scene):
    cast_vote(scene=scene, fan=fan, verdict="awkward")
    client.force_login(fan)

    control = control_of(client.get("/scenes/").content.decode(), scene)

    assert f'method="post" action="{vote_url(scene)}"' in control and "csrfmiddlewaretoken" in control
    assert 'value="none" class="card-vote__button card-vote__button--awkward" aria-pressed="true"' in control
    assert 'value="awesome" class="card-vote__button card-vote__button--awesome" aria-pressed="false"' in control


@pytest.mark.parametrize("url", ["/", "/scenes/", "drama", "actor", "/help-classify/"])
def test_every_list_of_cards_lets_a_fan_vote(client, fan, scene, url):
    url = {"drama": scene.drama.get_absolute_url(), "actor": scene.hugger.actor.get_absolute_url()}.get(url, url)
    client.force_login(fan)
    html = client.get(url).content.decode()
    assert f'action="{vote_url(scene)}"' in html, url


def test_a_fans_own_vote_never_reaches_another_readers_cards(client, fan, scene):
    cast_vote(scene=scene, fan=fan, verdict="awesome")
    client.force_login(fan)
    client.get("/scenes/")  # the fan's page first: the card is kept, with the anonymous control

    other_fan = Client()
    other_fan.force_login(FanFactory(username="otherfan"))

    for reader in (Client(), other_fan):
        control = control_of(reader.get("/scenes/").content.decode(), scene)
        assert 'aria-pressed="true"' not in control


def test_a_fan_votes_from_a_card_with_htmx_and_the_control_is_redrawn(client, fan, scene):
    client.force_login(fan)
    response = client.post(
        vote_url(scene), {"verdict": "awesome", "part": "card", "next": "/scenes/"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith('<form class="card-vote"')
    assert 'value="none" class="card-vote__button card-vote__button--awesome" aria-pressed="true"' in html
    assert "4 awesome, 1 awkward" in html
    assert 'name="next" value="/scenes/"' in html
    assert Vote.objects.get(scene=scene, fan=fan).verdict == "awesome"


def test_a_pressed_card_button_takes_the_vote_back(client, fan, scene):
    cast_vote(scene=scene, fan=fan, verdict="awesome")
    client.force_login(fan)
    client.post(vote_url(scene), {"verdict": "none", "part": "card"}, headers={"HX-Request": "true"})
    assert not Vote.objects.filter(scene=scene, fan=fan).exists()


def test_a_fan_votes_from_a_card_without_javascript_and_is_back_on_the_list(client, fan, scene):
    client.force_login(fan)
    response = client.post(vote_url(scene), {"verdict": "awkward", "part": "card", "next": "/scenes/?sort=new"})

    assert response.status_code == 302 and response["Location"] == "/scenes/?sort=new"
    control = control_of(client.get(response["Location"]).content.decode(), scene)
    assert 'value="none" class="card-vote__button card-vote__button--awkward" aria-pressed="true"' in control


def test_a_fans_vote_shows_pressed_on_their_next_page_at_once(client, fan, scene):
    client.force_login(fan)
    client.get("/scenes/")  # their verdicts on the page's cards are kept...
    client.post(vote_url(scene), {"verdict": "awesome", "part": "card", "next": "/scenes/"})
    control = control_of(client.get("/scenes/").content.decode(), scene)  # ...and read again after a vote
    assert 'card-vote__button--awesome" aria-pressed="true"' in control


def test_a_fans_cards_cost_no_query_for_their_verdicts_once_kept(client, fan, scene, django_assert_max_num_queries):
    client.force_login(fan)
    client.get("/scenes/")
    with django_assert_max_num_queries(8) as captured:
        client.get("/scenes/")
    assert not [query for query in captured if Vote._meta.db_table in query["sql"]]


def test_a_card_of_a_scene_not_yet_published_has_no_vote_control(client, fan):
    waiting = SceneFactory(submitted_by=fan, status="pending")
    client.force_login(fan)
    html = client.get(reverse("community:profile", args=[fan.username])).content.decode()
    assert waiting.get_absolute_url() in html
    assert f"/scenes/{waiting.pk}/vote/" not in html


def test_on_a_profile_a_fans_card_buttons_lead_to_the_scenes_own(client, fan, scene):
    # A profile's two lists of cards would cost a query each for the fan's verdicts on a cold cache; its buttons lead
    # to the scene's page, where the fan votes (community:vote-sign-in sends a signed-in fan to its buttons).
    cast_vote(scene=scene, fan=fan, verdict="awesome")
    FavouriteFactory(fan=fan, scene=scene)
    client.force_login(fan)
    html = client.get(reverse("community:profile", args=[fan.username])).content.decode()
    control = control_of(html, scene)
    assert f'action="{reverse("community:vote-sign-in", args=[scene.pk])}"' in control


def test_a_duels_cards_lead_to_the_scenes_own_buttons(client, fan):
    # A new pair on every page: the fan's verdicts on it would cost a query each time.
    first, second = SceneFactory(), SceneFactory()
    client.force_login(fan)
    html = client.get(reverse("community:duels")).content.decode()
    for scene in (first, second):
        assert f'action="{reverse("community:vote-sign-in", args=[scene.pk])}"' in control_of(html, scene)
