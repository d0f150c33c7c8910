"""London wall-clock time and the instants it names. Pure Python, no Django import.

People write times in local wall-clock time (a meeting at 18:00, whatever the season). Each
is turned into an aware instant with the zone's rules for that day, so it keeps its local
hour across the change between GMT and BST, and the instants (compared in UTC) are what is
stored and checked.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def local_instant(day: date, at: time, tz: ZoneInfo = LONDON) -> datetime | None:
    """The aware UTC instant of a wall-clock time on a day, or None if the clocks skip it.

    In the hour the clocks go back, the earlier of the two instants is taken (fold=0).
    """
    naive = datetime.combine(day, at)
    aware = naive.replace(tzinfo=tz)
    # A time skipped when the clocks go forward does not survive the round trip.
    if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != naive:
        return None
    return aware.astimezone(UTC)


def day_bounds(first: date, last: date, tz: ZoneInfo = LONDON) -> tuple[datetime, datetime]:
    """The instants at local midnight starting `first` and ending `last`, in UTC."""
    start = datetime.combine(first, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return start, end
