"""Opening hours: reading, checking and showing them, and asking "is it open?". No Django import.

Places store hours as a list of {"day": 0-6 (Monday is 0), "opens": "HH:MM", "closes": "HH:MM"}.
A closing time of "24:00" means midnight at the end of the day; a closing time earlier than
the opening time runs past midnight into the next day.

For fast "open now" filters in SQL, the week is also kept as a mask: one character per
quarter hour from Monday 00:00 ("1" open, "0" closed), 672 in all. The database asks for one
character of it instead of reading the hours; Python asks `is_open_in`.

People write hours as text, "Mon-Fri 09:00-17:00; Sat 10:00-13:00". `parse` reads it, once
for everyone: `hours_from_text` gives places' stored form (and `text_from_hours` writes it
back), `weekly_from_text` Open Referral's schedule form (ORUK day codes, times of day). Days
in every form come from `common.week`.
"""

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time

from . import week

SLOT_MINUTES = 15
SLOTS_PER_DAY = 24 * 60 // SLOT_MINUTES
WEEK_SLOTS = 7 * SLOTS_PER_DAY
CLOSED_WEEK = "0" * WEEK_SLOTS
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$|^24:00$")
# As people write times: "9:30", "09:30" or "9.30".
_WRITTEN_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")
# Days are everything before the first digit: "Mon - Fri: 09:00-17:00" is fine too.
_DAYS_THEN_TIMES = re.compile(r"^([^\d]*?)[\s:]*(\d.*)$")
_TIME_RANGE_WORD = re.compile("–|to")  # "9:00 – 12:00" and "9:00 to 12:00" mean 9:00-12:00


class HoursError(ValueError):
    """Opening hours that cannot be used; the message says which entry and why."""


def minutes(text: str) -> int:
    if not isinstance(text, str):
        raise HoursError(f"{text!r} is not a time like 09:30")
    return _minutes(text)


@functools.lru_cache(maxsize=2048)  # a day has 1,441 times; imports check each many times
def _minutes(text: str) -> int:
    if not _TIME.match(text):
        raise HoursError(f"{text!r} is not a time like 09:30")
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


def validate(hours: object) -> list[dict]:
    """Return the hours in their stored form, or raise HoursError saying what is wrong."""
    if not isinstance(hours, list):
        raise HoursError("Opening hours must be a list")
    clean = []
    for number, entry in enumerate(hours, start=1):
        if not isinstance(entry, dict) or set(entry) != {"day", "opens", "closes"}:
            raise HoursError(f"Entry {number} needs exactly day, opens and closes")
        day = entry["day"]
        if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 6:
            raise HoursError(f"Entry {number}: day must be 0 (Monday) to 6 (Sunday)")
        opens, closes = minutes(entry["opens"]), minutes(entry["closes"])
        if entry["opens"] == "24:00":
            raise HoursError(f"Entry {number}: a place cannot open at 24:00")
        if opens == closes:
            raise HoursError(f"Entry {number}: opening and closing times are the same")
        clean.append({"day": day, "opens": entry["opens"], "closes": entry["closes"]})
    return sorted(clean, key=lambda e: (e["day"], e["opens"]))


def week_mask(hours: list[dict]) -> str:
    """The quarter-hour mask of a week's opening hours (see the module docstring)."""
    key = tuple((entry["day"], entry["opens"], entry["closes"]) for entry in hours)
    try:
        return _week_mask(key)
    except TypeError:  # hours not yet checked can hold lists: no cache, the same error
        return _week_mask.__wrapped__(key)


# Places share a few sets of hours, so an import of thousands works out each mask once.
@functools.lru_cache(maxsize=1024)
def _week_mask(hours: tuple[tuple[int, str, str], ...]) -> str:
    slots = bytearray(CLOSED_WEEK, "ascii")
    for day, opens, closes in hours:
        start = day * 24 * 60 + minutes(opens)
        end = day * 24 * 60 + minutes(closes)
        if end <= start:  # runs past midnight
            end += 24 * 60
        first, last = start // SLOT_MINUTES, -(-end // SLOT_MINUTES)
        # Whole runs at once; Sunday night's hours run on into Monday at the mask's start.
        for begin, stop in ((first, min(last, WEEK_SLOTS)), (0, last - WEEK_SLOTS)):
            if stop > begin:
                slots[begin:stop] = b"1" * (stop - begin)
    return slots.decode("ascii")


def slot_at(moment: datetime) -> int:
    """The mask position (0-based) for a local time."""
    return moment.weekday() * SLOTS_PER_DAY + (moment.hour * 60 + moment.minute) // SLOT_MINUTES


def is_open_in(mask: str, start: int, end: int) -> bool:
    """Whether a week mask is open in any quarter hour from slot `start` up to `end`.

    Every "is it open?" asked in Python comes here; SQL filters read one character of the
    stored mask, at `slot_at(moment) + 1`.
    """
    return "1" in mask[start:end]


def is_open(hours: list[dict], moment: datetime) -> bool:
    slot = slot_at(moment)
    return is_open_in(week_mask(hours), slot, slot + 1)


def day_slots(day: int, time_of_day: str | None = None) -> tuple[int, int]:
    """The mask's slots (from, up to) for a day (Monday is 0), or for a time of day on it."""
    base = day * SLOTS_PER_DAY
    if time_of_day is None:
        return base, base + SLOTS_PER_DAY
    hours = week.time_of_day(time_of_day)
    per_hour = 60 // SLOT_MINUTES
    return base + hours.starts * per_hour, base + hours.ends * per_hour


def is_open_on(mask: str, day: int, times_of_day: Iterable[str] = ()) -> bool:
    """Open at some time on a day (Monday is 0), or, if times of day are given, in one."""
    windows = [day_slots(day, time) for time in times_of_day] or [day_slots(day)]
    return any(is_open_in(mask, start, end) for start, end in windows)


def describe(hours: list[dict]) -> list[tuple[str, str]]:
    """(day name, times) for each day of the week, in order, "Closed" where closed."""
    by_day: dict[int, list[str]] = {day: [] for day in range(7)}
    for entry in sorted(hours, key=lambda e: (e["day"], e["opens"])):
        closes = "midnight" if entry["closes"] in {"24:00", "00:00"} else entry["closes"]
        by_day[entry["day"]].append(f"{entry['opens']} to {closes}")
    return [(week.WEEK[day].name, ", ".join(times) or "Closed") for day, times in by_day.items()]


@dataclass(frozen=True)
class ParsedOpening:
    """Opening read from text: on these days (as written; Monday is 0), `opens` to `closes`."""

    days: tuple[int, ...]
    opens: str  # "HH:MM"
    closes: str  # "HH:MM", "24:00" for midnight at the end of the day


def parse(text: str) -> list[ParsedOpening]:
    """Read opening times as people write them. Raises HoursError saying what is wrong.

    Parts are separated by ";", each days then times: "Mon-Fri 09:00-17:00; Sat 10:00-13:00".
    Days are one day, a range ("Mon-Fri"; "Sat-Mon" wraps round the weekend) or a list
    ("Mon,Wed"), in the words `week.day_named` knows. Times are on the 24-hour clock
    ("9:30-17:00", "9.30 to 12:30"), more than one a day separated by "," ("09:00-12:00,
    13:00-17:00"); "24:00" is midnight, as a closing time only. No text is no opening times.
    """
    return list(_parse(text))


# A file of places repeats the same few opening hours on thousands of rows.
@functools.lru_cache(maxsize=1024)
def _parse(text: str) -> tuple[ParsedOpening, ...]:
    openings = []
    for segment in text.split(";"):
        segment = " ".join(segment.split())
        if not segment:
            continue
        match = _DAYS_THEN_TIMES.match(segment)
        if not match or not match[1].strip():
            raise HoursError(f"{segment!r} needs days then times, like Mon-Fri 09:00-17:00")
        days = _days("".join(match[1].split()), segment)
        times = _TIME_RANGE_WORD.sub("-", "".join(match[2].split()))
        for period in times.split(","):
            opens_text, dash, closes_text = period.partition("-")
            if not dash:
                raise HoursError(f"{period!r} needs an opening and closing time, like 09:00-17:00")
            opens = _written_time(opens_text, closing=False)
            closes = _written_time(closes_text, closing=True)
            if closes <= opens:
                raise HoursError(f"{period!r} closes before it opens")
            openings.append(ParsedOpening(days=days, opens=opens, closes=closes))
    return tuple(openings)


def _days(text: str, segment: str) -> tuple[int, ...]:
    days: list[int] = []
    for part in text.split(","):
        if not part:  # "Mon, Wed," has a comma too many, which does no harm
            continue
        first, dash, last = part.partition("-")
        start = _day(first)
        end = _day(last) if dash else start
        days.extend((start + step) % 7 for step in range((end - start) % 7 + 1))
    if not days:
        raise HoursError(f"{segment!r} needs days then times, like Mon-Fri 09:00-17:00")
    return tuple(days)


def _day(word: str) -> int:
    day = week.day_named(word)
    if day is None:
        raise HoursError(f"{word!r} is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun")
    return day.index


def _written_time(text: str, *, closing: bool) -> str:
    match = _WRITTEN_TIME.match(text)
    hour, minute = (int(match[1]), int(match[2])) if match else (99, 99)
    if not ((hour <= 23 and minute <= 59) or (closing and (hour, minute) == (24, 0))):
        raise HoursError(f"{text!r} is not a time on the 24-hour clock, like 09:00")
    return f"{hour:02d}:{minute:02d}"


def hours_from_text(text: str) -> list[dict]:
    """Written hours in places' stored form, sorted, one entry per day and time.

    Raises HoursError as `parse` does, and where times on one day overlap.
    """
    hours = [
        {"day": day, "opens": opening.opens, "closes": opening.closes}
        for opening in parse(text)
        for day in opening.days
    ]
    hours.sort(key=lambda h: (h["day"], h["opens"]))
    for before, after in itertools.pairwise(hours):
        if before["day"] == after["day"] and after["opens"] < before["closes"]:
            raise HoursError(f"the times on {week.WEEK[before['day']].short} overlap")
    return hours


def text_from_hours(hours: Iterable[dict]) -> str:
    """Stored hours as text `hours_from_text` reads back: days with the same times grouped."""
    by_day: dict[int, list[str]] = {}
    # Hours typed in elsewhere may be odd: anything that is not a day and two times is left out
    # rather than stopping an export half-way.
    usable = [
        h
        for h in hours
        if isinstance(h, dict)
        and h.get("day") in range(7)
        and isinstance(h.get("opens"), str)
        and isinstance(h.get("closes"), str)
    ]
    for period in sorted(usable, key=lambda h: (h["day"], h["opens"])):
        by_day.setdefault(period["day"], []).append(f"{period['opens']}-{period['closes']}")
    segments: list[str] = []
    days = sorted(by_day)
    index = 0
    while index < len(days):
        start = days[index]
        times = ",".join(by_day[start])
        end = start
        while (
            index + 1 < len(days)
            and days[index + 1] == end + 1
            and ",".join(by_day[days[index + 1]]) == times
        ):
            index += 1
            end = days[index]
        first, last = week.WEEK[start].short, week.WEEK[end].short
        segments.append(f"{first if start == end else f'{first}-{last}'} {times}")
        index += 1
    return "; ".join(segments)


@dataclass(frozen=True)
class WeeklyOpening:
    """Opening in Open Referral's schedule form: ORUK day codes, in week order, and times."""

    days: tuple[str, ...]
    opens: time
    closes: time


def weekly_from_text(text: str) -> list[WeeklyOpening]:
    """Written hours as Open Referral schedules, one for each time in each part.

    "24:00" becomes 23:59, the last time of day a schedule can hold. Raises HoursError.
    """
    return [
        WeeklyOpening(
            days=tuple(week.WEEK[day].oruk for day in week.in_week_order(opening.days)),
            opens=_time_of_day(opening.opens),
            closes=_time_of_day(opening.closes),
        )
        for opening in parse(text)
    ]


def _time_of_day(clock: str) -> time:
    if clock == "24:00":
        return time(23, 59)
    return time(*divmod(minutes(clock), 60))
