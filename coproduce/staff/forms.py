from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import DATE_FORMATS, day_field, sensible_day
from coproduce.common.filters import FilterForm


def _day(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=_("For example, 27/3/2026"),
        required=False,
        input_formats=DATE_FORMATS,
        validators=[sensible_day],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"invalid": _("Enter the date as day/month/year, for example 27/3/2026")},
    )


def _words(label, help_text="") -> forms.CharField:
    return forms.CharField(label=label, help_text=help_text, required=False, max_length=100)


class AuditFilterForm(FilterForm):
    action = _words(_("Action"), _("For example, moderation or personal_data.viewed"))
    who = _words(_("Staff member's email address"))
    target = _words(_("What or whom"))
    since = _day(_("From"))
    until = _day(_("To"))


class CodeForm(forms.Form):
    """A six-digit code from an authenticator app, or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "spellcheck": "false",
                "class": "govuk-input--width-10",
            }
        ),
        error_messages={"required": _("Enter the code")},
    )

    def clean_code(self) -> str:
        return "".join(self.cleaned_data["code"].split())


class ApiTokenForm(forms.Form):
    """A new API token: what it is for, and the day it stops working, if any."""

    name = forms.CharField(
        label=_("Name"),
        help_text=_("Say what will use it, for example the events system."),
        max_length=100,
        error_messages={"required": _("Give the token a name, so you know what uses it.")},
    )
    expires_on = day_field(
        _("Stops working on (optional)"),
        _("Enter the day it stops working"),
        required=False,
        example_days_ahead=90,
    )
