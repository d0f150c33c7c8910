"""Tests of spans: a span of time written the GOV.UK way, in London time."""

from datetime import date, datetime

from django.utils import timezone

from coproduce.bookings.spans import day, span


def _at(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def test_day_adds_the_year_only_when_it_is_not_this_year():
    """'Tuesday 8 December' this year; 'Wednesday 8 December 2027' another."""
    today = date(2026, 12, 5)
    assert day(_at(2026, 12, 8, 18), today=today) == "Tuesday 8 December"
    assert day(_at(2027, 12, 8, 18), today=today) == "Wednesday 8 December 2027"


def test_span_is_in_london_time():
    """A UTC instant in summer is written an hour later, as London reads it."""
    from datetime import UTC

    start = datetime(2026, 6, 1, 17, tzinfo=UTC)
    assert span(start, start.replace(hour=18), today=date(2026, 1, 1)) == (
        "from 6pm to 7pm on Monday 1 June"
    )


def test_span_on_one_day_and_across_days():
    """One day: 'from 6pm to 8pm on ...'; across midnight both days are named."""
    today = date(2026, 12, 5)
    assert (
        span(_at(2026, 12, 8, 18), _at(2026, 12, 8, 20), today=today)
        == "from 6pm to 8pm on Tuesday 8 December"
    )
    assert (
        span(_at(2026, 12, 8, 18), _at(2026, 12, 9, 2), today=today)
        == "from 6pm on Tuesday 8 December to 2am on Wednesday 9 December"
    )
