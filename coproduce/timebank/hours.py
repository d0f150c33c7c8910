"""Minutes shown as hours, in words people use. No Django models here."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def format_minutes(minutes: int) -> str:
    """120 -> "2 hours", 90 -> "1 hour 30 minutes", -45 -> "minus 45 minutes"."""
    sign = _("minus ") if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    if rest or not hours:
        parts.append(ngettext("%(n)d minute", "%(n)d minutes", rest) % {"n": rest})
    return sign + " ".join(parts)


def decimal_hours(minutes: int) -> str:
    """Minutes as hours with two decimal places, exact to the minute's 60th: for CSV files."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}.{rest * 100 // 60:02d}"
