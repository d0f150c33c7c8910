from datetime import datetime

import pytest

from coproduce.places import hours

WEEKDAYS = [{"day": d, "opens": "09:00", "closes": "17:30"} for d in range(5)]


def test_open_inside_hours_and_closed_outside():
    """A weekday 9 to 5:30 place is open on Monday at 09:00 and 17:29, closed at 17:30."""
    monday = datetime(2026, 11, 23)
    assert hours.is_open(WEEKDAYS, monday.replace(hour=9))
    assert hours.is_open(WEEKDAYS, monday.replace(hour=17, minute=29))
    assert not hours.is_open(WEEKDAYS, monday.replace(hour=17, minute=30))
    assert not hours.is_open(WEEKDAYS, datetime(2026, 11, 29, 12))  # Sunday


def test_hours_past_midnight_run_into_the_next_day():
    """Sunday 22:00 to 02:00 is open early on Monday morning, wrapping round the week."""
    late = [{"day": 6, "opens": "22:00", "closes": "02:00"}]
    assert hours.is_open(late, datetime(2026, 11, 29, 23))
    assert hours.is_open(late, datetime(2026, 11, 30, 1, 45))
    assert not hours.is_open(late, datetime(2026, 11, 30, 2))


def test_closing_at_24_00_means_midnight():
    """24:00 is allowed as a closing time and covers the last quarter hour of the day."""
    mask = hours.week_mask([{"day": 0, "opens": "20:00", "closes": "24:00"}])
    assert mask[hours.SLOTS_PER_DAY - 1] == "1"
    assert mask[hours.SLOTS_PER_DAY] == "0"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("Mon 9-5", "must be a list"),
        ([{"day": 7, "opens": "09:00", "closes": "10:00"}], "day must be 0"),
        ([{"day": 1, "opens": "9am", "closes": "10:00"}], "not a time"),
        ([{"day": 1, "opens": "10:00", "closes": "10:00"}], "the same"),
        ([{"day": 1, "opens": "10:00"}], "exactly day, opens and closes"),
    ],
)
def test_bad_hours_are_refused_with_a_reason(bad, message):
    """Each kind of mistake gets its own message."""
    with pytest.raises(hours.HoursError, match=message):
        hours.validate(bad)


def test_describe_lists_every_day():
    """The description has seven days, closed ones included."""
    described = dict(hours.describe(WEEKDAYS))
    assert described["Monday"] == "09:00 to 17:30"
    assert described["Sunday"] == "Closed"
