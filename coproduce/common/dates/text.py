"""How a span of time is written for people, in local time."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def describe(starts_at: datetime, ends_at: datetime) -> str:
    """'Tuesday 3 March 2026, 18:00 to 20:00' in local time."""
    start = timezone.localtime(starts_at)
    end = timezone.localtime(ends_at)
    day = date_format(start, "l j F Y")
    if start.date() == end.date():
        return f"{day}, {start:%H:%M} " + _("to") + f" {end:%H:%M}"
    return f"{day}, {start:%H:%M} " + _("to") + f" {date_format(end, 'l j F Y')}, {end:%H:%M}"
