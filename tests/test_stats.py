"""/stats/: numbers counted by the database, checked against a small catalogue counted by hand."""

import io
import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from scenes.models import Scene, StatsSnapshot
from scenes.stats import numbers as stats
from tests.caching import cold_cache
from tests.discovery_support import cast_for, count_queries, set_tallies
from tests.factories import SceneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue():
    """
    Counted by hand:

    Heirs (2013)  s1 him→her        5 awesome 1 awkward   comfort
                  s2 her→him        2 awesome 2 awkward   comfort, possession        girl-initiated
                  s3 second him→her 0 awesome 3 awkward   possession, reluctant      second lead
    Goblin (2016) s4 him→her        4 awesome 4 awkward
                  s5 second her→him 1 awesome 0 awkward                              girl-initiated, second lead
    plus a pending scene with many votes that counts nowhere.
    """
    heirs = cast_for(title="The Heirs", slug="the-heirs", year=2013, episodes=20)
    goblin = cast_for(title="Goblin", slug="goblin", year=2016, episodes=16)
    scenes = {
        "s1": set_tallies(heirs.scene(heirs.him, heirs.her, tropes=["comfort"]), awesome=5, awkward=1),
        "s2": set_tallies(heirs.scene(heirs.her, heirs.him, tropes=["comfort", "possession"]), awesome=2, awkward=2),
        "s3": set_tallies(
            heirs.scene(heirs.second_him, heirs.her, tropes=["possession", "reluctant"]), awesome=0, awkward=3
        ),
        "s4": set_tallies(goblin.scene(goblin.him, goblin.her), awesome=4, awkward=4),
        "s5": set_tallies(goblin.scene(goblin.second_her, goblin.him), awesome=1, awkward=0),
    }
    pending = heirs.scene(heirs.him, heirs.her, tropes=["comfort"], status=Scene.Status.PENDING, published_at=None)
    set_tallies(pending, awesome=50, awkward=50)
    return scenes


def test_overall_totals_count_published_scenes_and_their_votes(catalogue):
    numbers = stats.compute_site_stats()
    assert numbers.overall == stats.Tally(scenes=5, awesome=12, awkward=10)
    assert (numbers.girl_initiated, numbers.second_lead) == (2, 2)


def test_awkward_vs_awesome_per_drama_sums_the_scenes_tallies(catalogue):
    dramas = {drama.slug: drama.tally for drama in stats.compute_site_stats().dramas}
    assert dramas == {
        "the-heirs": stats.Tally(scenes=3, awesome=7, awkward=6),
        "goblin": stats.Tally(scenes=2, awesome=5, awkward=4),
    }
    assert dramas["the-heirs"].awesome_share == 54  # 7 of 13
    assert dramas["goblin"].awesome_share == 56  # 5 of 9


def test_back_hugs_by_year_with_girl_initiated_and_second_lead_counts(catalogue):
    years = {
        year.year: (year.scenes, year.dramas, year.girl_initiated, year.second_lead)
        for year in stats.compute_site_stats().years
    }
    assert years == {2013: (3, 1, 1, 1), 2016: (2, 1, 1, 1)}


def test_trope_counts_and_tallies_cover_curated_and_derived_tropes(catalogue):
    tallies = {item.trope.slug: item.tally for item in stats.compute_site_stats().tropes if item.tally.scenes}
    assert tallies == {
        "comfort": stats.Tally(scenes=2, awesome=7, awkward=3),
        "possession": stats.Tally(scenes=2, awesome=2, awkward=5),
        "reluctant": stats.Tally(scenes=1, awesome=0, awkward=3),
        "boy-initiated": stats.Tally(scenes=3, awesome=9, awkward=8),
        "girl-initiated": stats.Tally(scenes=2, awesome=3, awkward=2),
        "second-lead": stats.Tally(scenes=2, awesome=1, awkward=3),
    }


def test_splits_among_fewer_than_ten_fans_are_not_the_most_controversial(catalogue):
    # s4 (4–4) and s2 (2–2) are split, but among 8 and 4 fans: too few to call them controversial.
    assert stats.compute_site_stats().controversial == []


def test_most_controversial_are_the_surest_splits_and_a_two_two_split_never_tops_them(db):
    cast = cast_for()
    tiny = set_tallies(cast.scene(cast.him, cast.her), awesome=2, awkward=2)
    small = set_tallies(cast.scene(cast.her, cast.him), awesome=7, awkward=4)
    big = set_tallies(cast.scene(cast.second_him, cast.her), awesome=30, awkward=28)
    set_tallies(cast.scene(cast.him, cast.second_her), awesome=30, awkward=8)  # a landslide, not a split

    controversial = [scene.pk for scene in stats.compute_site_stats().controversial]

    assert controversial == [big.pk, small.pk]
    sorted_catalogue = list(Scene.objects.published().by_controversy()[:2])
    assert sorted_catalogue == [big, small] and tiny not in sorted_catalogue


def test_the_controversy_chart_says_when_not_enough_votes_are_in(catalogue):
    from scenes.stats.charts import controversy_chart

    chart = controversy_chart(stats.compute_site_stats())
    assert chart.rows == []
    assert chart.summary.startswith("Not enough votes yet: a back hug is listed here once at least 10 fans")


def test_a_drama_with_few_votes_is_not_named_the_most_awesome_or_awkward(db):
    from scenes.stats.charts import stats_charts

    loved, loathed = cast_for(title="Loved"), cast_for(title="Loathed")
    set_tallies(loved.scene(loved.him, loved.her), awesome=3)
    set_tallies(loathed.scene(loathed.him, loathed.her), awkward=3)
    charts = {chart.slug: chart for chart in stats_charts(stats.compute_site_stats())}
    assert charts["dramas"].summary.startswith("Not enough votes yet to name the most awesome or the most awkward")

    set_tallies(loved.scene(loved.her, loved.him), awesome=12, awkward=4)
    charts = {chart.slug: chart for chart in stats_charts(stats.compute_site_stats())}
    assert "Loved reads the most awesome (79% of 19 votes); not enough votes lean awkward" in charts["dramas"].summary


def test_the_stats_page_shows_the_numbers_in_tables_and_links_bars_to_the_catalogue(client, catalogue):
    response = client.get("/stats/")
    assert response.status_code == 200
    html = response.content.decode()
    # Awkward vs awesome per drama: each part of a bar opens that drama's scenes with that verdict.
    assert 'href="/scenes/?drama=the-heirs&amp;verdict=awesome"' in html
    assert 'href="/scenes/?drama=goblin&amp;verdict=awkward"' in html
    # Years link to the year filter; the share chart to the year and the trope.
    assert 'href="/scenes/?year=2013"' in html
    assert 'href="/scenes/?year=2016&amp;trope=girl-initiated"' in html
    assert 'href="/scenes/?trope=possession"' in html
    # Hand-counted numbers appear in the tables.
    table = re.search(r'id="chart-dramas".*?</figure>', html, re.S).group(0)
    assert re.search(
        r"The Heirs</a></th><td class=\"numeric\"><a [^>]*>3</a></td><td class=\"numeric\"><a [^>]*>7</a>", table
    )
    assert "54%" in table and "56%" in table


def test_every_chart_has_a_title_a_text_summary_and_a_table(client, catalogue):
    set_tallies(catalogue["s4"], awesome=6, awkward=5)  # enough fans split for the controversy chart
    html = client.get("/stats/").content.decode()
    assert f'href="/scenes/{catalogue["s4"].pk}/"' in html
    charts = re.findall(r'<figure class="chart".*?</figure>', html, re.S)
    assert len(charts) == 6
    for chart in charts:
        assert "<figcaption" in chart and 'class="chart__summary"' in chart
        assert "<svg" in chart and "<title" in chart and "<desc" in chart
        assert "<table>" in chart and '<th scope="col"' in chart


def test_summaries_are_sentences_from_the_numbers(catalogue):
    from scenes.stats.charts import stats_charts

    charts = {chart.slug: chart for chart in stats_charts(stats.compute_site_stats())}
    # Goblin's 56% of 9 votes is the higher share, but too few votes to call it the most awesome.
    assert charts["dramas"].summary.startswith(
        "Among the 2 dramas fans voted on most, The Heirs reads the most awesome (54% of 13 votes); not enough"
    )
    assert charts["years"].summary == "5 back hugs from dramas broadcast 2013–2016; 2013 has the most (3)."
    assert "Overall 40% of back hugs are girl-initiated and 40% come from a second lead" in charts["shares"].summary
    assert charts["tropes"].summary == "Boy-initiated is the most common trope, on 3 of 5 back hugs (60%)."


def test_the_year_chart_keeps_years_without_back_hugs_on_the_time_line(catalogue):
    from scenes.stats.charts import year_chart

    rows = year_chart(stats.compute_site_stats()).rows
    assert [row.label for row in rows] == ["2013", "2014", "2015", "2016"]
    assert [row.value for row in rows] == ["3 back hugs", "none", "none", "2 back hugs"]


def test_an_empty_catalogue_gets_a_page_with_empty_charts(client):
    response = client.get("/stats/")
    assert response.status_code == 200
    assert "No back hugs are published yet." in response.content.decode()


def test_the_numbers_are_cached_for_a_few_minutes(catalogue):
    stats.site_stats()
    with CaptureQueriesContext(connection) as captured:
        again = stats.site_stats()
    assert len(captured) == 0
    assert again.overall.scenes == 5


def test_the_charts_are_drawn_again_when_the_numbers_are_counted_again(client, catalogue, without_response_cache):
    before = client.get("/stats/").content.decode()
    assert re.search(r"<strong>5</strong> back hugs", before)
    SceneFactory()
    # The same numbers, cached for a few minutes...
    assert re.search(r"<strong>5</strong> back hugs", client.get("/stats/").content.decode())
    stats.site_stats(use_cache=False)  # ...until they are counted again.
    after = client.get("/stats/").content.decode()
    assert re.search(r"<strong>6</strong> back hugs", after)
    assert "6 back hugs" in re.sub(r"<[^>]+>", "", after.split('class="chart-grid"')[1])  # The charts too.


def test_the_numbers_outlive_a_cache_flush_in_their_snapshot(catalogue, django_assert_max_num_queries):
    counted = stats.site_stats()
    cache.clear()
    with django_assert_max_num_queries(2):  # The snapshot and its tropes; nothing is counted again.
        again = stats.site_stats()
    assert again == counted
    assert again.overall.scenes == 5 and again.tropes and again.dramas and again.years


def test_a_stale_snapshot_is_counted_again(catalogue):
    stats.site_stats()
    SceneFactory()
    cache.clear()
    assert stats.site_stats().overall.scenes == 5  # Fresh enough: the snapshot's numbers.
    StatsSnapshot.objects.update(computed_at=timezone.now() - timedelta(seconds=stats.STATS_CACHE_SECONDS + 1))
    cache.clear()
    assert stats.site_stats().overall.scenes == 6


def test_refresh_stats_counts_again_for_the_next_reader(catalogue):
    stats.site_stats()
    SceneFactory()
    out = io.StringIO()
    call_command("refresh_stats", stdout=out)
    assert "Counted 6 published scenes" in out.getvalue()
    cache.clear()
    assert stats.site_stats().overall.scenes == 6


def test_the_stats_cost_four_queries_computed_in_the_database(catalogue):
    cold_cache()
    with CaptureQueriesContext(connection) as captured:
        stats.compute_site_stats()
    assert len(captured) == 4
    # From the scenes' own tallies: the million vote rows are never read.
    assert not any("community_vote" in query["sql"] for query in captured)


def test_the_stats_page_queries_stay_fixed_from_1_to_30_scenes(client, django_assert_max_num_queries):
    cast = cast_for(year=2013)
    set_tallies(cast.scene(cast.him, cast.her, tropes=["comfort"]), awesome=3, awkward=2)
    # Cold: no snapshot, so the page counts (4 queries) and keeps the numbers (the snapshot's write).
    with_one = count_queries(client, django_assert_max_num_queries, "/stats/", 9)
    for number in range(29):
        other = cast_for(year=2000 + number % 20)
        set_tallies(
            other.scene(other.second_her, other.him, tropes=["comfort", "lingering"]), awesome=number, awkward=2
        )
    with_thirty = count_queries(client, django_assert_max_num_queries, "/stats/", 9)
    assert with_thirty == with_one


# ---- The year filter the charts link to ----


def test_the_year_filter_keeps_back_hugs_of_dramas_broadcast_that_year(client, catalogue):
    response = client.get("/scenes/?year=2016")
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("abc", "The year is a broadcast year, like year=2013."),
        ("2013.5", "The year is a broadcast year, like year=2013."),
        ("1900", "Dramas in the catalogue aired from 1950 to 2100."),
        ("99999999999999999999", "Dramas in the catalogue aired from 1950 to 2100."),
    ],
)
def test_a_year_that_is_not_a_broadcast_year_gets_a_400_with_a_message(client, db, year, message):
    SceneFactory()
    response = client.get("/scenes/", {"year": year})
    assert response.status_code == 400
    assert message in response.content.decode()
