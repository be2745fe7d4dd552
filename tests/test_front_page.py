"""The front page: a back hug of the day, the latest, the most controversial, the fans' favourites, the question."""

import datetime
import hashlib

import pytest
from django.utils import timezone

from community.preferences.viewer import set_trope_hidden
from scenes.models import Scene, Trope
from scenes.stats.daily import back_hug_of_the_day
from tests.discovery_support import cast_for, count_queries, set_tallies
from tests.factories import SceneFactory, SceneImageFactory

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2025, 3, 3)


@pytest.fixture
def scenes():
    cast = cast_for(episodes=40)
    return [cast.scene(cast.him, cast.her, episode=1 + number % 20) for number in range(12)]


def test_the_back_hug_of_the_day_is_the_same_all_day(scenes):
    published = Scene.objects.published()
    assert back_hug_of_the_day(published, day=MONDAY) == back_hug_of_the_day(published, day=MONDAY)


def test_a_scene_published_during_the_day_does_not_change_its_pick(db):
    cast = cast_for(episodes=40)
    two_days_ago = timezone.now() - datetime.timedelta(days=2)
    for number in range(9):
        cast.scene(cast.him, cast.her, episode=1 + number, published_at=two_days_ago)
    today = timezone.localdate()
    before = back_hug_of_the_day(Scene.objects.published(), day=today)
    for number in range(5):
        cast.scene(cast.him, cast.her, episode=10 + number)  # published now
    assert back_hug_of_the_day(Scene.objects.published(), day=today) == before


def test_the_days_pick_is_remembered_and_shown_to_everyone(client, scenes, without_response_cache):
    first = client.get("/").context["daily"]
    assert client.get("/").context["daily"] == first
    assert first == back_hug_of_the_day(Scene.objects.published())


def test_the_back_hug_of_the_day_changes_from_day_to_day(scenes):
    published = Scene.objects.published()
    picks = {back_hug_of_the_day(published, day=MONDAY + datetime.timedelta(days=n)).pk for n in range(14)}
    assert len(picks) >= 5  # Two weeks over twelve scenes: not the same one, nor a couple, over and over.


def test_the_pick_depends_on_the_date_only_not_on_the_process(scenes):
    from scenes.stats.daily import day_number

    # SHA-256 of the ISO date, not Python's salted hash(): every app server picks the same scene.
    assert day_number(MONDAY) == int.from_bytes(hashlib.sha256(b"2025-03-03").digest()[:8], "big")
    assert day_number(MONDAY) != day_number(MONDAY + datetime.timedelta(days=1))


def test_only_published_scenes_are_picked_and_none_when_there_are_none(db):
    pending = SceneFactory(status=Scene.Status.PENDING, published_at=None)
    assert back_hug_of_the_day(Scene.objects.published(), day=MONDAY) is None
    published = SceneFactory(drama=pending.drama, hugger=pending.hugger, hugged=pending.hugged)
    for day in range(5):
        assert back_hug_of_the_day(Scene.objects.published(), day=MONDAY + datetime.timedelta(days=day)) == published


def test_the_front_page_shows_the_back_hug_of_the_day_with_the_question(client, scenes):
    daily = back_hug_of_the_day(Scene.objects.published())
    html = client.get("/").content.decode()
    assert "Back hug of the day" in html
    section = html.split('aria-labelledby="daily-heading"', 1)[1].split("</section>\n</div>", 1)[0]
    assert daily.get_absolute_url() in section
    assert 'id="verdict"' in html and 'Awkward <span class="or">or</span> awesome?' in html
    # An anonymous reader's buttons lead to signing in with their verdict (the shared page holds no CSRF token).
    assert f'method="get" action="/scenes/{daily.pk}/vote/sign-in/"' in html


def test_a_signed_in_fan_votes_on_the_back_hug_of_the_day_from_the_front_page(client, scenes, fan):
    daily = back_hug_of_the_day(Scene.objects.published())
    client.force_login(fan)

    html = client.get("/").content.decode()

    assert f'action="/scenes/{daily.pk}/vote/"' in html


def test_the_front_page_shows_latest_controversial_and_favourite_back_hugs(client, scenes):
    split = set_tallies(scenes[3], awesome=10, awkward=9)
    loved = set_tallies(scenes[5], awesome=4, favourites=7)
    response = client.get("/")
    assert split in response.context["controversial"]
    assert loved in response.context["favourites"]
    assert list(response.context["latest"])[0] == scenes[-1]
    html = response.content.decode()
    assert "Fans can’t agree" in html and "Latest back hugs" in html and "favourite back hug" in html


def test_a_fan_who_hides_a_trope_of_the_daily_pick_gets_another_one(client, fan, scenes):
    daily = back_hug_of_the_day(Scene.objects.published())
    reluctant = Trope.objects.get(slug="reluctant")
    daily.tropes.add(reluctant)
    set_trope_hidden(fan=fan, trope=reluctant, hidden=True)
    client.force_login(fan)
    response = client.get("/")
    assert response.context["daily"] is not None
    assert response.context["daily"] != daily
    assert daily not in response.context["latest"]


def test_the_front_page_queries_stay_fixed_from_1_to_30_scenes(client, django_assert_max_num_queries):
    cast = cast_for(episodes=40)

    def add(count):
        for number in range(count):
            scene = cast.scene(cast.him, cast.her, episode=1 + number, tropes=["comfort", "lingering"])
            SceneImageFactory(scene=scene)
            set_tallies(scene, awesome=5 + number % 3, awkward=5, favourites=1 + number)

    add(1)
    with_one = count_queries(client, django_assert_max_num_queries, "/", 16)
    add(29)
    with_thirty = count_queries(client, django_assert_max_num_queries, "/", 16)
    assert with_thirty == with_one
