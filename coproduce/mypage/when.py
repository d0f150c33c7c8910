"""Days and times written the GOV.UK way, in London time: "Tuesday 8 December, 6pm".

GOV.UK style: no leading zeros, "am" and "pm" with no space or full stops, "6pm" not
"6:00pm", "midday" and "midnight" rather than 12pm and 12am. The year is left out when it is
this year, as people read it that way.
"""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format

from coproduce.common.dates.text import clock


def govuk_time(moment: datetime) -> str:
    """ "6pm", "6:09pm", "9am", "midday", "midnight", in London time (the site's one rule)."""
    return clock(moment)


def govuk_day(day: date, *, today: date | None = None) -> str:
    """ "Tuesday 8 December", with the year when it is not this year."""
    today = today or timezone.localdate()
    if day.year == today.year:
        return date_format(day, "l j F")
    return date_format(day, "l j F Y")


def govuk_when(moment: datetime, *, today: date | None = None) -> str:
    """ "Tuesday 8 December, 6pm" in London time."""
    local = timezone.localtime(moment)
    return f"{govuk_day(local.date(), today=today)}, {govuk_time(local)}"
