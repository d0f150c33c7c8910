"""Forms for time credits: how long someone helped, and a person's choice about credits."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.people.naming import name_for

MAX_HOURS = 24  # one credit is for one thing: at most a day of it


def _whole(label, *, max_value: int):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=max_value,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": _("Enter a whole number, like 2"),
            "min_value": _("Enter 0 or more"),
            "max_value": _("Enter %(limit_value)s or less"),
        },
    )


class HoursForm(forms.Form):
    hours = _whole(_("Hours"), max_value=MAX_HOURS)
    minutes = _whole(_("Minutes"), max_value=59)

    def clean(self):
        data = super().clean()
        if "hours" in data and "minutes" in data:
            total = (data.get("hours") or 0) * 60 + (data.get("minutes") or 0)
            if total <= 0:
                self.add_error("hours", _("Enter a time of more than zero"))
            elif total > MAX_HOURS * 60:
                self.add_error("hours", _("Enter a time of 24 hours or less"))
            data["total_minutes"] = total
        return data


class ContributionCreditForm(HoursForm):
    """Which accepted offer or volunteer it is for, and how long they gave."""

    contribution = forms.TypedChoiceField(
        label=_("Who helped?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who helped"),
            "invalid_choice": _("Choose someone from the list"),
        },
    )
    field_order = ["contribution", "hours", "minutes"]

    def __init__(self, *args, contributions, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contribution"].choices = [
            (c.pk, f"{name_for(c.person, viewer)}: {c.get_kind_display()}")
            for c in contributions
            if c.credit is None and c.wants
        ]


class EventCreditForm(HoursForm):
    """Which helper it is for, and how long they gave."""

    person = forms.TypedChoiceField(
        label=_("Who helped run it?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who helped"),
            "invalid_choice": _("Choose someone from the list"),
        },
    )
    field_order = ["person", "hours", "minutes"]

    def __init__(self, *args, helpers, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [
            (person.pk, name_for(person, viewer))
            for person in helpers
            if person.credit is None and person.wants and person.pk != viewer.pk
        ]


class CreditChoiceForm(forms.Form):
    wants_credits = forms.ChoiceField(
        label=_("Would you like time credits when you help?"),
        choices=[
            ("yes", _("Yes, record my time in the time bank")),
            ("no", _("No, I do not want time credits")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose yes or no"),
            "invalid_choice": _("Choose yes or no"),
        },
    )
