from datetime import date, datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field, time_field
from coproduce.common.dates.local import local_instant
from coproduce.common.dates.parsing import DateError, parse_instant
from coproduce.common.dates.parsing import parse_month as dates_parse_month
from coproduce.common.filters import FilterForm
from coproduce.groups.models import Organisation
from coproduce.places import vocab
from coproduce.places.fields import ward_filter_field


class SpaceFilterForm(FilterForm):
    ward = ward_filter_field()
    capacity = forms.IntegerField(
        label=_("Room for at least this many people"),
        required=False,
        min_value=1,
        max_value=10_000,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        error_messages={
            "invalid": _("Enter how many people, like 20"),
            "min_value": _("Enter 1 person or more"),
            "max_value": _("Enter 10,000 people or fewer"),
        },
    )
    facility = forms.ChoiceField(
        label=_("Has this facility"),
        choices=[("", _("Any facility")), *vocab.FACILITIES.items()],
        required=False,
        error_messages={"invalid_choice": _("Choose a facility from the list")},
    )
    free = forms.BooleanField(label=_("Free for community use"), required=False)


class BookingForm(forms.Form):
    """A date and local start and end times; cleaned into aware instants."""

    day = day_field(_("Date"), _("Enter the date"))
    starts = time_field(
        _("Start time"),
        "6pm",
        required_message=_("Enter the start time"),
        invalid_message=_("Enter the start time, for example 6pm, 6:30pm or 18:30"),
    )
    ends = time_field(
        _("End time"),
        "8:30pm",
        required_message=_("Enter the end time"),
        invalid_message=_("Enter the end time, for example 8:30pm or 20:30"),
    )
    purpose = forms.CharField(
        label=_("What is the booking for?"),
        help_text=_("For example, a meeting of our residents' association."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Say what the booking is for"),
            "max_length": _("Use 500 characters or fewer"),
        },
    )
    group = forms.ModelChoiceField(
        label=_("Which group is it for? (optional)"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Just me"),
        error_messages={"invalid_choice": _("Choose one of your groups from the list")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["group"].queryset = Organisation.objects.filter(
                memberships__user=user
            ).order_by("name")

    def clean(self):
        data = super().clean()
        day: date | None = data.get("day")
        if day is None or data.get("starts") is None or data.get("ends") is None:
            return data
        if data["ends"] <= data["starts"]:
            self.add_error("ends", _("The end time must be after the start time"))
            return data
        starts = local_instant(day, data["starts"])
        ends = local_instant(day, data["ends"])
        if starts is None:
            self.add_error("starts", _("The clocks go forward at that time. Choose another."))
        if ends is None:
            self.add_error("ends", _("The clocks go forward at that time. Choose another."))
        data["starts_at"], data["ends_at"] = starts, ends
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Give a reason, so the person knows why"),
            "max_length": _("Use 2,000 characters or fewer"),
        },
    )

    def __init__(self, *args, required: bool = True, label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required
        if label:
            self.fields["reason"].label = label


class BookingApiForm(forms.Form):
    """The JSON endpoint's body: ISO 8601 instants with an offset."""

    start = forms.CharField()
    end = forms.CharField()
    purpose = forms.CharField(max_length=500)

    def _instant(self, name: str) -> datetime:
        try:
            return parse_instant(self.cleaned_data[name], name=name)
        except DateError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_start(self) -> datetime:
        return self._instant("start")

    def clean_end(self) -> datetime:
        return self._instant("end")


# A room's calendar is shown for months from 2000 to 2100: nobody books further off.
CALENDAR_FROM = date(2000, 1, 1)
CALENDAR_TO = date(2100, 12, 31)


def parse_month(value: str | None, today: date) -> tuple[int, int]:
    """'2026-03' as (2026, 3); the current month when not given; DateError when malformed."""
    if not value:
        return today.year, today.month
    first = dates_parse_month(value, earliest=CALENDAR_FROM, latest=CALENDAR_TO)
    return first.year, first.month
