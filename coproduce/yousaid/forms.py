"""Forms for council responses: record one, update it, ask someone to own it, and the
filters of the public lists."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field
from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import CHOOSE, too_long
from coproduce.people.naming import name_for
from coproduce.places.fields import ward_filter_field

from .models import CouncilResponse
from .selectors import OVERDUE

TEXT = 3000


def _text(label, required_message, *, help_text="", required=True):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": required_message, **too_long()},
    )


class OwnerField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            coerce=int,
            error_messages={"required": _("Choose who will own it"), **CHOOSE},
            **kwargs,
        )


def _owner_choices(owners, viewer, *, blank: str | None):
    choices = [(person.pk, name_for(person, viewer)) for person in owners]
    return [("", blank), *choices] if blank else choices


class ResponseRecordForm(forms.Form):
    heard = _text(_("What did you hear?"), _("Say what you heard"))
    will_change = _text(_("What will change?"), _("Say what will change"))
    due_on = day_field(_("By when?"), _("Enter the date it will change by"))
    owner = OwnerField(
        label=_("Who will own it? (optional)"),
        required=False,
        help_text=_("A council officer. We ask them first: they own it once they say yes."),
    )

    def __init__(self, *args, owners, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _owner_choices(owners, viewer, blank=_("Choose later"))


class ResponseUpdateForm(forms.Form):
    heard = _text(_("What did you hear?"), _("Say what you heard"))
    will_change = _text(_("What will change?"), _("Say what will change"))
    due_on = day_field(_("By when?"), _("Enter the date it will change by"))
    status = forms.ChoiceField(
        label=_("Where is it up to?"),
        choices=CouncilResponse.Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where it is up to"), **CHOOSE},
    )
    did_change = _text(
        _("What did change?"),
        "",
        required=False,
        help_text=_("Needed when it is done."),
    )
    done_on = day_field(
        _("When did it change? (optional)"),
        "",
        required=False,
        example_days_ahead=-7,
    )
    not_doing_reason = _text(
        _("Why is the council not doing it?"),
        "",
        required=False,
        help_text=_("Needed when the council is not doing it."),
    )


class OwnerInviteForm(forms.Form):
    owner = OwnerField(label=_("Who will own it?"))

    def __init__(self, *args, owners, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = _owner_choices(owners, viewer, blank=None)


STATUS_FILTERS = [
    ("", _("Any")),
    (OVERDUE, _("Overdue")),
    *CouncilResponse.Status.choices,
]


class ResponseFilterForm(FilterForm):
    status = forms.ChoiceField(
        label=_("Where it is up to"),
        choices=STATUS_FILTERS,
        required=False,
        error_messages=CHOOSE,
    )


class BoroughFilterForm(ResponseFilterForm):
    ward = ward_filter_field()
    field_order = ["ward", "status"]
