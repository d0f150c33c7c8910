"""The counting maths, alone (no database)."""

import pytest

from coproduce.surveys import tally


def test_share_rounds_to_a_whole_percentage():
    """A share is a whole percentage of the total."""
    assert tally.share(1, 3) == 33


def test_share_of_nothing_is_zero():
    """With nobody answering, every share is 0 rather than a division by zero."""
    assert tally.share(0, 0) == 0


def test_scale_spread_gives_mean_median_range_and_deviation():
    """Two people at 1 and two at 5: mean 3, median 3, range 1 to 5, deviation 2."""
    spread = tally.scale_spread({1: 2, 5: 2})
    assert (spread.count, spread.mean, spread.median) == (4, 3.0, 3.0)
    assert (spread.lowest, spread.highest) == (1, 5)
    assert spread.standard_deviation == pytest.approx(2.0)


def test_scale_spread_median_of_an_odd_count():
    """The median of 1, 2, 2 is 2."""
    assert tally.scale_spread({1: 1, 2: 2}).median == 2.0


def test_scale_spread_of_no_answers_is_empty():
    """No answers: a count of 0 and no average."""
    spread = tally.scale_spread({3: 0})
    assert spread.count == 0 and spread.mean is None


def test_ranking_finds_a_number_used_twice():
    """Two options given 1 is a number used twice, and 2 is missing."""
    assert tally.ranking_problems({"a": 1, "b": 1, "c": 3}, 3) == ([1], [2])


def test_ranking_left_empty_has_no_problems():
    """A ranking left wholly empty is not wrong (the question may be optional)."""
    assert tally.ranking_problems({"a": None, "b": None}, 2) == ([], [])


def test_ranking_partly_filled_misses_places():
    """A ranking with a place left out says which."""
    assert tally.ranking_problems({"a": 1, "b": None, "c": 2}, 3) == ([], [3])
