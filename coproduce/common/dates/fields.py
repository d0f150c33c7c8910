"""The date and time formats people type, and the form fields that accept them.

Every form that asks for a date or a time uses these, so a date is asked the GOV.UK way
(three boxes: day, month, year) and a time written as 7pm, 7.30pm or 19:00 is understood in
the same way everywhere.
"""

from datetime import date, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .clock import clock_words, parse_clock
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


PARTS = ("day", "month", "year")


def _example_day(days_ahead: int) -> str:
    # The example moves with the calendar, so it is never a day already gone (or, for a
    # day in the past, one still to come).
    day = timezone.localdate() + timedelta(days=days_ahead)
    return gettext("For example, %(day)s %(month)s %(year)s") % {
        "day": day.day,
        "month": day.month,
        "year": day.year,
    }


example_day = lazy(_example_day, str)


class DayInput(forms.TextInput):
    """The GOV.UK date input: three boxes named `<name>-day`, `<name>-month`, `<name>-year`.

    `govuk_forms.render_field` draws it with the Design System's component. A single value
    under the field's own name (a link such as `?day=2026-03-27`, or a script) is still
    read, and so is the one text box this widget draws where the component is not used."""

    def value_from_datadict(self, data, files, name):
        keys = [f"{name}-{part}" for part in PARTS]
        if any(key in data for key in keys):
            return [str(data.get(key, "")).strip() for key in keys]
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and not any(f"{name}-{part}" in data for part in PARTS)

    def id_for_label(self, id_):
        # Labels and error summary links go to the first box, as the Design System asks.
        return f"{id_}-day" if id_ else id_


def day_parts(value) -> dict[str, str]:
    """What each of the three boxes shows for a field's value (a date, typed parts, or text)."""
    if isinstance(value, list | tuple):
        return dict(zip(PARTS, (str(v) for v in value), strict=False))
    if isinstance(value, str) and value:
        try:
            value = forms.DateField(input_formats=DATE_FORMATS).to_python(value)
        except forms.ValidationError:
            return {}
    if isinstance(value, date):
        return {"day": str(value.day), "month": str(value.month), "year": str(value.year)}
    return {}


_PART_NAMES = {"day": _("a day"), "month": _("a month"), "year": _("a year")}


class DayField(forms.DateField):
    """A day asked as day, month and year, with the Design System's messages: which part is
    missing, "must be a real date", a year of four numbers."""

    widget = DayInput
    default_error_messages = {"invalid": _("The date must be a real date")}

    def __init__(self, *, example_days_ahead: int = 60, **kwargs):
        kwargs.setdefault("help_text", example_day(example_days_ahead))
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault("validators", [sensible_day])
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return self._from_parts(dict(zip(PARTS, value, strict=False)))
        return super().to_python(value)

    def _from_parts(self, parts: dict[str, str]):
        if not any(parts.values()):
            return None
        missing = [part for part in PARTS if not parts.get(part)]
        if missing:
            names = [str(_PART_NAMES[part]) for part in missing]
            raise forms.ValidationError(
                _("The date must include %(parts)s") % {"parts": gettext(" and ").join(names)},
                code="incomplete",
            )
        if not all(parts[part].isascii() and parts[part].isdigit() for part in PARTS):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if len(parts["year"]) != 4:
            raise forms.ValidationError(
                _("The year must include 4 numbers, for example %(year)s")
                % {"year": timezone.localdate().year},
                code="invalid",
            )
        try:
            return date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def day_field(
    label, required_message, *, required: bool = True, example_days_ahead: int = 60
) -> forms.DateField:
    """A day asked the GOV.UK way. `example_days_ahead` sets the hint's example (negative
    for a day that has passed, such as when a check was done)."""
    return DayField(
        label=label,
        required=required,
        example_days_ahead=example_days_ahead,
        error_messages={"required": required_message},
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

    def prepare_value(self, value):
        # A saved time is shown as people write it ("11:59pm"), and reads back the same.
        if isinstance(value, time):
            return clock_words(value, midday=gettext("midday"), midnight=gettext("midnight"))
        return value


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
