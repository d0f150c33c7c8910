"""Times of day read the ways people write them, and written the GOV.UK way."""

import subprocess
import sys
from datetime import time

import pytest

from coproduce.common.dates.clock import clock_words, parse_clock


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("7pm", time(19, 0)),
        ("7 pm", time(19, 0)),
        ("7PM", time(19, 0)),
        ("7.30pm", time(19, 30)),
        ("7:30 p.m.", time(19, 30)),
        ("7:30am", time(7, 30)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("12.15am", time(0, 15)),
        ("19:00", time(19, 0)),
        ("19.00", time(19, 0)),
        ("1900", time(19, 0)),
        ("09:05", time(9, 5)),
        ("0:00", time(0, 0)),
        ("midday", time(12, 0)),
        ("Noon", time(12, 0)),
        (" midnight ", time(0, 0)),
    ],
)
def test_times_people_write_are_understood(written, meant):
    assert parse_clock(written) == meant


@pytest.mark.parametrize(
    "written", ["7", "19", "13pm", "0am", "24:00", "7:60", "7:5", "", "seven", "٧pm", "7pm7"]
)
def test_what_is_not_a_time_is_refused(written):
    """A bare hour could be morning or evening; other scripts' digits are not read."""
    assert parse_clock(written) is None


@pytest.mark.parametrize(
    ("at", "words"),
    [
        (time(18, 9), "6:09pm"),
        (time(18, 0), "6pm"),
        (time(9, 30), "9:30am"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(12, 30), "12:30pm"),
        (time(0, 30), "12:30am"),
    ],
)
def test_times_are_written_the_govuk_way(at, words):
    assert clock_words(at) == words


def test_every_written_time_reads_back_as_itself():
    for minutes in range(0, 24 * 60, 7):
        at = time(minutes // 60, minutes % 60)
        assert parse_clock(clock_words(at)) == at


def test_clock_module_has_no_django_import():
    code = "import sys, coproduce.common.dates.clock; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
