from datetime import datetime, time

import pytest

from coproduce.common import opening_hours as hours
from coproduce.common.opening_hours import HoursError, WeeklyOpening

WEEKDAYS = [{"day": d, "opens": "09:00", "closes": "17:30"} for d in range(5)]


def test_open_inside_hours_and_closed_outside():
    """A weekday 9 to 5:30 place is open on Monday at 09:00 and 17:29, closed at 17:30."""
    monday = datetime(2026, 11, 23)
    assert hours.is_open(WEEKDAYS, monday.replace(hour=9))
    assert hours.is_open(WEEKDAYS, monday.replace(hour=17, minute=29))
    assert not hours.is_open(WEEKDAYS, monday.replace(hour=17, minute=30))
    assert not hours.is_open(WEEKDAYS, datetime(2026, 11, 29, 12))  # Sunday


def test_hours_past_midnight_run_into_the_next_day():
    """Sunday 22:00 to 02:00 is open early on Monday morning, wrapping round the week."""
    late = [{"day": 6, "opens": "22:00", "closes": "02:00"}]
    assert hours.is_open(late, datetime(2026, 11, 29, 23))
    assert hours.is_open(late, datetime(2026, 11, 30, 1, 45))
    assert not hours.is_open(late, datetime(2026, 11, 30, 2))


def test_mask_marks_every_quarter_hour_the_hours_cover():
    """Each quarter hour that an opening touches is open, wrapping from Sunday to Monday."""
    entries = [
        {"day": 0, "opens": "09:10", "closes": "09:20"},
        {"day": 2, "opens": "23:50", "closes": "00:20"},
        {"day": 6, "opens": "20:00", "closes": "03:05"},
        {"day": 6, "opens": "00:00", "closes": "24:00"},
    ]
    expected = ["0"] * hours.WEEK_SLOTS
    for entry in entries:
        start = entry["day"] * 1440 + hours.minutes(entry["opens"])
        end = entry["day"] * 1440 + hours.minutes(entry["closes"])
        end += 1440 if end <= start else 0
        for minute in range(start, end):
            expected[minute // 15 % hours.WEEK_SLOTS] = "1"
    assert hours.week_mask(entries) == "".join(expected)


def test_closing_at_24_00_means_midnight():
    """24:00 is allowed as a closing time and covers the last quarter hour of the day."""
    mask = hours.week_mask([{"day": 0, "opens": "20:00", "closes": "24:00"}])
    assert mask[hours.SLOTS_PER_DAY - 1] == "1"
    assert mask[hours.SLOTS_PER_DAY] == "0"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("Mon 9-5", "must be a list"),
        ([{"day": 7, "opens": "09:00", "closes": "10:00"}], "day must be 0"),
        ([{"day": 1, "opens": "9am", "closes": "10:00"}], "not a time"),
        ([{"day": 1, "opens": "10:00", "closes": "10:00"}], "the same"),
        ([{"day": 1, "opens": "10:00"}], "exactly day, opens and closes"),
    ],
)
def test_bad_hours_are_refused_with_a_reason(bad, message):
    """Each kind of mistake gets its own message."""
    with pytest.raises(hours.HoursError, match=message):
        hours.validate(bad)


def test_describe_lists_every_day():
    """The description has seven days, closed ones included."""
    described = dict(hours.describe(WEEKDAYS))
    assert described["Monday"] == "09:00 to 17:30"
    assert described["Sunday"] == "Closed"


# Written hours, as Open Referral schedules (services' CSV import) ----------------------


def test_reads_a_range_of_days_and_times():
    """'Mon-Fri 09:00-17:00' is every weekday from nine to five."""
    assert hours.weekly_from_text("Mon-Fri 09:00-17:00") == [
        WeeklyOpening(days=("MO", "TU", "WE", "TH", "FR"), opens=time(9), closes=time(17))
    ]


def test_reads_several_parts_lists_and_full_day_names():
    """Parts split by ';'; days listed by ',' or spelt out; '.' or ':' in times."""
    openings = hours.weekly_from_text("Tuesday, thu 9.30 - 12:30; Sat 10:00 to 12:00")
    assert openings[0] == WeeklyOpening(days=("TU", "TH"), opens=time(9, 30), closes=time(12, 30))
    assert openings[1].days == ("SA",)


def test_a_range_can_wrap_round_the_weekend():
    """'Sat-Mon' is Saturday, Sunday and Monday."""
    assert hours.weekly_from_text("Sat-Mon 10:00-16:00")[0].days == ("MO", "SA", "SU")


def test_empty_text_is_no_opening_times():
    """No opening times given is not an error."""
    assert hours.weekly_from_text("  ") == []


@pytest.mark.parametrize(
    "text",
    ["Mon-Fri", "Someday 09:00-10:00", "Mon 25:00-26:00", "Mon 17:00-09:00", "09:00-17:00"],
)
def test_unreadable_opening_times_are_errors(text):
    """Missing times, unknown days, impossible times and closing before opening are refused."""
    with pytest.raises(HoursError):
        hours.weekly_from_text(text)


def test_midnight_closing_is_the_last_minute_of_a_schedule_day():
    """'24:00' in a schedule is 23:59, and a two-letter day code is read as that day."""
    assert hours.weekly_from_text("mo 20:00-24:00") == [
        WeeklyOpening(days=("MO",), opens=time(20), closes=time(23, 59))
    ]


# Written hours, as places store them (the places CSV import and export) ----------------


def test_opening_hours_become_one_entry_per_day_monday_first():
    """Ranges and lists of days expand to Place.opening_hours' format, Monday as 0."""
    found = hours.hours_from_text("Mon-Fri 09:00-17:00; Sat 10:00-13:00")
    assert found[0] == {"day": 0, "opens": "09:00", "closes": "17:00"}
    assert found[-1] == {"day": 5, "opens": "10:00", "closes": "13:00"}
    assert [h["day"] for h in found] == [0, 1, 2, 3, 4, 5]


def test_opening_hours_accept_lists_full_names_split_days_and_wrap_round():
    """ "Mon,Wed", "Tuesday", two openings a day and "Sat-Mon" all work."""
    found = hours.hours_from_text("Mon,Wed 9:00-12:00,13:00-17:00; Tuesday 10:00-11:00")
    assert [(h["day"], h["opens"]) for h in found] == [
        (0, "09:00"),
        (0, "13:00"),
        (1, "10:00"),
        (2, "09:00"),
        (2, "13:00"),
    ]
    assert [h["day"] for h in hours.hours_from_text("Sat-Mon 10:00-12:00")] == [0, 5, 6]
    spaced = hours.hours_from_text("Mon - Fri: 09:00 - 17:00")
    assert spaced == hours.hours_from_text("Mon-Fri 09:00-17:00")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Mon 17:00-09:00", "closes before it opens"),
        ("Funday 09:00-17:00", "is not a day"),
        ("Mon 9am-5pm", "24-hour clock"),
        ("Mon", "needs days then times"),
        ("Mon 09:00-12:00,11:00-13:00", "overlap"),
        ("Mon 09:00", "opening and closing"),
    ],
)
def test_bad_opening_hours_say_what_is_wrong(text, reason):
    """Each kind of mistake in opening hours gets its own reason."""
    with pytest.raises(ValueError, match=reason):
        hours.hours_from_text(text)


def test_opening_hours_format_back_to_what_was_parsed():
    """text_from_hours groups days with the same times and parses back the same."""
    text = "Mon-Fri 09:00-17:00; Sat 10:00-13:00,14:00-16:00"
    found = hours.hours_from_text(text)
    assert hours.text_from_hours(found) == text
    assert hours.hours_from_text(hours.text_from_hours(found)) == found


def test_formatting_skips_hours_it_cannot_understand():
    """Odd hours stored elsewhere are left out rather than breaking an export."""
    odd = [{"day": 9, "opens": "09:00", "closes": "10:00"}, {"day": 1}, "Monday"]
    good = {"day": 1, "opens": "09:00", "closes": "10:00"}
    assert hours.text_from_hours([*odd, good]) == "Tue 09:00-10:00"


def test_both_forms_read_the_same_text_alike():
    """One parser: the schedule form and the stored form agree on days and times."""
    text = "Sat-Mon 9.30 to 12:00; Wed 18:00-24:00"
    stored = hours.hours_from_text(text)
    assert [(h["day"], h["opens"], h["closes"]) for h in stored] == [
        (0, "09:30", "12:00"),
        (2, "18:00", "24:00"),
        (5, "09:30", "12:00"),
        (6, "09:30", "12:00"),
    ]
    assert hours.weekly_from_text(text) == [
        WeeklyOpening(days=("MO", "SA", "SU"), opens=time(9, 30), closes=time(12)),
        WeeklyOpening(days=("WE",), opens=time(18), closes=time(23, 59)),
    ]


# Is it open? ---------------------------------------------------------------------------


def test_open_on_a_day_or_at_a_time_of_day():
    """A Saturday morning place is open on Saturdays and Saturday mornings, not evenings."""
    mask = hours.week_mask([{"day": 5, "opens": "09:00", "closes": "12:00"}])
    assert hours.is_open_on(mask, 5)
    assert hours.is_open_on(mask, 5, ["morning"])
    assert hours.is_open_on(mask, 5, ["evening", "morning"])
    assert not hours.is_open_on(mask, 5, ["afternoon"])
    assert not hours.is_open_on(mask, 0)


def test_times_of_day_cover_their_quarter_hours():
    """Mornings are 09:00 to 12:00, afternoons to 17:00, evenings to 21:00."""
    assert hours.day_slots(0, "morning") == (36, 48)
    assert hours.day_slots(0, "afternoon") == (48, 68)
    assert hours.day_slots(1, "evening") == (96 + 68, 96 + 84)
    assert hours.day_slots(6) == (6 * 96, 7 * 96)
