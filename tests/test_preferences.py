"""A fan's hidden tropes: scenes carrying them leave every list the fan reads."""

import re

import pytest

from community.models import FanProfile
from community.preferences.viewer import set_trope_hidden
from scenes.models import Scene, Trope
from tests.community_factories import FanFactory, FavouriteFactory
from tests.discovery_support import cast_for, count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    cast = cast_for(slug="the-heirs", title="The Heirs", episodes=20)
    cast.captured = cast.scene(cast.him, cast.her, episode=2, tropes=["reluctant", "possession"], setting="captured")
    cast.welcome = cast.scene(cast.him, cast.her, episode=3, tropes=["welcomed", "comfort"], setting="welcomed")
    cast.hers = cast.scene(cast.her, cast.him, episode=4, tropes=["comfort"], setting="girl initiated")
    return cast


def hide(fan, *slugs):
    for slug in slugs:
        set_trope_hidden(fan=fan, trope=Trope.objects.get(slug=slug), hidden=True)


def shown(response) -> set:
    """The scenes a page lists as cards."""
    return {
        int(pk)
        for pk in re.findall(r'class="scene-card__title"[^>]*><a href="/scenes/(\d+)/"', response.content.decode())
    }


@pytest.fixture
def fan_hiding_reluctant(client, fan, catalogue):
    hide(fan, "reluctant")
    client.force_login(fan)
    return fan


def test_a_hidden_trope_leaves_the_catalogue(client, catalogue, fan_hiding_reluctant):
    response = client.get("/scenes/")
    assert catalogue.captured not in response.context["page"].object_list
    assert {catalogue.welcome, catalogue.hers} <= set(response.context["page"].object_list)
    # The fan is told why, and where to change it; not when they ask for the trope themselves.
    text = re.sub(r"<[^>]+>", "", response.content.decode())
    assert "Leaving out scenes that carry a trope you hide: Reluctant / captured. Change what you hide" in text
    assert "Leaving out" not in client.get("/scenes/", {"trope": "reluctant"}).content.decode()


@pytest.mark.parametrize(
    "url", ["/", "/dramas/the-heirs/", "actor", "/tropes/possession/", "/scenes/?drama=the-heirs", "/help-classify/"]
)
def test_a_hidden_trope_leaves_every_list(client, catalogue, fan_hiding_reluctant, url):
    url = catalogue.him.actor.get_absolute_url() if url == "actor" else url
    listed = shown(client.get(url))
    assert catalogue.captured.pk not in listed
    assert catalogue.welcome.pk in listed or url == "/tropes/possession/"


@pytest.mark.parametrize("whose", ["own", "another fan's"])
def test_a_hidden_trope_leaves_favourites_and_submissions_on_profiles(client, catalogue, fan_hiding_reluctant, whose):
    owner = fan_hiding_reluctant if whose == "own" else FanFactory(username="keeper")
    for scene in (catalogue.captured, catalogue.welcome):
        FavouriteFactory(scene=scene, fan=owner)
    Scene.objects.filter(pk__in=[catalogue.captured.pk, catalogue.welcome.pk]).update(submitted_by=owner)
    response = client.get(f"/accounts/{owner.username}/")
    favourites, submissions = (set(response.context[name]) for name in ("favourites", "submissions"))
    assert favourites == {catalogue.welcome}
    # A fan's own submissions all stay listed with their status; other readers see those they want.
    assert submissions == ({catalogue.captured, catalogue.welcome} if whose == "own" else {catalogue.welcome})


def test_readers_who_hide_nothing_see_everything(client, catalogue):
    assert {catalogue.captured.pk, catalogue.welcome.pk, catalogue.hers.pk} <= shown(client.get("/dramas/the-heirs/"))


def test_a_hidden_derived_trope_works_too(client, fan, catalogue):
    hide(fan, "girl-initiated")
    client.force_login(fan)
    listed = shown(client.get("/dramas/the-heirs/"))
    assert catalogue.hers.pk not in listed and catalogue.captured.pk in listed


def test_asking_for_a_hidden_trope_by_name_still_finds_it(client, catalogue, fan_hiding_reluctant):
    assert list(client.get("/scenes/?trope=reluctant").context["page"].object_list) == [catalogue.captured]
    assert catalogue.captured.pk in shown(client.get("/tropes/reluctant/"))


def test_the_trope_guide_leaves_hidden_scenes_out_of_the_best_ones(client, catalogue, fan_hiding_reluctant):
    from tests.discovery_support import set_tallies

    set_tallies(catalogue.captured, awesome=9)
    set_tallies(catalogue.welcome, awesome=5)
    guide = client.get("/tropes/").context["groups"]
    best = {entry.trope.slug: entry.best for group in guide for entry in group.entries}
    assert best["boy-initiated"] == [catalogue.welcome]
    assert best["possession"] == []
    assert "Hidden from your lists" in client.get("/tropes/").content.decode()


def test_the_hide_button_hides_and_shows_a_trope(client, fan, catalogue):
    client.force_login(fan)
    html = client.get("/tropes/reluctant/").content.decode()
    assert 'action="/me/hidden-tropes/"' in html and "Hide from my lists" in html
    response = client.post("/me/hidden-tropes/", {"trope": "reluctant", "hidden": "1", "next": "/tropes/"})
    assert response.status_code == 302 and response["Location"] == "/tropes/"
    assert list(FanProfile.objects.get(user=fan).hidden_tropes.values_list("slug", flat=True)) == ["reluctant"]
    assert "Show again" in client.get("/tropes/reluctant/").content.decode()
    client.post("/me/hidden-tropes/", {"trope": "reluctant", "hidden": "0"})
    assert not FanProfile.objects.get(user=fan).hidden_tropes.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"trope": "no-such-trope", "hidden": "1"}, "No trope by that name."),
        ({"trope": "<b>", "hidden": "1"}, "Pick a trope from the guide."),
        ({"trope": "reluctant", "hidden": "maybe"}, "hidden is 1 (hide the trope) or 0 (show it again)."),
    ],
)
def test_a_bad_hide_request_gets_a_400_with_a_message(client, fan, catalogue, data, message):
    client.force_login(fan)
    response = client.post("/me/hidden-tropes/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FanProfile.objects.filter(user=fan, hidden_tropes__isnull=False).exists()


def test_readers_without_an_account_are_sent_to_sign_in(client, catalogue):
    response = client.post("/me/hidden-tropes/", {"trope": "reluctant", "hidden": "1"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/me/preferences/").status_code == 302
    assert "Hide from my lists" not in client.get("/tropes/reluctant/").content.decode()


def test_the_preferences_page_lists_and_saves_hidden_tropes_and_progress(client, fan, catalogue):
    from community.preferences.viewer import record_watch_progress

    hide(fan, "reluctant")
    record_watch_progress(fan=fan, drama=catalogue.drama, last_episode=7)
    client.force_login(fan)
    html = client.get("/me/preferences/").content.decode()
    assert 'value="reluctant" id="hide-reluctant" checked' in html
    assert "Episode 7 of 20" in html
    response = client.post("/me/preferences/", {"tropes": ["possession", "girl-initiated"]})
    assert response.status_code == 302
    hidden = set(FanProfile.objects.get(user=fan).hidden_tropes.values_list("slug", flat=True))
    assert hidden == {"possession", "girl-initiated"}


def test_an_unknown_trope_on_the_preferences_page_is_a_400_and_changes_nothing(client, fan, catalogue):
    hide(fan, "reluctant")
    client.force_login(fan)
    response = client.post("/me/preferences/", {"tropes": ["possession", "nope"]})
    assert response.status_code == 400
    assert "“nope” is not a trope we know." in response.content.decode()
    assert list(FanProfile.objects.get(user=fan).hidden_tropes.values_list("slug", flat=True)) == ["reluctant"]


def test_hiding_tropes_costs_the_same_queries_however_many_scenes(
    client, fan, catalogue, django_assert_max_num_queries
):
    hide(fan, "reluctant", "girl-initiated", "desire")
    client.force_login(fan)
    with_three = count_queries(client, django_assert_max_num_queries, "/scenes/", 16)
    for number in range(20):
        catalogue.scene(
            catalogue.him, catalogue.her, episode=1 + number, tropes=["reluctant" if number % 2 else "comfort"]
        )
    assert count_queries(client, django_assert_max_num_queries, "/scenes/", 16) == with_three
