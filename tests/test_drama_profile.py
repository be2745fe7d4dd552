"""Drama pages' back-hug profile, actor pages by drama, and the trope guide."""

import re

import pytest

from scenes.catalogue import profiles
from scenes.catalogue.guide import MEANING_LINES, best_scenes_by_trope, trope_guide
from scenes.models import Scene
from scenes.stats import numbers as stats
from tests.discovery_support import cast_for, count_queries, set_tallies

pytestmark = pytest.mark.django_db


@pytest.fixture
def heirs():
    """The Heirs, 20 episodes: back hugs in episodes 3, 3 and 9 (and a pending one in 12 that counts nowhere)."""
    cast = cast_for(title="The Heirs", slug="the-heirs", year=2013, episodes=20)
    cast.first = set_tallies(cast.scene(cast.him, cast.her, episode=3, tropes=["comfort"]), awesome=9, awkward=1)
    cast.second = set_tallies(cast.scene(cast.her, cast.him, episode=3, tropes=["desire"]), awesome=2, awkward=8)
    cast.third = set_tallies(cast.scene(cast.second_him, cast.her, episode=9, tropes=["comfort"]), awesome=3, awkward=3)
    pending = cast.scene(cast.him, cast.her, episode=12, status=Scene.Status.PENDING, published_at=None)
    set_tallies(pending, awesome=40)
    return cast


def test_the_profile_counts_the_dramas_back_hugs_and_sums_their_verdicts(heirs):
    profile = profiles.drama_profile(heirs.drama, Scene.objects.published().filter(drama=heirs.drama))
    assert profile.tally == stats.Tally(scenes=3, awesome=14, awkward=12)
    assert profile.tally.awesome_share == 54  # 14 of 26
    assert (profile.girl_initiated, profile.second_lead) == (1, 1)


def test_the_episode_strip_has_a_cell_per_episode_with_the_back_hugs_in_it(heirs):
    profile = profiles.drama_profile(heirs.drama, Scene.objects.published().filter(drama=heirs.drama))
    assert [cell.number for cell in profile.episodes] == list(range(1, 21))
    with_hugs = {cell.number: cell.scenes for cell in profile.episodes if cell.scenes}
    assert with_hugs == {3: 2, 9: 1}
    assert profile.episodes[8].url == heirs.third.get_absolute_url()
    assert profile.episodes_with_back_hugs == 2


def test_the_most_awesome_and_the_most_awkward_scene_come_from_their_scores(heirs):
    profile = profiles.drama_profile(heirs.drama, Scene.objects.published().filter(drama=heirs.drama))
    assert profile.most_awesome == heirs.first
    assert profile.most_awkward == heirs.second


def test_the_drama_page_shows_its_profile(client, heirs):
    html = client.get("/dramas/the-heirs/").content.decode()
    assert "Back-hug profile" in html
    assert "<strong>54%</strong> awesome" in html
    assert 'href="/scenes/?drama=the-heirs&amp;verdict=awesome"' in html
    assert "2 of 20 episodes have a back hug" in html
    strip = re.search(r'<ol class="episode-strip".*?</ol>', html, re.S).group(0)
    assert strip.count('class="episode-strip__item"') == 20
    assert f'href="{heirs.third.get_absolute_url()}"' in strip
    assert "Episode </span>9" in strip and "no back hug" in strip
    assert "Most awesome" in html and "Most awkward" in html


def test_a_back_hug_with_no_known_episode_is_not_called_hidden_by_a_trope(client, heirs):
    heirs.scene(heirs.him, heirs.her, episode=None, start_seconds=None, end_seconds=None)
    html = client.get("/dramas/the-heirs/").content.decode()
    assert "1 back hug is not on the strip: no source says which episode it is in." in html
    assert "left out" not in html


def test_a_drama_without_votes_says_so(client):
    cast = cast_for(slug="quiet")
    cast.scene(cast.him, cast.her)
    html = client.get("/dramas/quiet/").content.decode()
    assert "No votes yet." in html
    assert "Not enough votes yet: a back hug needs at least 10, most of them awesome." in html


def drama_highlights(cast):
    profile = profiles.drama_profile(cast.drama, Scene.objects.published().filter(drama=cast.drama))
    return profile.most_awesome, profile.most_awkward


def test_a_split_scene_is_never_both_the_most_awesome_and_the_most_awkward(db):
    cast = cast_for()
    split = set_tallies(cast.scene(cast.him, cast.her), awesome=6, awkward=5)
    assert drama_highlights(cast) == (split, None)  # 6 of 11 lean awesome: awesome only
    set_tallies(split, awesome=5, awkward=5)
    assert drama_highlights(cast) == (None, None)  # an even split leans neither way


def test_a_scene_most_fans_find_awkward_is_not_the_dramas_most_awesome(db):
    cast = cast_for()
    cringe = set_tallies(cast.scene(cast.him, cast.her), awesome=4, awkward=17)
    assert drama_highlights(cast) == (None, cringe)


def test_the_most_awesome_is_the_surest_not_the_highest_share(db):
    cast = cast_for()
    set_tallies(cast.scene(cast.him, cast.her), awesome=10, awkward=0)
    sure = set_tallies(cast.scene(cast.her, cast.him), awesome=90, awkward=10)
    assert drama_highlights(cast) == (sure, None)


def test_a_scene_with_few_votes_is_no_superlative_and_the_page_says_why(client):
    cast = cast_for(slug="quiet")
    set_tallies(cast.scene(cast.him, cast.her), awesome=3)
    set_tallies(cast.scene(cast.her, cast.him), awkward=2)
    assert drama_highlights(cast) == (None, None)
    html = client.get("/dramas/quiet/").content.decode()
    highlights = re.search(r'<dl class="highlights">.*?</dl>', html, re.S).group(0)
    assert "Not enough votes yet: a back hug needs at least 10, most of them awesome." in highlights
    assert "Not enough votes yet: a back hug needs at least 10, most of them awkward." in highlights
    assert "/scenes/" not in highlights


def test_the_actor_page_counts_back_hugs_given_and_received_by_drama(client, heirs):
    other = cast_for(title="Boys Over Flowers", slug="boys-over-flowers", year=2009, episodes=25)
    other.him.actor = heirs.him.actor
    other.him.save()
    other.scene(other.him, other.her)
    rows = profiles.actor_back_hugs_by_drama(heirs.him.actor, Scene.objects.published())
    assert [(row["drama__slug"], row["given"], row["received"]) for row in rows] == [
        ("the-heirs", 1, 1),
        ("boys-over-flowers", 1, 0),
    ]
    html = client.get(heirs.him.actor.get_absolute_url()).content.decode()
    assert "By drama" in html
    assert f'href="/scenes/?drama=the-heirs&amp;actor={heirs.him.actor.slug}&amp;sort=story"' in html


# ---- The trope guide ----


def test_the_trope_guide_gives_each_trope_its_count_awesome_share_and_best_scenes(heirs):
    entries = {entry.trope.slug: entry for group in trope_guide() for entry in group.entries}
    comfort = entries["comfort"]
    assert comfort.tally == stats.Tally(scenes=2, awesome=12, awkward=4)
    assert comfort.tally.awesome_share == 75
    assert comfort.best == [heirs.first, heirs.third]  # by awesome_score: 9–1 before 3–3
    assert entries["girl-initiated"].tally == stats.Tally(scenes=1, awesome=2, awkward=8)
    assert entries["girl-initiated"].best == [heirs.second]
    assert entries["second-lead"].best == [heirs.third]
    assert entries["boy-initiated"].best == [heirs.first, heirs.third]
    assert entries["neck-kiss"].tally.scenes == 0 and entries["neck-kiss"].best == []


def test_best_scenes_are_the_top_three_by_awesome_score(db):
    cast = cast_for()
    scenes = [
        set_tallies(cast.scene(cast.him, cast.her, tropes=["protection"]), awesome=awesome, awkward=1)
        for awesome in (1, 8, 3, 20, 0)
    ]
    best = best_scenes_by_trope(Scene.objects.published(), [scenes[0].tropes.get()])
    assert [scene.awesome_count for scene in next(iter(best.values()))] == [20, 8, 3]


def test_the_meaning_group_reads_as_a_guide_to_what_a_back_hug_can_say(client, heirs):
    meaning = next(group for group in trope_guide() if group.is_meaning)
    assert {entry.trope.slug for entry in meaning.entries} == set(MEANING_LINES)
    html = client.get("/tropes/").content.decode()
    assert "Meaning: what a back hug can say" in html
    for line in (
        "You are safe with me.",
        "You do not have to face this alone.",
        "You are mine.",
        "Surprise: I am here.",
    ):
        assert f"“{line}”" in html
    assert "12 awesome of 16 votes" not in html  # best scenes show their own votes, not the trope's
    assert "75% awesome" in html


@pytest.mark.parametrize(
    ("url", "limit"),
    [("/dramas/the-heirs/", 12), ("/tropes/", 14), ("actor", 9)],
)
def test_profile_pages_queries_stay_fixed_from_1_to_30_scenes(client, django_assert_max_num_queries, url, limit):
    cast = cast_for(slug="the-heirs", episodes=40)
    target = cast.him.actor.get_absolute_url() if url == "actor" else url

    def add(count):
        for number in range(count):
            scene = cast.scene(cast.him, cast.her, episode=1 + number, tropes=["comfort", "lingering"], image=True)
            set_tallies(scene, awesome=number + 1, awkward=2)

    add(1)
    with_one = count_queries(client, django_assert_max_num_queries, target, limit)
    add(29)
    with_thirty = count_queries(client, django_assert_max_num_queries, target, limit)
    assert with_thirty == with_one


def test_one_episode_with_a_back_hug_reads_as_one(client):
    cast = cast_for(slug="single", episodes=16)
    cast.scene(cast.him, cast.her, episode=4)
    assert "1 of 16 episodes has a back hug." in client.get("/dramas/single/").content.decode()
