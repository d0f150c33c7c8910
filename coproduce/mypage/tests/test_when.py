from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from coproduce.mypage.when import govuk_day, govuk_time, govuk_when


def london(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


@pytest.mark.parametrize(
    ("moment", "words"),
    [
        (london(2026, 12, 8, 18, 0), "6pm"),
        (london(2026, 12, 8, 18, 9), "6:09pm"),
        (london(2026, 12, 8, 9, 0), "9am"),
        (london(2026, 12, 8, 9, 30), "9:30am"),
        (london(2026, 12, 8, 12, 0), "midday"),
        (london(2026, 12, 8, 12, 15), "12:15pm"),
        (london(2026, 12, 8, 0, 0), "midnight"),
        (london(2026, 12, 8, 0, 5), "12:05am"),
    ],
)
def test_times_read_the_govuk_way(moment, words):
    """No leading zero, no full stops, "6pm" not "6:00pm", midday and midnight in words."""
    assert govuk_time(moment) == words


def test_a_summer_time_is_shown_in_london_time():
    """An instant stored in UTC reads as the London wall clock (BST in June)."""
    moment = datetime(2026, 6, 9, 17, 0, tzinfo=UTC)
    assert govuk_time(moment) == "6pm"


def test_the_year_is_left_out_this_year_only():
    """ "Tuesday 8 December" this year; the year is added for another year."""
    assert govuk_day(date(2026, 12, 8), today=date(2026, 12, 5)) == "Tuesday 8 December"
    assert govuk_day(date(2027, 1, 5), today=date(2026, 12, 5)) == "Tuesday 5 January 2027"


def test_when_joins_day_and_time():
    """ "Tuesday 8 December, 6pm"."""
    moment = london(2026, 12, 8, 18, 0)
    assert govuk_when(moment, today=date(2026, 12, 5)) == "Tuesday 8 December, 6pm"
