from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field, time_field
from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import too_long
from coproduce.places.fields import ward_filter_field
from coproduce.places.selectors import wards_by_name
from coproduce.projects.themes import Theme

from ..models import Funder, FundingApplication


def _pounds(label, *, required: bool = False, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=required,
        min_value=0,
        max_value=100_000_000,
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
        error_messages={
            "required": _("Enter an amount in pounds"),
            "invalid": _("Enter a whole number of pounds, like 5000"),
            "min_value": _("Enter an amount of zero or more"),
            "max_value": _("Enter a smaller amount"),
        },
    )


def _date(label, *, required: bool = False) -> forms.DateField:
    return day_field(label, _("Enter a date"), required=required)


class FundingFilterForm(FilterForm):
    theme = forms.ChoiceField(
        label=_("Theme"),
        choices=[("", _("Any theme")), *Theme.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a theme from the list")},
    )
    ward = ward_filter_field(_("Open to groups in"))
    amount = _pounds(_("Amount you need, in pounds"))


class OpportunityForm(forms.Form):
    """A funding round, added or changed by an officer."""

    funder = forms.ModelChoiceField(
        label=_("Funder"),
        queryset=Funder.objects.order_by("name"),
        required=False,
        empty_label=_("A new funder (enter below)"),
        error_messages={"invalid_choice": _("Choose a funder from the list")},
    )
    new_funder_name = forms.CharField(
        label=_("New funder's name"),
        required=False,
        max_length=200,
        error_messages=too_long(),
    )
    new_funder_website = forms.URLField(
        label=_("New funder's website (optional)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, like https://example.org")},
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        error_messages={"required": _("Enter a title"), **too_long()},
    )
    what_it_funds = forms.CharField(
        label=_("What does it fund?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what it funds"), **too_long()},
    )
    eligibility = forms.CharField(
        label=_("Who can apply? (optional)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=too_long(),
    )
    min_amount = _pounds(_("Smallest grant, in pounds (optional)"))
    max_amount = _pounds(_("Largest grant, in pounds (optional)"))
    deadline_date = _date(_("Deadline date"), required=True)
    deadline_time = time_field(
        _("Deadline time"), "5pm", required_message=_("Enter the deadline time")
    )
    decision_date = _date(_("When will they decide? (optional)"))
    release_date = _date(_("When is the money released? (optional)"))
    link = forms.URLField(
        label=_("Link to apply or read more (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, like https://example.org")},
    )
    borough_wide = forms.BooleanField(
        label=_("Open to groups anywhere in the borough"), required=False
    )
    wards = forms.ModelMultipleChoiceField(
        label=_("Or only to groups in these wards"),
        queryset=wards_by_name(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose wards from the list")},
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose themes from the list")},
    )

    def clean(self):
        data = super().clean()
        if not data.get("funder") and not (data.get("new_funder_name") or "").strip():
            self.add_error("new_funder_name", _("Choose a funder or enter a new funder's name"))
        low, high = data.get("min_amount"), data.get("max_amount")
        if low is not None and high is not None and low > high:
            self.add_error("min_amount", _("The smallest grant cannot be more than the largest"))
        if not data.get("borough_wide") and not data.get("wards"):
            self.add_error("wards", _("Choose wards, or say it is open to the whole borough"))
        day, at = data.get("deadline_date"), data.get("deadline_time")
        if day and at:
            data["deadline"] = timezone.make_aware(datetime.combine(day, at))
            decision, release = data.get("decision_date"), data.get("release_date")
            if decision and decision < day:
                self.add_error("decision_date", _("The decision cannot come before the deadline"))
            if decision and release and release < decision:
                self.add_error(
                    "release_date", _("The money cannot be released before the decision")
                )
        return data

    def opportunity_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "what_it_funds": data["what_it_funds"],
            "eligibility": data["eligibility"],
            "min_amount": data["min_amount"],
            "max_amount": data["max_amount"],
            "deadline": data["deadline"],
            "decision_date": data["decision_date"],
            "release_date": data["release_date"],
            "link": data["link"],
            "borough_wide": data["borough_wide"],
        }


class ApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Which group applied?"),
        queryset=None,
        required=False,
        empty_label=_("Not a group (enter a project name below)"),
        error_messages={"invalid_choice": _("Choose a group you organise")},
    )
    project_name = forms.CharField(
        label=_("Or the name of the project"),
        required=False,
        max_length=200,
        error_messages=too_long(),
    )
    project = forms.ModelChoiceField(
        label=_("Which of your projects is it for? (optional)"),
        queryset=None,
        required=False,
        empty_label=_("None of them"),
        error_messages={"invalid_choice": _("Choose a project you own")},
    )
    amount_requested = _pounds(_("How much did you ask for, in pounds?"), required=True)

    def __init__(self, *args, groups, projects=None, **kwargs):
        from coproduce.projects.models import Project

        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = groups
        self.fields["project"].queryset = (
            projects if projects is not None else Project.objects.none()
        )

    def clean(self):
        data = super().clean()
        named = (data.get("project_name") or "").strip() or data.get("project")
        if not data.get("organisation") and not named:
            self.add_error("project_name", _("Choose your group or project, or enter a name"))
        if data.get("amount_requested") == 0:
            self.add_error("amount_requested", _("Enter an amount of more than zero"))
        return data


class OutcomeForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What happened?"),
        choices=FundingApplication.Status.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what happened"),
            "invalid_choice": _("Choose one of the options"),
        },
    )
    amount_awarded = _pounds(_("Amount awarded, in pounds (if successful)"))
    outcome_notes = forms.CharField(
        label=_("Notes (optional)"),
        help_text=_(
            "For example, what the funder said. Only you, your group and officers see this."
        ),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=too_long(),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("status") == FundingApplication.Status.SUCCESSFUL
            and data.get("amount_awarded") is None
        ):
            self.add_error("amount_awarded", _("Enter the amount awarded"))
        return data
