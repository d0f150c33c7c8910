"""The date and time formats people type, and the form fields that accept them.

Every form that asks for a date or a time uses these, so a date written as 27/3/2026 or a
time written as 7pm, 7.30pm or 19:00 is understood in the same way everywhere.
"""

from datetime import date, time

from django import forms
from django.utils.translation import gettext_lazy as _

from .clock import parse_clock
from .parsing import EARLIEST, LATEST, DateError, within_bounds

DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]


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


class ClockField(forms.TimeField):
    """A time of day as people write it: "7pm", "7.30pm", "19:00", "midday" (see `clock`)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, time):
            return value
        parsed = parse_clock(str(value))
        if parsed is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed


def time_field(
    label, example: str, *, required_message=None, invalid_message=None
) -> forms.TimeField:
    """A time such as `example` (any way people write one); the messages may name the time
    ("the start time")."""
    return ClockField(
        label=label,
        help_text=_("For example, %(example)s") % {"example": example},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": required_message or _("Enter the time"),
            "invalid": invalid_message or _("Enter a time such as 7pm, 7:30pm or 19:00"),
        },
    )
