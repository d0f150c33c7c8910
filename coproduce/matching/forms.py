from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.people.models import Day, TimeOfDay
from coproduce.places.fields import ward_field
from coproduce.projects.services.needs import MAX_SKILLS
from coproduce.skills.selectors import current_skills


class NeedForm(forms.Form):
    title = forms.CharField(
        label=_("What is needed?"),
        help_text=_("For example, ‘Cooks for the Saturday lunch club’."),
        max_length=200,
        error_messages={
            "required": _("Say what is needed"),
            "max_length": _("Use 200 characters or fewer"),
        },
    )
    description = forms.CharField(
        label=_("More about it (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Use 5000 characters or fewer")},
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Which skills are needed?"),
        help_text=_("Choose up to %(max)d.") % {"max": MAX_SKILLS},
        queryset=current_skills(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one skill"),
            "invalid_choice": _("Choose skills from the list"),
            "invalid_pk_value": _("Choose skills from the list"),
        },
    )
    days = forms.MultipleChoiceField(
        label=_("Which days? (optional)"),
        help_text=_("Leave empty if any day will do."),
        choices=Day.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose days from the list")},
    )
    times = forms.MultipleChoiceField(
        label=_("What times of day? (optional)"),
        choices=TimeOfDay.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose times from the list")},
    )
    ward = ward_field(
        _("Which ward is it in? (optional)"), empty_label=_("Anywhere in the borough")
    )
    online_ok = forms.BooleanField(label=_("It can be done online"), required=False)
    needs_step_free = forms.BooleanField(label=_("It needs a step-free place"), required=False)

    def clean_skills(self):
        skills = self.cleaned_data["skills"]
        if len(skills) > MAX_SKILLS:
            raise forms.ValidationError(_("Choose %(max)d skills or fewer") % {"max": MAX_SKILLS})
        return skills


class InvitationForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Use 2000 characters or fewer")},
    )
