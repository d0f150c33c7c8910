"""A span of time as a clash names it, the GOV.UK way in local time: "from 6pm to 8pm on
Tuesday 8 December" (the year only when it is not this year). Times come from the one
writer of times, `coproduce.common.dates.text.clock`."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coproduce.common.dates.text import clock


def day(moment: datetime, *, today: date | None = None) -> str:
    """'Tuesday 8 December', with the year only when it is not this year."""
    local = timezone.localtime(moment)
    today = today or timezone.localdate()
    return date_format(local, "l j F" if local.year == today.year else "l j F Y")


def span(starts_at: datetime, ends_at: datetime, *, today: date | None = None) -> str:
    """'from 6pm to 8pm on Tuesday 8 December', or across days 'from 6pm on Tuesday
    8 December to 2am on Wednesday 9 December'."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    if start.date() == end.date():
        return _("from %(start)s to %(end)s on %(day)s") % {
            "start": clock(start),
            "end": clock(end),
            "day": day(start, today=today),
        }
    return _("from %(start)s on %(start_day)s to %(end)s on %(end_day)s") % {
        "start": clock(start),
        "start_day": day(start, today=today),
        "end": clock(end),
        "end_day": day(end, today=today),
    }
