"""How times and spans of time are written for people, in local time, the GOV.UK way."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .clock import clock_words


def clock(at: time | datetime) -> str:
    """ "6:09pm", "6pm", "midday", "midnight" (a datetime in local time)."""
    if isinstance(at, datetime):
        at = timezone.localtime(at).time()
    return clock_words(at, midday=_("midday"), midnight=_("midnight"))


def span(starts_at: datetime, ends_at: datetime) -> str:
    """ "Tuesday 3 March 2026, 6pm to 8pm", or with the end's day when it ends on another
    ("... 6pm to Wednesday 4 March 2026, 1am"), in local time. One function rather than a
    template of four date filters: a list of events draws it on every row."""
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    text = f"{date_format(start, 'l j F Y')}, {clock(start.time())} {_('to')} "
    if start.date() != end.date():
        text += f"{date_format(end, 'l j F Y')}, "
    return text + clock(end.time())


def when(at: datetime, *, year: bool = True) -> str:
    """ "Tuesday 3 March 2026, 6pm" in local time."""
    local = timezone.localtime(at)
    day = date_format(local, "l j F Y" if year else "l j F")
    return f"{day}, {clock(local.time())}"


def describe(starts_at: datetime, ends_at: datetime) -> str:
    """'Tuesday 3 March 2026, 6pm to 8pm' in local time."""
    start = timezone.localtime(starts_at)
    end = timezone.localtime(ends_at)
    if start.date() == end.date():
        return when(start) + " " + _("to") + " " + clock(end.time())
    return when(start) + " " + _("to") + " " + when(end)
