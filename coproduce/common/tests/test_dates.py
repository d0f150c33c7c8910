import subprocess
import sys
from datetime import UTC, date, datetime, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from coproduce.common.dates.fields import day_field, time_field
from coproduce.common.dates.local import day_bounds, local_instant
from coproduce.common.dates.text import describe


def _utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_a_skipped_local_time_has_no_instant():
    """01:30 on the day the clocks go forward does not exist in London."""
    assert local_instant(date(2026, 3, 29), time(1, 30)) is None
    assert local_instant(date(2026, 3, 29), time(2, 30)) == _utc(2026, 3, 29, 1, 30)


def test_day_bounds_run_from_local_midnight_to_local_midnight():
    """A summer day in London starts at 23:00 UTC the evening before."""
    assert day_bounds(date(2026, 6, 1), date(2026, 6, 2)) == (
        _utc(2026, 5, 31, 23),
        _utc(2026, 6, 2, 23),
    )


def test_describe_writes_a_span_in_local_time():
    """A span on one day names the day once; one across days names both."""
    starts = timezone.make_aware(datetime(2026, 3, 3, 18))
    assert describe(starts, starts.replace(hour=20)) == "Tuesday 3 March 2026, 6pm to 8pm"
    ends = timezone.make_aware(datetime(2026, 3, 4, 9))
    assert describe(starts, ends) == "Tuesday 3 March 2026, 6pm to Wednesday 4 March 2026, 9am"


def test_fields_accept_the_ways_people_write_dates_and_times():
    """27/3/2026, 27-3-2026 and 2026-03-27 are one date; 18.30, 18:30 and 6.30pm one time."""
    day = day_field("Date", "Enter the date")
    for written in ["27/3/2026", "27-3-2026", "27.3.2026", "2026-03-27"]:
        assert day.clean(written) == date(2026, 3, 27)
    at = time_field("Start time", "18:00")
    assert at.clean("18.30") == at.clean("18:30") == at.clean("6.30pm") == time(18, 30)
    assert at.clean("7pm") == time(19, 0)
    with pytest.raises(ValidationError, match="7pm"):
        at.clean("7")


def test_local_time_module_has_no_django_import():
    """London time is plain Python, so the pure modules (iCal, availability) can use it."""
    code = "import sys, coproduce.common.dates.local; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_span_names_the_end_day_only_when_it_differs():
    """An evening is "day, 6pm to 8pm"; past midnight the end's day is written too."""
    from coproduce.common.dates.text import span

    start = local_instant(date(2026, 3, 3), time(18, 0))
    assert span(start, local_instant(date(2026, 3, 3), time(20, 0))) == (
        "Tuesday 3 March 2026, 6pm to 8pm"
    )
    assert span(start, local_instant(date(2026, 3, 4), time(1, 30))) == (
        "Tuesday 3 March 2026, 6pm to Wednesday 4 March 2026, 1:30am"
    )
