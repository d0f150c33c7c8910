"""The iCalendar writer in coproduce.common.ical, read back with the icalendar library."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from coproduce.common import ical
from coproduce.common.tests.ical_parser import events as strict_events
from coproduce.common.tests.ical_parser import parse as strict_parse

LONDON = ZoneInfo("Europe/London")
STAMP = datetime(2026, 1, 5, 9, tzinfo=UTC)


def _event(start: datetime, **overrides) -> ical.Event:
    values = {
        "uid": "event-1@example.org",
        "start": start,
        "end": start + timedelta(hours=2),
        "stamp": STAMP,
        "summary": "Action learning set",
    }
    return ical.Event(**(values | overrides))


def _write(*events: ical.Event, local_times: bool = True, name: str = "Test") -> str:
    return ical.calendar(name=name, product="-//Test//EN", events=events, local_times=local_times)


def _read(data: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(data.encode("utf-8")).events


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


@pytest.mark.parametrize(
    ("before", "after", "hours"),
    [
        (date(2026, 3, 28), date(2026, 3, 30), 1),  # GMT to BST on 29 March 2026
        (date(2026, 10, 24), date(2026, 10, 26), -1),  # BST to GMT on 25 October 2026
    ],
)
def test_wall_clock_times_survive_the_clock_change(before, after, hours):
    """18:30 in London either side of a clock change reads back as 18:30 London time."""
    starts = [
        datetime(day.year, day.month, day.day, 18, 30, tzinfo=LONDON) for day in (before, after)
    ]
    data = _write(*(_event(s, uid=f"e{i}@example.org") for i, s in enumerate(starts)))
    assert "DTSTART;TZID=Europe/London:" + before.strftime("%Y%m%d") + "T183000" in data
    read = [e.start for e in _read(data)]
    for value in read:
        assert str(value.tzinfo) == "Europe/London"
        assert (value.hour, value.minute) == (18, 30)
    first, second = (v.astimezone(UTC) for v in read)
    assert second - first == timedelta(days=2) - timedelta(hours=hours)
    assert [e.end.hour for e in _read(data)] == [20, 20]


def test_events_are_given_in_utc_unless_asked_for_local_times():
    """By default (as bookings use it) times are written in UTC with a Z."""
    start = datetime(2026, 3, 30, 18, 30, tzinfo=LONDON)
    data = _write(_event(start), local_times=False)
    assert "DTSTART:20260330T173000Z" in data
    assert _read(data)[0].start == start


def test_the_repeated_hour_is_written_in_utc():
    """01:30 happens twice on 25 October 2026; the second one cannot be a London local time."""
    first = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 01:30 BST
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 01:30 GMT
    data = _write(_event(first, uid="a@x"), _event(second, uid="b@x"))
    assert "DTSTART;TZID=Europe/London:20261025T013000" in data
    assert "DTSTART:20261025T013000Z" in data
    assert [e.start.astimezone(UTC) for e in _read(data)] == [first, second]


def test_the_london_vtimezone_gives_the_same_offsets_as_the_zone_database():
    """Read alone, our VTIMEZONE agrees with tzdata through every clock change 2020-2040."""
    calendar = icalendar.Calendar.from_ical(_write().encode())
    (zone,) = calendar.timezones
    ours = zone.to_tz(lookup_tzid=False)
    for year in range(2020, 2041):
        for month in (3, 10):
            change = _last_sunday(year, month)
            moment = datetime(change.year, change.month, change.day, tzinfo=UTC) - timedelta(1)
            for _step in range(4 * 48):
                assert moment.astimezone(ours).utcoffset() == moment.astimezone(LONDON).utcoffset()
                moment += timedelta(minutes=15)


def test_each_onset_is_local_time_on_the_last_sunday():
    """DTSTART of DAYLIGHT and STANDARD is the local time before the change, on a last Sunday."""
    calendar = icalendar.Calendar.from_ical(_write().encode())
    (zone,) = calendar.timezones
    parts = {part.name: part for part in zone.subcomponents}
    daylight, standard = parts["DAYLIGHT"], parts["STANDARD"]
    assert daylight["DTSTART"].dt == datetime(1970, 3, 29, 1)  # 01:00 GMT
    assert standard["DTSTART"].dt == datetime(1970, 10, 25, 2)  # 02:00 BST is 01:00 GMT
    for part, month in ((daylight, 3), (standard, 10)):
        assert part["DTSTART"].dt.tzinfo is None
        assert part["DTSTART"].dt.date() == _last_sunday(1970, month)
        assert part["RRULE"]["BYDAY"] == ["-1SU"]
        assert part["RRULE"]["BYMONTH"] == [month]
    assert daylight["TZOFFSETFROM"].td == standard["TZOFFSETTO"].td == timedelta(0)
    assert daylight["TZOFFSETTO"].td == standard["TZOFFSETFROM"].td == timedelta(hours=1)


def test_every_tzid_has_its_vtimezone_for_a_strict_reader():
    """Bookings' strict checker accepts the feed: each TZID is defined, lines are short."""
    data = _write(_event(datetime(2026, 6, 1, 10, tzinfo=LONDON), description="x" * 300))
    (event,) = strict_events(data.encode())
    assert event["DTSTART"] == "20260601T100000"


def test_optional_properties_are_written_and_read_back():
    """Description, link, place, status, sequence, last change and categories all come back."""
    changed = datetime(2026, 2, 1, 12, tzinfo=UTC)
    event = _event(
        datetime(2026, 6, 1, 10, tzinfo=LONDON),
        description="Bring a project.\n\nMore: https://example.org/events/1/",
        url="https://example.org/events/1/",
        location="Northbrook Library, 1 High Street, NB1 1AA",
        status="CANCELLED",
        sequence=3,
        last_modified=changed,
        categories=["Action learning set", "Workshop"],
    )
    (read,) = _read(_write(event))
    assert read["DESCRIPTION"] == "Bring a project.\n\nMore: https://example.org/events/1/"
    assert read["URL"] == "https://example.org/events/1/"
    assert read["LOCATION"] == "Northbrook Library, 1 High Street, NB1 1AA"
    assert read["STATUS"] == "CANCELLED"
    assert read["SEQUENCE"] == 3
    assert read["LAST-MODIFIED"].dt == changed
    assert read.categories == ["Action learning set", "Workshop"]
    assert read["TRANSP"] == "TRANSPARENT"
    assert read["DTSTAMP"].dt == STAMP


def test_empty_optional_properties_are_left_out():
    """An event with only the required values has no empty lines for the others."""
    data = _write(_event(datetime(2026, 6, 1, 10, tzinfo=LONDON)))
    for name in ("DESCRIPTION", "URL", "LOCATION", "SEQUENCE", "LAST-MODIFIED", "CATEGORIES"):
        assert f"\r\n{name}" not in data
    assert "STATUS:CONFIRMED\r\n" in data


def test_text_is_escaped_and_reads_back_unchanged():
    """Commas, semicolons, backslashes and new lines survive in text and in categories."""
    text = "Tea, cake; and C:\\chat\nSecond line\r\nThird"
    event = _event(
        datetime(2026, 6, 1, 10, tzinfo=LONDON),
        summary=text,
        description=text,
        location=text,
        categories=["Talks, and more", "A;B"],
    )
    data = _write(event)
    assert "SUMMARY:Tea\\, cake\\; and C:\\\\chat\\nSecond line\\nThird\r\n" in data
    (read,) = _read(data)
    expected = text.replace("\r\n", "\n")
    assert read["SUMMARY"] == read["DESCRIPTION"] == read["LOCATION"] == expected
    assert read.categories == ["Talks, and more", "A;B"]


@pytest.mark.parametrize("name", ["Salle – café, bibliothèque; 😀 " * 6, "A" * 400])
def test_long_lines_fold_at_75_octets_without_splitting_characters(name):
    """Lines of multi-byte or plain characters fold to at most 75 octets and unfold whole."""
    data = _write(_event(datetime(2026, 6, 1, 10, tzinfo=LONDON), summary=name), name=name)
    lines = data.encode("utf-8").split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # no character split across lines
    (read,) = _read(data)
    assert read["SUMMARY"] == name
    props = strict_parse(data.encode())["props"]
    assert [v for n, _p, v in props if n == "X-WR-CALNAME"] == [name]


def test_a_line_of_exactly_75_octets_is_not_folded():
    """Folding starts at the 76th octet; continuation lines hold 74 plus the space."""
    line = "SUMMARY:" + "a" * 67
    assert ical.fold(line) == line
    longer = line + "bc"
    assert ical.fold(longer) == line + "\r\n bc"
    assert ical.fold("X:" + "é" * 40) == "X:" + "é" * 36 + "\r\n " + "é" * 4


def test_every_line_ends_in_crlf():
    """No bare line feeds or carriage returns, even from text with new lines in it."""
    data = _write(_event(datetime(2026, 6, 1, 10, tzinfo=LONDON), description="a\nb\rc"))
    assert data.endswith("\r\n")
    assert "\n" not in data.replace("\r\n", "") and "\r" not in data.replace("\r\n", "")


def test_bad_values_are_refused():
    """Naive times, unknown statuses and links with control characters cannot be written."""
    with pytest.raises(ValueError):
        _write(_event(datetime(2026, 6, 1, 10)))
    with pytest.raises(ValueError):
        _write(_event(datetime(2026, 6, 1, 10, tzinfo=UTC), status="MAYBE"))
    with pytest.raises(ValueError):
        _write(_event(datetime(2026, 6, 1, 10, tzinfo=UTC), url="https://a/\r\nX-EVIL:1"))


def test_control_characters_are_dropped_from_text():
    """RFC 5545 allows no control characters in TEXT but tab and line breaks."""
    from coproduce.common.ical import escape_text

    assert escape_text("Bell\x07 and\x1b escape\x7f, tab\tkept") == "Bell and escape\\, tab\tkept"
