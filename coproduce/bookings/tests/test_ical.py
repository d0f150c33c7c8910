from datetime import UTC, datetime, timedelta

import pytest

from coproduce.common import ical
from coproduce.common.tests.ical_parser import ICalError, events, parse, unfold

START = datetime(2026, 3, 29, 17, tzinfo=UTC)


def _event(**overrides) -> ical.Event:
    values = {
        "uid": "booking-1@example.org",
        "start": START,
        "end": START + timedelta(hours=2),
        "stamp": START - timedelta(days=3),
        "summary": "Booked",
    }
    return ical.Event(**(values | overrides))


def test_calendar_parses_strictly_with_utc_times():
    """The feed is one VCALENDAR with a London VTIMEZONE and events in UTC."""
    data = ical.calendar(name="Main hall", product="-//Test//EN", events=[_event()]).encode()
    (event,) = events(data)
    assert event["DTSTART"] == START
    assert event["DTEND"] == START + timedelta(hours=2)
    assert event["UID"] == "booking-1@example.org"
    calendar = parse(data)
    assert [c["name"] for c in calendar["children"]] == ["VTIMEZONE", "VEVENT"]


def test_every_line_ends_in_crlf():
    """No bare line feeds anywhere."""
    data = ical.calendar(name="Hall", product="-//Test//EN", events=[_event()])
    assert data.endswith("\r\n")
    assert "\n" not in data.replace("\r\n", "")


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    """A long name of multi-byte characters folds and unfolds to itself."""
    name = "Salle polyvalente – café, bibliothèque; 😀 " * 5
    data = ical.calendar(name=name, product="-//Test//EN", events=[]).encode()
    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    calendar = parse(data)
    assert {n: v for n, _p, v in calendar["props"]}["X-WR-CALNAME"] == name


def test_text_is_escaped():
    """Commas, semicolons, backslashes and new lines are escaped in text values."""
    data = ical.calendar(
        name="Hall", product="-//Test//EN", events=[_event(location="Room 1, Hall; A\\B\nC")]
    ).encode()
    (event,) = events(data)
    assert {n: v for n, _p, v in event["props"]}["LOCATION"] == "Room 1, Hall; A\\B\nC"


def test_the_strict_parser_refuses_bad_calendars():
    """Our checker is strict: bare LF and unescaped commas fail."""
    with pytest.raises(ICalError):
        unfold(b"BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    with pytest.raises(ICalError):
        parse(b"BEGIN:VCALENDAR\r\nSUMMARY:a,b\r\nEND:VCALENDAR\r\n")


def test_naive_times_are_refused():
    """A naive datetime cannot be written: it would be a floating time."""
    with pytest.raises(ValueError):
        ical.utc(datetime(2026, 1, 1, 10))
