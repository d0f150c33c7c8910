"""Dates, months and instants from query strings and JSON, within bounds. No Django import.

Python's dates run from year 1 to 9999, but a day at either end cannot be used: the day after
9999-12-31 does not exist, and a local time in year 1 or 9999 cannot be turned into UTC
(`OverflowError`). Nothing in a borough's life, a booking, an event, a date a thing is due,
falls before 1900 or after 2200, so a date outside those years is a typing slip: refusing it
where it comes in keeps every sum of days and hours later on well inside what Python holds.
A use with a narrower sense of "sensible" (a room's calendar) passes its own bounds.

Only ASCII digits are read: `\\d` would also take "٢٠٢٦".
"""

from __future__ import annotations

import re
from datetime import date, datetime

EARLIEST = date(1900, 1, 1)
LATEST = date(2200, 12, 31)

_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
# An ISO 8601 instant with its offset: 2026-03-27T18:00:00+00:00 (seconds and fraction optional).
_INSTANT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:?[0-9]{2})"
)


class DateError(ValueError):
    """A date that cannot be used. str() is a plain message for the person."""


def within_bounds(
    day: date, *, name: str = "The date", earliest: date = EARLIEST, latest: date = LATEST
) -> date:
    """`day` itself if it is from `earliest` to `latest` (inclusive), else DateError."""
    if not earliest <= day <= latest:
        raise DateError(
            f"{name} must be from {earliest.isoformat()} to {latest.isoformat()}."
            if (earliest, latest) != (EARLIEST, LATEST)
            else f"{name} must be in a year from {EARLIEST.year} to {LATEST.year}."
        )
    return day


def parse_day(
    text: object, *, name: str = "The date", earliest: date = EARLIEST, latest: date = LATEST
) -> date:
    """'2026-03-27' as a date within bounds, or DateError."""
    match = _DAY.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise DateError(f"{name} must be written year-month-day, for example 2026-03-27.")
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise DateError(f"{name} is not a real day.") from None
    return within_bounds(day, name=name, earliest=earliest, latest=latest)


def parse_month(
    text: object, *, name: str = "The month", earliest: date = EARLIEST, latest: date = LATEST
) -> date:
    """'2026-03' as the first day of that month, within bounds, or DateError."""
    match = _MONTH.fullmatch(text) if isinstance(text, str) else None
    if match is None or not 1 <= int(match[2]) <= 12:
        raise DateError(f"{name} must be written year-month, for example 2026-03.")
    first = date(int(match[1]), int(match[2]), 1)
    if not earliest.replace(day=1) <= first <= latest:
        raise DateError(
            f"{name} must be from {earliest:%Y-%m} to {latest:%Y-%m}, for example 2026-03."
        )
    return first


def parse_instant(
    text: object, *, name: str = "The time", earliest: date = EARLIEST, latest: date = LATEST
) -> datetime:
    """'2026-03-27T18:00:00+00:00' as an aware datetime within bounds, or DateError.

    The offset is required: a time without one could be any of several instants.
    """
    if not isinstance(text, str) or not _INSTANT.fullmatch(text):
        raise DateError(
            f"{name} must be an ISO 8601 date and time with its offset, "
            "for example 2026-03-27T18:00:00+00:00."
        )
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise DateError(f"{name} is not a real date and time.") from None
    within_bounds(value.date(), name=name, earliest=earliest, latest=latest)
    return value
