"""The pure arithmetic: ages, weights and weighted totals."""

from datetime import date

from coproduce.commissioning.sums import (
    adult_from,
    age_on,
    is_child,
    needs_guardian_consent,
    summarise,
    weighted_total,
    weights_problem,
)


def test_age_counts_whole_years():
    """A birthday not yet reached this year does not count."""
    assert age_on(date(2010, 6, 1), date(2026, 5, 31)) == 15
    assert age_on(date(2010, 6, 1), date(2026, 6, 1)) == 16


def test_leap_day_birthdays_turn_on_the_first_of_march():
    """Someone born on 29 February is a year older from 1 March in other years."""
    assert age_on(date(2012, 2, 29), date(2027, 2, 28)) == 14
    assert age_on(date(2012, 2, 29), date(2027, 3, 1)) == 15


def test_under_sixteen_needs_consent():
    """15 needs a parent or carer's consent; 16 does not."""
    assert needs_guardian_consent(date(2011, 1, 1), date(2026, 12, 5))
    assert not needs_guardian_consent(date(2010, 1, 1), date(2026, 12, 5))


def test_weights_must_add_up_to_one_hundred():
    """No weights, a zero weight, or a wrong sum are each refused."""
    assert weights_problem([]) == "none"
    assert weights_problem([100, 0]) == "zero"
    assert weights_problem([60, 30]) == "sum"
    assert weights_problem([60, 40]) is None


def test_weighted_total_is_out_of_one_hundred():
    """Top marks everywhere make 100; the weights decide the rest."""
    weights = {1: 60, 2: 40}
    assert weighted_total({1: 5, 2: 5}, weights, 5) == 100
    assert weighted_total({1: 5, 2: 0}, weights, 5) == 60
    assert weighted_total({1: 3, 2: 4}, weights, 5) == 68


def test_summary_gives_mean_median_and_spread():
    """Spread is the highest total less the lowest."""
    summary = summarise([60.0, 80.0, 70.0])
    assert (summary.mean, summary.median, summary.spread) == (70.0, 70.0, 20.0)
    assert summarise([]).mean is None


def test_someone_turns_18_on_their_birthday_or_1_march_for_29_february():
    assert adult_from(date(2008, 6, 15)) == date(2026, 6, 15)
    assert adult_from(date(2008, 2, 29)) == date(2026, 3, 1)
    born = date(2008, 2, 29)
    assert is_child(born, date(2026, 2, 28)) and not is_child(born, adult_from(born))
