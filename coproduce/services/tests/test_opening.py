from datetime import time

import pytest

from coproduce.services.opening import OpeningError, WeeklyOpening, day_runs, parse_opening


def test_reads_a_range_of_days_and_times():
    """'Mon-Fri 09:00-17:00' is every weekday from nine to five."""
    assert parse_opening("Mon-Fri 09:00-17:00") == [
        WeeklyOpening(days=("MO", "TU", "WE", "TH", "FR"), opens=time(9), closes=time(17))
    ]


def test_reads_several_parts_lists_and_full_day_names():
    """Parts split by ';'; days listed by ',' or spelt out; '.' or ':' in times."""
    openings = parse_opening("Tuesday, thu 9.30 - 12:30; Sat 10:00 to 12:00")
    assert openings[0] == WeeklyOpening(days=("TU", "TH"), opens=time(9, 30), closes=time(12, 30))
    assert openings[1].days == ("SA",)


def test_a_range_can_wrap_round_the_weekend():
    """'Sat-Mon' is Saturday, Sunday and Monday."""
    assert parse_opening("Sat-Mon 10:00-16:00")[0].days == ("MO", "SA", "SU")


def test_empty_text_is_no_opening_times():
    """No opening times given is not an error."""
    assert parse_opening("  ") == []


@pytest.mark.parametrize(
    "text",
    ["Mon-Fri", "Someday 09:00-10:00", "Mon 25:00-26:00", "Mon 17:00-09:00", "09:00-17:00"],
)
def test_unreadable_opening_times_are_errors(text):
    """Missing times, unknown days, impossible times and closing before opening are refused."""
    with pytest.raises(OpeningError):
        parse_opening(text)


def test_day_runs_groups_consecutive_days():
    """Runs of days are found in week order, whatever order they are given in."""
    assert day_runs(["SA", "MO", "WE", "TU"]) == [("MO", "WE", 3), ("SA", "SA", 1)]
