"""Free time of a room: availability windows minus bookings. Pure Python, no Django import.

Windows are written in local wall-clock time (a school hall is free 18:00 to 22:00 on weekday
evenings, whatever the season). Each day's window is turned into an aware instant with the
zone's rules for that day, so a window keeps its local hours across the change between GMT
and BST, and the instants (compared in UTC) are what bookings are checked against.

Intervals are half-open, [start, end): a booking ending at 20:00 and one starting at 20:00 do
not overlap.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# London wall-clock time is shared with every app that takes dates and times.
from coproduce.common.dates.local import LONDON, day_bounds, local_instant

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class Window:
    """Open on these weekdays (Monday is 0) from `opens` to `closes`, local time, between
    `valid_from` and `valid_to` (both inclusive; None means no end)."""

    weekdays: frozenset[int]
    opens: time
    closes: time
    valid_from: date
    valid_to: date | None = None

    def applies_on(self, day: date) -> bool:
        return (
            day.weekday() in self.weekdays
            and self.valid_from <= day
            and (self.valid_to is None or day <= self.valid_to)
        )


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sorted, with touching and overlapping intervals joined; empty ones dropped."""
    result: list[Interval] = []
    for start, end in sorted(i for i in intervals if i[0] < i[1]):
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1] = (result[-1][0], end)
        else:
            result.append((start, end))
    return result


def window_intervals(
    windows: Sequence[Window], first: date, last: date, tz: ZoneInfo = LONDON
) -> list[Interval]:
    """Every open interval from the start of `first` to the end of `last`, merged, in UTC."""
    found: list[Interval] = []
    day = first
    one_day = timedelta(days=1)
    while day <= last:
        for window in windows:
            if not window.applies_on(day) or window.opens >= window.closes:
                continue
            start = local_instant(day, window.opens, tz)
            end = local_instant(day, window.closes, tz)
            if start is None or end is None:
                continue  # a window edge in the skipped hour: rare, and not worth guessing
            found.append((start, end))
        day += one_day
    return merge(found)


def subtract(free: Sequence[Interval], busy: Iterable[Interval]) -> list[Interval]:
    """`free` (merged) with every `busy` interval taken out. Linear after sorting `busy`."""
    busy_merged = merge(busy)
    result: list[Interval] = []
    j = 0
    for start, end in free:
        cursor = start
        # Skip busy intervals that end before this free one starts.
        while j < len(busy_merged) and busy_merged[j][1] <= cursor:
            j += 1
        k = j
        while k < len(busy_merged) and busy_merged[k][0] < end:
            b_start, b_end = busy_merged[k]
            if b_start > cursor:
                result.append((cursor, b_start))
            cursor = max(cursor, b_end)
            if cursor >= end:
                break
            k += 1
        if cursor < end:
            result.append((cursor, end))
    return result


def intersect(a: Sequence[Interval], b: Sequence[Interval]) -> list[Interval]:
    """The parts of merged `a` that are also in merged `b`."""
    result: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if start < end:
            result.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return result


def covers(intervals: Sequence[Interval], start: datetime, end: datetime) -> bool:
    """Whether one of the merged intervals holds all of [start, end)."""
    return any(s <= start and end <= e for s, e in intervals)


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def total_hours(intervals: Iterable[Interval]) -> float:
    return sum((end - start).total_seconds() for start, end in intervals) / 3600


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


@dataclass(frozen=True)
class Day:
    """One day of a month: when the room is open, booked and free, in UTC."""

    day: date
    open: list[Interval]
    booked: list[Interval]
    free: list[Interval]


def month_days(
    windows: Sequence[Window],
    bookings: Iterable[Interval],
    year: int,
    month: int,
    tz: ZoneInfo = LONDON,
) -> list[Day]:
    """Each day of the month with its open, booked and free intervals."""
    first, last = month_bounds(year, month)
    open_all = window_intervals(windows, first, last, tz)
    booked_all = intersect(merge(bookings), open_all)
    free_all = subtract(open_all, booked_all)
    days: list[Day] = []
    day = first
    while day <= last:
        start, end = day_bounds(day, day, tz)
        days.append(
            Day(
                day=day,
                open=_within(open_all, start, end),
                booked=_within(booked_all, start, end),
                free=_within(free_all, start, end),
            )
        )
        day += timedelta(days=1)
    return days


def _within(intervals: Sequence[Interval], start: datetime, end: datetime) -> list[Interval]:
    """The parts of sorted, disjoint `intervals` inside [start, end), found by bisection."""
    index = bisect_right(intervals, start, key=lambda interval: interval[1])
    found = []
    while index < len(intervals) and intervals[index][0] < end:
        s, e = intervals[index]
        if e > start:
            found.append((max(s, start), min(e, end)))
        index += 1
    return found
