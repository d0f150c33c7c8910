"""When jobs are due: minute marks in UTC, daily and weekly times in the council's time."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from coproduce.scheduler.rules import DailyAt, EveryMinutes

LONDON = ZoneInfo("Europe/London")


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def test_every_minute_is_the_minute_just_gone():
    """Every minute: the slot is now with its seconds dropped."""
    assert EveryMinutes(1).latest_slot(utc(2026, 12, 6, 5, 7, 59), LONDON) == utc(2026, 12, 6, 5, 7)


def test_every_fifteen_minutes_counts_from_midnight():
    """Every 15 minutes: slots at :00, :15, :30 and :45."""
    assert EveryMinutes(15).latest_slot(utc(2026, 12, 6, 5, 44), LONDON) == utc(2026, 12, 6, 5, 30)


@pytest.mark.parametrize("minutes", [0, 7, 2000])
def test_minutes_must_divide_a_day(minutes):
    """A rule that would drift across days is refused."""
    with pytest.raises(ValueError):
        EveryMinutes(minutes)


def test_daily_before_the_time_is_yesterdays_slot():
    """At 06:59 the latest daily 07:00 slot is yesterday's."""
    slot = DailyAt(time(7)).latest_slot(utc(2026, 12, 6, 6, 59), LONDON)
    assert slot == utc(2026, 12, 5, 7, 0)


def test_daily_is_local_time_in_summer():
    """In British Summer Time, 07:00 in London is 06:00 UTC."""
    slot = DailyAt(time(7)).latest_slot(utc(2026, 7, 1, 12, 0), LONDON)
    assert slot == utc(2026, 7, 1, 6, 0)


def test_daily_on_the_day_the_clocks_go_forward():
    """A time skipped by the clocks going forward (01:30 on 29 March 2026) runs an hour on."""
    slot = DailyAt(time(1, 30)).latest_slot(utc(2026, 3, 29, 12, 0), LONDON)
    assert slot == utc(2026, 3, 29, 1, 30)
    assert slot.astimezone(LONDON).hour == 2


def test_weekly_is_the_last_named_day():
    """On a Sunday the latest Monday 07:00 slot is six days back."""
    monday = DailyAt(time(7), frozenset({0}))
    assert monday.latest_slot(utc(2026, 12, 6, 12, 0), LONDON) == utc(2026, 11, 30, 7, 0)
    assert monday.latest_slot(utc(2026, 12, 7, 7, 0), LONDON) == utc(2026, 12, 7, 7, 0)


def test_rules_describe_themselves():
    """--list shows rules in words."""
    assert str(EveryMinutes(1)) == "every minute"
    assert str(DailyAt(time(7), frozenset({0}))) == "on Monday at 07:00"
    assert str(DailyAt(time(7))) == "daily at 07:00"
