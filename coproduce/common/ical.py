"""iCalendar (RFC 5545) writer for feeds. Pure Python, no Django import.

Two ways to write times, chosen per calendar:

- `local_times=False` (the default): UTC with a trailing Z (section 3.3.5, form 2), which
  every program reads without zone rules.
- `local_times=True`: London wall-clock time with `TZID=Europe/London` (form 3), so a
  session at 18:30 stays at 18:30 in the reader's calendar across the clock changes. A
  time in the hour repeated when the clocks go back is written in UTC instead, because a
  local time there would mean its first occurrence (section 3.3.5).

Either way the VTIMEZONE for Europe/London is included: the rules the UK has used since
1996 (BST from 01:00 GMT on the last Sunday in March to 01:00 GMT on the last Sunday in
October), each onset given in the local time in force before it, as section 3.6.5 asks
(01:00 GMT, and 02:00 BST). They start from 1970, as most programs write them; only times
since 1996 matter to our feeds.

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from .dates.local import LONDON

CRLF = "\r\n"
MAX_OCTETS = 75
TZID = LONDON.key
STATUSES = frozenset({"CONFIRMED", "CANCELLED", "TENTATIVE"})
CONTROL = re.compile(r"[\x00-\x1f\x7f]")

VTIMEZONE_LONDON = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19700329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19701025T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


@dataclass(frozen=True, slots=True)
class Event:
    """One VEVENT. Times must be aware; empty optional fields are left out of the feed."""

    uid: str
    start: datetime
    end: datetime
    stamp: datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    status: str = "CONFIRMED"
    sequence: int | None = None
    last_modified: datetime | None = None
    categories: Sequence[str] = ()


# Control characters other than tab and line breaks are not allowed in TEXT (RFC 5545 3.3.11).
# Nearly no text has one, so a search first keeps the common case cheap.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def escape_text(value: str) -> str:
    """TEXT value escaping (RFC 5545 section 3.3.11); other control characters are dropped."""
    return (
        (_CONTROL.sub("", value) if _CONTROL.search(value) else value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("iCalendar times here must be aware datetimes.")
    return value


def utc(value: datetime) -> str:
    """A DATE-TIME value in UTC: 20260329T093000Z."""
    return _aware(value).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def when(name: str, value: datetime, *, local: bool) -> str:
    """A DTSTART or DTEND line, in London time with its TZID or in UTC."""
    if local:
        wall = _aware(value).astimezone(LONDON)
        if not wall.fold:  # fold is 1 only in the second run of the repeated hour
            return f"{name};TZID={TZID}:{wall.strftime('%Y%m%dT%H%M%S')}"
    return f"{name}:{utc(value)}"


def _uri(value: str) -> str:
    # A URI is written as it is: refuse anything that could end the line early.
    if CONTROL.search(value):
        raise ValueError("A URI in a calendar cannot contain control characters.")
    return value


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, joined by CRLF and a space."""
    if line.isascii():
        if len(line) <= MAX_OCTETS:
            return line
        rest = line[MAX_OCTETS:]
        pieces = [line[:MAX_OCTETS]]
        pieces += [rest[i : i + MAX_OCTETS - 1] for i in range(0, len(rest), MAX_OCTETS - 1)]
        return (CRLF + " ").join(pieces)
    if len(line.encode("utf-8")) <= MAX_OCTETS:
        return line
    pieces = []
    current: list[str] = []
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
            limit = MAX_OCTETS - 1  # continuation lines start with one space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def event_lines(event: Event, *, local_times: bool = False) -> list[str]:
    """The content lines of one VEVENT, unfolded."""
    if event.status not in STATUSES:
        raise ValueError(f"Unknown event status {event.status!r}.")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape_text(event.uid)}",
        f"DTSTAMP:{utc(event.stamp)}",
        when("DTSTART", event.start, local=local_times),
        when("DTEND", event.end, local=local_times),
        f"SUMMARY:{escape_text(event.summary)}",
    ]
    if event.description:
        lines.append(f"DESCRIPTION:{escape_text(event.description)}")
    if event.location:
        lines.append(f"LOCATION:{escape_text(event.location)}")
    if event.url:
        lines.append(f"URL:{_uri(event.url)}")
    categories = [escape_text(c) for c in event.categories if c]
    if categories:
        lines.append(f"CATEGORIES:{','.join(categories)}")
    if event.sequence is not None:
        lines.append(f"SEQUENCE:{int(event.sequence)}")
    if event.last_modified is not None:
        lines.append(f"LAST-MODIFIED:{utc(event.last_modified)}")
    # A cancelled event no longer takes up the time.
    transparency = "TRANSPARENT" if event.status == "CANCELLED" else "OPAQUE"
    lines += [f"TRANSP:{transparency}", f"STATUS:{event.status}", "END:VEVENT"]
    return lines


def calendar(*, name: str, product: str, events: Iterable[Event], local_times: bool = False) -> str:
    """A whole VCALENDAR as text, ready to send as text/calendar."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{escape_text(product)}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        *VTIMEZONE_LONDON,
    ]
    for event in events:
        lines += event_lines(event, local_times=local_times)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
