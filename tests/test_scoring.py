"""How a verdict reads: ranking by confidence, and when fans count as split."""

import pytest

from community import scoring


def test_many_sure_votes_rank_above_a_lucky_few():
    assert scoring.wilson_lower_bound(40, 50) > scoring.wilson_lower_bound(2, 2)


def test_no_votes_score_zero():
    assert scoring.wilson_lower_bound(0, 0) == 0.0
    assert scoring.controversy(0, 0) == 0.0


def test_the_bound_stays_below_the_raw_share():
    for positive, total in [(1, 1), (9, 10), (50, 100), (990, 1000)]:
        assert 0 <= scoring.wilson_lower_bound(positive, total) < positive / total


def test_a_big_even_split_is_more_controversial_than_a_small_one_or_a_landslide():
    assert scoring.controversy(50, 50) > scoring.controversy(5, 5) > 0
    assert scoring.controversy(50, 50) > scoring.controversy(90, 10)
    assert scoring.controversy(10, 0) == 0.0


def test_a_split_among_a_few_fans_is_not_controversy_yet():
    # The old score, total ** balance, put 2–2 (4.0) above 7–4 (3.9): four fans are no evidence of a split.
    assert scoring.controversy(2, 2) == scoring.controversy(5, 4) == 0.0
    assert scoring.controversy(7, 4) > 0
    assert scoring.controversy(10, 10) > scoring.controversy(7, 4)


@pytest.mark.parametrize(
    ("awesome", "awkward", "controversial"),
    [(3, 3, True), (20, 18, True), (1, 1, False), (10, 2, False), (0, 0, False)],
)
def test_controversial_means_enough_votes_close_to_even(awesome, awkward, controversial):
    assert scoring.is_controversial(awesome, awkward) is controversial


def test_share_of_awesome_is_rounded_percent():
    assert scoring.awesome_share(2, 1) == 67
    assert scoring.awesome_share(0, 0) is None
