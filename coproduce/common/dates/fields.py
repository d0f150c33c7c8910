"""The date and time formats people type, and the form fields that accept them.

Every form that asks for a date or a time uses these, so a date written as 27/3/2026 or a
time written as 18.00 is understood in the same way everywhere.
"""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from .parsing import EARLIEST, LATEST, DateError, within_bounds

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
TIME_FORMATS = ["%H:%M", "%H.%M"]


def sensible_day(day: date) -> None:
    """A validator: refuses a day outside the years any use can reckon with (see `parsing`)."""
    try:
        within_bounds(day)
    except DateError:
        raise forms.ValidationError(
            _("Enter a date in a year from %(earliest)s to %(latest)s")
            % {"earliest": EARLIEST.year, "latest": LATEST.year},
            code="out_of_range",
        ) from None


def day_field(label, required_message) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=_("For example, 27/3/2026"),
        input_formats=DATE_FORMATS,
        validators=[sensible_day],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={
            "required": required_message,
            "invalid": _("Enter the date as day/month/year, for example 27/3/2026"),
        },
    )


def time_field(
    label, example: str, *, required_message=None, invalid_message=None
) -> forms.TimeField:
    """A 24-hour time such as `example`; the messages may name the time ("the start time")."""
    return forms.TimeField(
        label=label,
        help_text=_("Use the 24-hour clock, for example %(example)s") % {"example": example},
        input_formats=TIME_FORMATS,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": required_message or _("Enter the time"),
            "invalid": invalid_message
            or _("Enter the time as hours and minutes, for example %(example)s")
            % {"example": example},
        },
    )
