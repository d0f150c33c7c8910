from datetime import date, datetime

import pytest

from coproduce.common import week


def test_one_list_of_days_in_every_form():
    """Each day has its index, people's code, its ORUK code, its CSV word and its names."""
    monday, sunday = week.WEEK[0], week.WEEK[-1]
    assert (monday.index, monday.code, monday.oruk, monday.short) == (0, "mon", "MO", "Mon")
    assert (monday.name, monday.plural) == ("Monday", "Mondays")
    assert (sunday.index, sunday.code, sunday.oruk, sunday.name) == (6, "sun", "SU", "Sunday")
    assert [day.index for day in week.WEEK] == list(range(7))
    assert week.CODES == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    assert week.ORUK_CODES == ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@pytest.mark.parametrize("key", [2, "wed", "WE"])
def test_a_day_is_found_from_any_of_its_keys(key):
    """An index, a code and an ORUK code all give the same day."""
    assert week.day(key).name == "Wednesday"


def test_converting_between_forms():
    """People's codes become ORUK codes and indexes, and back."""
    assert [week.day(code).oruk for code in ("mon", "sat")] == ["MO", "SA"]
    assert [week.day(code).code for code in ("SU", "TH")] == ["sun", "thu"]
    assert week.day("fri").index == 4
    assert week.day(4).code == "fri"
    with pytest.raises(KeyError):
        week.day("Friday")


def test_day_of_a_date_counts_from_monday():
    """A date's day is its weekday, Monday first, as datetime counts."""
    assert week.day_of(date(2026, 11, 23)).code == "mon"
    assert week.day_of(datetime(2026, 11, 29, 23, 30)).oruk == "SU"


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Mon", "mon"),
        ("mo", "mon"),
        ("TU", "tue"),
        ("tues", "tue"),
        ("Thurs.", "thu"),
        ("wednesday", "wed"),
        ("Sun.", "sun"),
    ],
)
def test_days_are_named_as_people_write_them(word, code):
    """Two-letter codes, the first three letters or more of a name, with or without a stop."""
    assert week.day_named(word).code == code


@pytest.mark.parametrize("word", ["", "m", "mondays", "monday1", "mo.", "Funday", "..."])
def test_words_that_are_not_days(word):
    """Anything that is not a day's code or the start of its name is no day."""
    assert week.day_named(word) is None


def test_in_week_order_keeps_the_form_given():
    """Days come back once each, Monday first, as codes, ORUK codes or indexes."""
    assert week.in_week_order(["sun", "mon", "sun"]) == ["mon", "sun"]
    assert week.in_week_order(["SA", "TU"]) == ["TU", "SA"]
    assert week.in_week_order([6, 0, 5]) == [0, 5, 6]


def test_what_is_not_a_day_is_left_out():
    """Stored days that are not days (typed in by hand) are skipped, not an error."""
    assert week.in_week_order(["XX", "MO", ""]) == ["MO"]
    assert week.day_runs(["TU", "Tuesday", "MO"]) == [("MO", "TU", 2)]


def test_day_runs_groups_consecutive_days():
    """Runs of days are found in week order, whatever order they are given in."""
    assert week.day_runs(["SA", "MO", "WE", "TU"]) == [("MO", "WE", 3), ("SA", "SA", 1)]
    assert week.day_runs(["sun", "fri", "sat"]) == [("fri", "sun", 3)]


def test_times_of_day():
    """Mornings, afternoons and evenings, with their hours and words."""
    assert week.TIME_CODES == ("morning", "afternoon", "evening")
    morning = week.time_of_day("morning")
    assert (morning.starts, morning.ends) == (9, 12)
    assert (morning.label, morning.phrase) == ("Mornings", "in the mornings")
    assert (week.time_of_day("evening").starts, week.time_of_day("evening").ends) == (17, 21)
