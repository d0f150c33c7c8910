"""Weekly opening times written the way people write them. No Django import.

    parse_opening("Mon-Fri 09:00-17:00; Sat 10:00-12:30")
    -> [WeeklyOpening(days=("MO", "TU", "WE", "TH", "FR"), opens=09:00, closes=17:00),
        WeeklyOpening(days=("SA",), opens=10:00, closes=12:30)]

Days are iCalendar's two-letter codes, as Open Referral schedules use (`byday`).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time

WEEK: tuple[str, ...] = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

_DAY_WORDS = {
    "mo": "MO", "mon": "MO", "monday": "MO",
    "tu": "TU", "tue": "TU", "tues": "TU", "tuesday": "TU",
    "we": "WE", "wed": "WE", "wednesday": "WE",
    "th": "TH", "thu": "TH", "thur": "TH", "thurs": "TH", "thursday": "TH",
    "fr": "FR", "fri": "FR", "friday": "FR",
    "sa": "SA", "sat": "SA", "saturday": "SA",
    "su": "SU", "sun": "SU", "sunday": "SU",
}  # fmt: skip
_TIME = r"(\d{1,2})[:.](\d{2})"
_PART = re.compile(rf"^(?P<days>[A-Za-z ,\-]+?)\s+{_TIME}\s*(?:-|–|to)\s*{_TIME}$")


class OpeningError(ValueError):
    """Opening times that cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class WeeklyOpening:
    days: tuple[str, ...]
    opens: time
    closes: time


def parse_opening(text: str) -> list[WeeklyOpening]:
    """Read 'Mon-Fri 09:00-17:00; Sat 10:00-12:00'. Parts are separated by ';'.

    Raises OpeningError naming the part that could not be read.
    """
    openings = []
    for raw in text.split(";"):
        part = " ".join(raw.split())
        if not part:
            continue
        match = _PART.match(part)
        if match is None:
            raise OpeningError(
                f"cannot read opening times {part!r}: write them like 'Mon-Fri 09:00-17:00'"
            )
        days = _parse_days(match["days"], part)
        opens = _time(match.group(2), match.group(3), part)
        closes = _time(match.group(4), match.group(5), part)
        if opens >= closes:
            raise OpeningError(f"in {part!r} the opening time is not before the closing time")
        openings.append(WeeklyOpening(days=days, opens=opens, closes=closes))
    return openings


def _parse_days(text: str, part: str) -> tuple[str, ...]:
    found: set[str] = set()
    for piece in text.split(","):
        piece = piece.strip()
        if not piece:
            continue
        ends = [e.strip().lower() for e in piece.split("-")]
        if len(ends) > 2 or any(e not in _DAY_WORDS for e in ends):
            raise OpeningError(f"unknown day in {part!r}: use Mon, Tue, Wed, Thu, Fri, Sat, Sun")
        first, last = WEEK.index(_DAY_WORDS[ends[0]]), WEEK.index(_DAY_WORDS[ends[-1]])
        if last < first:  # "Sat-Mon" wraps round the weekend
            found.update(WEEK[first:] + WEEK[: last + 1])
        else:
            found.update(WEEK[first : last + 1])
    if not found:
        raise OpeningError(f"no days in {part!r}")
    return tuple(day for day in WEEK if day in found)


def _time(hours: str, minutes: str, part: str) -> time:
    h, m = int(hours), int(minutes)
    if h == 24 and m == 0:
        return time(23, 59)
    if not (0 <= h <= 23 and 0 <= m <= 59):
        raise OpeningError(f"{hours}:{minutes} in {part!r} is not a time of day")
    return time(h, m)


def day_runs(days: Sequence[str], week: Sequence[str] = WEEK) -> list[tuple[str, str, int]]:
    """Consecutive runs of days in week order: ['MO','TU','WE','SA'] -> MO..WE (3), SA..SA (1)."""
    wanted = [d for d in week if d in set(days)]
    runs: list[tuple[str, str, int]] = []
    for day in wanted:
        if runs and week.index(day) == week.index(runs[-1][1]) + 1:
            first, _last, length = runs[-1]
            runs[-1] = (first, day, length + 1)
        else:
            runs.append((day, day, 1))
    return runs
