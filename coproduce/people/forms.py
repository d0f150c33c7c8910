from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.places.fields import ward_field

from . import privacy
from .models import Day, TimeOfDay, Travel, Visibility

WHO_CAN_SEE = {
    "identity": _("Who can see your name and ward?"),
    "skills": _("Who can see what you can do?"),
    "passions": _("Who can see what you care about?"),
    "ambitions": _("Who can see what you would like to do?"),
    "languages": _("Who can see the languages you speak?"),
    "availability": _("Who can see when you are free and how far you can travel?"),
    "access_needs": _("Who can see your access needs?"),
}


def _visibility_field(part: str) -> forms.ChoiceField:
    allowed = privacy.allowed_choices(part)
    return forms.ChoiceField(
        label=WHO_CAN_SEE[part],
        choices=[(v, label) for v, label in Visibility.choices if privacy.Visibility(v) in allowed],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who can see this"),
            "invalid_choice": _("Choose one of the options"),
        },
    )


def _text(label, help_text="", *, rows: int = 3, max_length: int = 2000) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"max_length": _("Use %(limit_value)d characters or fewer")},
    )


class ProfileForm(forms.Form):
    """A person's profile in their own words, with who may see each part."""

    ward = ward_field(
        _("Which ward do you live in?"),
        empty_label=_("I would rather not say"),
        help_text=_("We never show where you live, only your ward."),
    )
    visibility_identity = _visibility_field("identity")
    what_i_can_do = _text(
        _("What can you do?"),
        _("In your own words. For example: 'I run the school fete' or 'I fix bikes'."),
        rows=5,
    )
    visibility_skills = _visibility_field("skills")
    what_i_care_about = _text(_("What do you care about?"))
    visibility_passions = _visibility_field("passions")
    what_i_would_like_to_do = _text(_("What would you like to do or learn?"))
    visibility_ambitions = _visibility_field("ambitions")
    languages = forms.CharField(
        label=_("Which languages do you speak?"),
        help_text=_("For example: English, Somali, British Sign Language"),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Use 200 characters or fewer")},
    )
    visibility_languages = _visibility_field("languages")
    available_days = forms.MultipleChoiceField(
        label=_("Which days are you usually free?"),
        choices=Day.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    available_times = forms.MultipleChoiceField(
        label=_("What times of day are you usually free?"),
        choices=TimeOfDay.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    hours_per_month = forms.IntegerField(
        label=_("About how many hours a month could you give?"),
        help_text=_("Leave this empty if you are not sure."),
        required=False,
        min_value=0,
        max_value=300,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "invalid": _("Enter hours as a whole number, like 4"),
            "min_value": _("Hours cannot be less than 0"),
            "max_value": _("Enter 300 hours or fewer"),
        },
    )
    travel = forms.ChoiceField(
        label=_("How far can you travel?"),
        choices=Travel.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    visibility_availability = _visibility_field("availability")
    access_needs = _text(
        _("Do you have any access needs?"),
        _("For example: step-free access, a hearing loop, or a quiet room. Optional."),
    )
    visibility_access_needs = _visibility_field("access_needs")
    open_to_invitations = forms.BooleanField(
        label=_("Projects may invite me to help. I choose whether to accept."),
        required=False,
    )
    show_on_map = forms.BooleanField(
        label=_("Count me on the map in my ward. The map never shows where I live."),
        required=False,
    )

    def cleaned_details(self) -> dict:
        details = dict(self.cleaned_data)
        details.pop("ward")
        if details.get("hours_per_month") is None:
            details["hours_per_month"] = None
        return details
