"""Template helpers for messages: when a message was sent, the GOV.UK way."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coproduce.common.dates.text import clock

from ..selectors import unread_count

register = template.Library()


@register.filter
def message_time(moment: datetime | None) -> str:
    """'5 December 2026 at 6:09pm'."""
    if moment is None:
        return ""
    day = date_format(timezone.localtime(moment), "j F Y")
    return _("%(day)s at %(time)s") % {"day": day, "time": clock(moment)}


@register.simple_tag(takes_context=True)
def unread_message_count(context) -> int:
    """How many of the viewer's threads have something new (for a "Messages" nav link)."""
    request = context.get("request")
    return unread_count(getattr(request, "user", None)) if request is not None else 0
