"""Opening hours: checking them, showing them and asking "is it open now?". No Django import.

Hours are stored as a list of {"day": 0-6 (Monday is 0), "opens": "HH:MM", "closes": "HH:MM"}.
A closing time of "24:00" means midnight at the end of the day; a closing time earlier than
the opening time runs past midnight into the next day.

For fast "open now" filters in SQL, the week is also kept as a mask: one character per
quarter hour from Monday 00:00 ("1" open, "0" closed), 672 in all. The database asks for one
character of it instead of reading the hours.
"""

import re
from datetime import datetime

SLOT_MINUTES = 15
SLOTS_PER_DAY = 24 * 60 // SLOT_MINUTES
WEEK_SLOTS = 7 * SLOTS_PER_DAY
CLOSED_WEEK = "0" * WEEK_SLOTS
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$|^24:00$")


class HoursError(ValueError):
    """Opening hours that cannot be used; the message says which entry and why."""


def minutes(text: str) -> int:
    if not isinstance(text, str) or not _TIME.match(text):
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
    slots = bytearray(CLOSED_WEEK, "ascii")
    for entry in hours:
        start = entry["day"] * 24 * 60 + minutes(entry["opens"])
        end = entry["day"] * 24 * 60 + minutes(entry["closes"])
        if end <= start:  # runs past midnight
            end += 24 * 60
        for slot in range(start // SLOT_MINUTES, -(-end // SLOT_MINUTES)):
            slots[slot % WEEK_SLOTS] = ord("1")
    return slots.decode("ascii")


def slot_at(moment: datetime) -> int:
    """The mask position (0-based) for a local time."""
    return moment.weekday() * SLOTS_PER_DAY + (moment.hour * 60 + moment.minute) // SLOT_MINUTES


def is_open(hours: list[dict], moment: datetime) -> bool:
    return week_mask(hours)[slot_at(moment)] == "1"


def describe(hours: list[dict]) -> list[tuple[str, str]]:
    """(day name, times) for each day of the week, in order, "Closed" where closed."""
    by_day: dict[int, list[str]] = {day: [] for day in range(7)}
    for entry in sorted(hours, key=lambda e: (e["day"], e["opens"])):
        closes = "midnight" if entry["closes"] in {"24:00", "00:00"} else entry["closes"]
        by_day[entry["day"]].append(f"{entry['opens']} to {closes}")
    return [(DAY_NAMES[day], ", ".join(times) or "Closed") for day, times in by_day.items()]
