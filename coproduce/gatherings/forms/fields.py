"""Field makers the gatherings forms share: dates, times, places and length messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.bookings.forms import DATE_FORMATS, TIME_FORMATS
from coproduce.places.models import Place


def too_long() -> dict:
    return {"max_length": _("Use %(limit_value)d characters or fewer")}


class PlaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Place) -> str:
        return f"{obj.name}, {obj.ward.name}"


def day_field(label, required_message):
    return forms.DateField(
        label=label,
        help_text=_("For example, 27/3/2026"),
        input_formats=DATE_FORMATS,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={
            "required": required_message,
            "invalid": _("Enter the date as day/month/year, for example 27/3/2026"),
        },
    )


def time_field(label, example):
    return forms.TimeField(
        label=label,
        help_text=_("Use the 24-hour clock, for example %(example)s") % {"example": example},
        input_formats=TIME_FORMATS,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": _("Enter the time"),
            "invalid": _("Enter the time as hours and minutes, for example %(example)s")
            % {"example": example},
        },
    )
