"""Forms for street champions: choosing streets, applying, answering, ending, messages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import CHOOSE, too_long
from coproduce.places.fields import ward_filter_field

from .services import LONGEST_MESSAGE, LONGEST_REASON, LONGEST_WHY


class StreetFinderForm(FilterForm):
    """Which ward's streets to list on the application page, and words in the street name."""

    ward = ward_filter_field(
        _("Ward"), empty_label=_("Choose a ward"), invalid_message=_("Choose a ward from the list")
    )
    q = forms.CharField(
        label=_("Words in the street name (optional)"), required=False, max_length=100
    )


class ApplicationForm(forms.Form):
    streets = forms.ModelMultipleChoiceField(
        label=_("Which streets would you like to champion?"),
        help_text=_("Tick each street. You can choose streets in one ward at a time."),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one street"),
            "invalid_choice": _("Choose streets from the list"),
            "invalid_pk_value": _("Choose streets from the list"),
        },
    )
    why = forms.CharField(
        label=_("Why would you like to be a street champion?"),
        help_text=_("For example, how long you have lived there and who you know."),
        max_length=LONGEST_WHY,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Say why you want to be a street champion"), **too_long()},
    )

    def __init__(self, *args, streets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["streets"].queryset = streets


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("approve", _("Yes, approve")), ("decline", _("No, do not approve"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no"), **CHOOSE},
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("We send this to the person. You must give a reason if you say no."),
        required=False,
        max_length=LONGEST_REASON,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=too_long(),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "decline" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why, so the person knows"))
        return data


class EndRoleForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you ending this role?"),
        help_text=_("We send this to the champion."),
        max_length=LONGEST_REASON,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say why, so the champion knows"), **too_long()},
    )


class ContactForm(forms.Form):
    street = forms.ModelChoiceField(
        label=_("Which street is it about? (optional)"),
        queryset=None,
        required=False,
        empty_label=_("Not about one street"),
        error_messages={"invalid_choice": _("Choose one of the champion's streets")},
    )
    body = forms.CharField(
        label=_("Your message"),
        help_text=_("Do not put private things here, like bank details."),
        max_length=LONGEST_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your message"), **too_long()},
    )
    share_email = forms.BooleanField(
        label=_("Share my email address so the champion can reply by email"),
        required=False,
    )

    def __init__(self, *args, streets, can_share_email: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["street"].queryset = streets
        if not can_share_email:
            del self.fields["share_email"]


class CoverageFilterForm(FilterForm):
    SORTS = [
        ("gaps", _("Streets without a champion first")),
        ("people", _("Most people first")),
        ("name", _("Street name")),
    ]
    ward = ward_filter_field(
        _("Ward"), empty_label=_("Every ward"), invalid_message=_("Choose a ward from the list")
    )
    sort = forms.ChoiceField(
        label=_("Sort by"), choices=SORTS, required=False, initial="gaps", error_messages=CHOOSE
    )
