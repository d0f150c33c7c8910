from datetime import UTC, datetime, timedelta

import pytest

from coproduce.backups.retention import Policy, to_keep, to_remove

START = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)


def nightly(days: int) -> list[datetime]:
    return [START + timedelta(days=n) for n in range(days)]


def test_a_year_of_nightly_backups_keeps_days_weeks_and_months():
    times = nightly(365)
    kept = to_keep(times, Policy(daily=7, weekly=4, monthly=12))
    newest = max(times)
    assert newest in kept
    # The last seven days, all of them.
    assert all(newest - timedelta(days=n) in kept for n in range(7))
    # One per month for twelve months, one per week for four: at most 7 + 4 + 12 in all.
    assert len(kept) <= 23
    assert len({(t.year, t.month) for t in kept}) == 12
    assert sorted(to_remove(times, Policy())) == sorted(set(times) - kept)


def test_two_backups_on_one_day_keep_the_newest_of_that_day():
    morning, evening = START, START + timedelta(hours=12)
    assert to_keep([morning, evening], Policy(daily=1, weekly=0, monthly=0)) == {evening}


def test_a_policy_of_zeros_still_keeps_the_newest():
    times = nightly(10)
    assert to_keep(times, Policy(daily=0, weekly=0, monthly=0)) == {max(times)}


def test_nothing_to_keep_from_nothing():
    assert to_keep([], Policy()) == set()
    assert to_remove([], Policy()) == []


def test_a_negative_policy_is_refused():
    with pytest.raises(ValueError, match="negative"):
        Policy(daily=-1)
