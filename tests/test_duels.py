"""Duels: two scenes side by side, one pick per fan and pair, a Glicko ranking no single fan can carry."""

import random

import pytest
from django.db import IntegrityError
from django.urls import reverse

from community.duels import rating
from community.duels.selectors import deal_pair
from community.duels.services import FULL_WEIGHT_DUELS, cast_duel_vote, pair_token
from community.models import DuelRating, DuelVote
from community.services import ActionRefused
from scenes.models import Scene
from tests.api_support import ban
from tests.community_factories import FanFactory
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


def pick(fan, winner, loser):
    token = pair_token(fan=fan, first=winner.pk, second=loser.pk)
    return cast_duel_vote(fan=fan, token=token, winner_id=winner.pk)


def rating_of(scene) -> float:
    return DuelRating.objects.get(scene=scene).rating


@pytest.fixture
def two():
    return SceneFactory(), SceneFactory()


def test_a_pick_moves_the_winner_up_and_the_loser_down(fan, two):
    winner, loser = two

    pick(fan, winner, loser)

    assert rating_of(winner) > 1500 > rating_of(loser)
    assert DuelRating.objects.get(scene=winner).deviation < rating.START_DEVIATION
    assert (DuelRating.objects.get(scene=winner).duels, DuelRating.objects.get(scene=winner).wins) == (1, 1)


def test_a_fan_picks_once_per_pair_whichever_order(fan, two):
    first, second = two
    pick(fan, first, second)

    with pytest.raises(ActionRefused, match="already picked"):
        pick(fan, second, first)

    assert DuelVote.objects.count() == 1


def test_the_database_refuses_a_second_pick_of_the_same_pair(fan, two):
    low, high = sorted(two, key=lambda scene: scene.pk)
    DuelVote.objects.create(fan=fan, first=low, second=high, winner=low)

    with pytest.raises(IntegrityError):
        DuelVote.objects.create(fan=fan, first=low, second=high, winner=high)


def test_a_pair_dealt_to_another_fan_is_refused(fan, two):
    token = pair_token(fan=FanFactory(), first=two[0].pk, second=two[1].pk)

    with pytest.raises(ActionRefused, match="not dealt to you"):
        cast_duel_vote(fan=fan, token=token, winner_id=two[0].pk)


def test_a_winner_outside_the_pair_is_refused(fan, two):
    token = pair_token(fan=fan, first=two[0].pk, second=two[1].pk)

    with pytest.raises(ActionRefused, match="one of the two"):
        cast_duel_vote(fan=fan, token=token, winner_id=SceneFactory().pk)


def test_an_unpublished_scene_is_never_in_a_duel(fan, two):
    Scene.objects.filter(pk=two[1].pk).update(status="pending")

    with pytest.raises(ActionRefused, match="no longer published"):
        pick(fan, *two)
    assert deal_pair(fan) is None  # one published scene: no pair


def test_one_fan_cannot_carry_a_scene_far_however_many_pairs_they_judge():
    """A scene with an established rating; one fan then picks it over 40 others. Forty fans doing the same
    would move it far; the one fan moves it only FULL_WEIGHT_DUELS duels' worth."""
    target, others = SceneFactory(), [SceneFactory() for _ in range(40)]
    crowd = [FanFactory() for _ in range(20)]
    for number, fan in enumerate(crowd):  # an even record against the field: about 1500, well known
        winner, loser = (target, others[number]) if number % 2 else (others[number], target)
        pick(fan, winner, loser)
    before = rating_of(target)
    zealot = FanFactory()

    for other in others:
        pick(zealot, target, other)
    one_fan = rating_of(target) - before

    assert DuelVote.objects.filter(fan=zealot, weight=1).count() == FULL_WEIGHT_DUELS
    for other in others:  # now forty different fans each pick it once over a scene they had not judged
        pick(FanFactory(), target, other)
    forty_fans = rating_of(target) - before - one_fan
    assert one_fan < 150
    assert forty_fans > 3 * one_fan


def test_a_banned_fan_cannot_pick(fan, two):
    ban(fan)

    with pytest.raises(Exception, match="banned"):
        pick(fan, *two)


def test_deal_pair_never_deals_a_pair_the_fan_judged(fan, two):
    pick(fan, *two)

    assert deal_pair(fan, rng=random.Random(1)) is None


def test_the_duel_page_shows_two_scenes_and_a_signed_pair(client, fan, two):
    client.force_login(fan)

    page = client.get(reverse("community:duels")).content.decode()

    assert page.count('name="winner"') == 2
    assert page.count('name="token"') == 2
    assert "Not in a duel yet" in page


def test_a_pick_on_the_page_counts_and_deals_the_next_pair(client, fan, two):
    client.force_login(fan)
    token = pair_token(fan=fan, first=two[0].pk, second=two[1].pk)

    response = client.post(reverse("community:duel-vote"), {"token": token, "winner": two[0].pk}, follow=True)

    assert "Counted. Scene" in response.content.decode()
    assert DuelVote.objects.filter(fan=fan, winner=two[0]).exists()


def test_a_forged_pick_is_a_400_with_a_new_duel(client, fan, two):
    client.force_login(fan)

    response = client.post(reverse("community:duel-vote"), {"token": "forged", "winner": two[0].pk})

    assert response.status_code == 400
    assert "not dealt to you" in response.content.decode()
    assert not DuelVote.objects.exists()


def test_a_pick_without_its_pair_is_a_400(client, fan):
    client.force_login(fan)

    assert client.post(reverse("community:duel-vote"), {"winner": "x"}).status_code == 400


def test_picks_are_rate_limited(client, fan, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "duel": {"user": (2, 60)}}
    scenes = [SceneFactory() for _ in range(4)]
    client.force_login(fan)
    statuses = []
    for winner, loser in [(scenes[0], scenes[1]), (scenes[2], scenes[3]), (scenes[0], scenes[2])]:
        token = pair_token(fan=fan, first=winner.pk, second=loser.pk)
        statuses.append(client.post(reverse("community:duel-vote"), {"token": token, "winner": winner.pk}).status_code)

    assert statuses == [302, 302, 429]


def test_anonymous_readers_see_the_duel_and_are_asked_to_sign_in(client, two):
    page = client.get(reverse("community:duels")).content.decode()

    assert 'name="winner"' not in page
    assert "Sign in to pick" in page


def test_the_ranking_lists_scenes_by_conservative_rating_and_sorts(client, fan):
    scenes = [SceneFactory() for _ in range(3)]
    pick(fan, scenes[0], scenes[1])
    pick(FanFactory(), scenes[0], scenes[2])

    ranked = client.get(reverse("community:duel-ranking")).context["page"].object_list
    by_duels = client.get(reverse("community:duel-ranking") + "?sort=duels").context["page"].object_list

    assert ranked[0].scene == scenes[0]
    assert by_duels[0].duels == 2


def test_an_unknown_sort_is_a_400_with_a_message(client):
    response = client.get(reverse("community:duel-ranking") + "?sort=vibes")

    assert response.status_code == 400
    assert "Sort by rank, rating, duels or uncertain." in response.content.decode()


def test_the_scene_page_shows_its_duel_rating(client, fan, two):
    pick(fan, *two)

    page = client.get(two[0].get_absolute_url()).content.decode()

    assert "Duel rating 1" in page and "from 1 duel" in page


@pytest.mark.parametrize("url", ["/duels/", "/duels/ranking/"])
def test_duel_pages_stay_within_eight_queries_whatever_their_size(client, fan, django_assert_max_num_queries, url):
    client.force_login(fan)

    def queries():
        client.get(url)  # the caches a page keeps (the taxonomy, the id range) are warm, as for every reader but one
        with django_assert_max_num_queries(8) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    scenes = [SceneFactory() for _ in range(3)]
    pick(FanFactory(), scenes[0], scenes[1])
    few = queries()
    more = [SceneFactory() for _ in range(30)]
    for number in range(29):
        pick(FanFactory(), more[number], more[number + 1])
    assert queries() == few


def test_a_fan_is_never_dealt_a_scene_with_a_trope_they_hide(client, fan):
    from community.preferences.viewer import set_trope_hidden
    from scenes.models import Trope

    SceneFactory(tropes=["reluctant"]), SceneFactory(), SceneFactory()
    set_trope_hidden(fan=fan, trope=Trope.objects.get(slug="reluctant"), hidden=True)
    client.force_login(fan)

    for _ in range(10):
        shown = [scene for scene, _card in client.get(reverse("community:duels")).context["scenes"]]
        assert all("reluctant" not in [trope.slug for trope in scene.public_tropes()] for scene in shown)


def test_replaying_every_pick_gives_the_ratings_kept_pick_by_pick():
    from community.duels.services import replay_ratings

    scenes = [SceneFactory() for _ in range(5)]
    zealot = FanFactory()
    for number in range(12):
        pick(FanFactory(), scenes[number % 5], scenes[(number + 2) % 5])
    for other in scenes[1:]:
        pick(zealot, scenes[0], other)
    kept = {
        row.scene_id: (round(row.rating, 6), round(row.deviation, 6), row.duels) for row in DuelRating.objects.all()
    }

    replay_ratings()

    again = {
        row.scene_id: (round(row.rating, 6), round(row.deviation, 6), row.duels) for row in DuelRating.objects.all()
    }
    assert again == kept


def test_a_banned_fans_picks_stop_counting_once_the_ratings_are_replayed(fan, two):
    from community.duels.services import replay_ratings

    pick(fan, *two)
    ban(fan)

    replay_ratings()

    assert not DuelRating.objects.filter(duels__gt=0).exists()
    assert DuelVote.objects.get(fan=fan).weight == 0


def test_moderators_discard_picks_in_the_admin_and_the_ratings_follow(client, fan, two, moderator):
    pick(fan, *two)
    client.force_login(moderator)
    vote = DuelVote.objects.get()

    client.post(
        "/admin/community/duelvote/", {"action": "discard_and_replay", "_selected_action": [vote.pk]}, follow=True
    )

    assert not DuelVote.objects.exists()
    assert not DuelRating.objects.filter(duels__gt=0).exists()


def test_the_picks_list_opens_in_the_admin(client, fan, two, moderator):
    pick(fan, *two)
    client.force_login(moderator)

    assert client.get("/admin/community/duelvote/").status_code == 200


def test_the_ranking_names_a_spoiler_by_its_drama_and_episode(client, fan):
    spoiler = SceneFactory(is_spoiler=True, episode=5)
    plain = SceneFactory()
    pick(fan, spoiler, plain)

    page = client.get(reverse("community:duel-ranking")).content.decode()

    assert f"A back hug in {spoiler.drama.title}, episode 5 (spoiler)" in page
    assert f"{spoiler.hugger.name} → {spoiler.hugged.name}" not in page
    assert f"{plain.hugger.name} → {plain.hugged.name}" in page
