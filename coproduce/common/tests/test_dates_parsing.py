from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from django.core.exceptions import ValidationError

from coproduce.common.dates.fields import day_field
from coproduce.common.dates.parsing import (
    EARLIEST,
    LATEST,
    DateError,
    parse_day,
    parse_instant,
    parse_month,
    within_bounds,
)


def test_a_day_is_read_from_iso_digits():
    """'2026-03-27' is that day."""
    assert parse_day("2026-03-27") == date(2026, 3, 27)


@pytest.mark.parametrize(
    "text", ["", "27/03/2026", "2026-3-27", "２０２６-03-27", "٢٠٢٦-03-27", "2026-03-27\n", None, 1]
)
def test_a_day_in_another_shape_or_script_is_refused(text):
    """Only year-month-day in ASCII digits is read."""
    with pytest.raises(DateError, match="year-month-day"):
        parse_day(text)


def test_a_day_that_does_not_exist_is_refused():
    """30 February is not a real day."""
    with pytest.raises(DateError, match="not a real day"):
        parse_day("2026-02-30")


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1899-12-31", "2201-01-01"])
def test_a_day_outside_1900_to_2200_is_refused(text):
    """The ends of Python's calendar, where sums of days overflow, are never let in."""
    with pytest.raises(DateError, match="from 1900 to 2200"):
        parse_day(text)


def test_the_bounds_themselves_are_allowed_and_a_use_may_narrow_them():
    """1900-01-01 and 2200-12-31 are in; a use passing its own bounds gets those."""
    assert parse_day(EARLIEST.isoformat()) == EARLIEST
    assert parse_day(LATEST.isoformat()) == LATEST
    with pytest.raises(DateError, match="from 2000-01-01 to 2100-12-31"):
        within_bounds(date(2101, 1, 1), earliest=date(2000, 1, 1), latest=date(2100, 12, 31))


def test_a_month_is_its_first_day():
    """'2026-03' is 1 March 2026."""
    assert parse_month("2026-03") == date(2026, 3, 1)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-3", "March", "²⁰²⁶-⁰³", ""])
def test_a_malformed_month_is_refused(text):
    """A month outside 01 to 12, or not written year-month in ASCII digits, is refused."""
    with pytest.raises(DateError, match="for example 2026-03"):
        parse_month(text)


def test_a_month_outside_its_bounds_is_refused():
    """A room's calendar runs to 2100: December 9999 is refused with the bounds named."""
    with pytest.raises(DateError, match="from 2000-01 to 2100-12"):
        parse_month("9999-12", earliest=date(2000, 1, 1), latest=date(2100, 12, 31))


def test_an_instant_keeps_its_offset():
    """An ISO 8601 time with an offset (or Z) is that instant."""
    assert parse_instant("2026-03-27T18:00:00+01:00") == datetime(
        2026, 3, 27, 18, tzinfo=timezone(timedelta(hours=1))
    )
    assert parse_instant("2026-03-27T17:00Z") == datetime(2026, 3, 27, 17, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    ["2026-03-27T18:00:00", "2026-03-27", "tomorrow", "２０２６-03-27T18:00Z", 20260327, None],
)
def test_an_instant_without_an_offset_or_in_another_shape_is_refused(text):
    """A time with no offset could be any of several instants, so it is refused."""
    with pytest.raises(DateError, match="with its offset"):
        parse_instant(text)


@pytest.mark.parametrize("text", ["9999-12-31T23:00:00+00:00", "0001-01-01T00:00:00+01:00"])
def test_an_instant_at_the_ends_of_the_calendar_is_refused(text):
    """Times that overflow when turned into UTC or stepped by a day are refused."""
    with pytest.raises(DateError, match="from 1900 to 2200"):
        parse_instant(text)


def test_the_day_field_refuses_year_9999_with_a_form_error():
    """Every form's date field says which years it takes, rather than failing later."""
    field = day_field("Date", "Enter the date")
    assert field.clean("27/3/2026") == date(2026, 3, 27)
    with pytest.raises(ValidationError, match="in a year from 1900 to 2200"):
        field.clean("31/12/9999")
