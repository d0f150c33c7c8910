"""Forms for rounds (officers), proposals (residents and groups), checks and ballots."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field
from coproduce.common.numbers import NumberError, whole_number
from coproduce.people.naming import name_for
from coproduce.places.models import Ward
from coproduce.places.selectors import wards_by_name
from coproduce.projects.themes import Theme

from . import wording
from .models import Round, Unit

LARGEST_AMOUNT = 1_000_000_000


class WholeNumberField(forms.Field):
    """A whole number typed by a person: ASCII digits only (see common.numbers)."""

    widget = forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"})

    def __init__(self, *, invalid, minimum: int = 0, maximum: int = LARGEST_AMOUNT, **kwargs):
        self.invalid, self.minimum, self.maximum = invalid, minimum, maximum
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip().replace(",", "").removeprefix("£")
        try:
            return whole_number(text, minimum=self.minimum, maximum=self.maximum)
        except NumberError:
            raise forms.ValidationError(self.invalid, code="invalid") from None


def _text(label, *, limit: int, required_message, rows: int | None = None, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        error_messages={
            "required": required_message,
            "max_length": _("Use %(limit_value)d characters or fewer"),
        },
    )


def _radios(label, choices, required_message) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": required_message,
            "invalid_choice": _("Choose one of the options"),
        },
    )


class OfficerChoice(forms.ModelMultipleChoiceField):
    def __init__(self, *args, viewer=None, **kwargs):
        self.viewer = viewer
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj) -> str:
        return name_for(obj, self.viewer)


def officers():
    """People who may run rounds: the officer role, or the permission given directly."""
    permission = Permission.objects.filter(
        content_type__app_label="budgets", codename="run_rounds"
    ).first()
    users = get_user_model().objects.filter(is_active=True)
    if permission is None:
        return users.filter(is_superuser=True)
    return (
        users.filter(
            Q(groups__permissions=permission)
            | Q(user_permissions=permission)
            | Q(is_superuser=True)
        )
        .select_related("profile")
        .distinct()
        .order_by("pk")
    )


class RoundForm(forms.Form):
    title = _text(_("Title"), limit=200, required_message=_("Enter a title"))
    purpose = _text(
        _("What is the support for?"),
        limit=5000,
        rows=4,
        required_message=_("Say what the support is for"),
    )
    budget = WholeNumberField(
        label=_("Budget, as a whole number"),
        invalid=_("Enter the budget as a whole number, like 10000"),
        minimum=1,
        error_messages={"required": _("Enter the budget")},
    )
    unit = _radios(_("What is the budget in?"), Unit.choices, _("Choose what the budget is in"))
    borough_wide = forms.BooleanField(label=_("For the whole borough"), required=False)
    wards = forms.ModelMultipleChoiceField(
        label=_("Or only for these wards"),
        queryset=wards_by_name(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose wards from the list")},
    )
    who_may_propose = _radios(
        _("Who may make proposals?"), Round.WhoMayPropose.choices, _("Choose who may propose")
    )
    who_may_vote = _radios(_("Who may vote?"), Round.WhoMayVote.choices, _("Choose who may vote"))
    most_a_proposal_may_cost = WholeNumberField(
        label=_("The most one proposal may cost (optional)"),
        invalid=_("Enter a whole number, like 5000"),
        minimum=1,
        required=False,
    )
    ballot = _radios(_("How do people vote?"), Round.Ballot.choices, _("Choose how people vote"))
    most_choices = WholeNumberField(
        label=_("The most proposals one person may choose (optional)"),
        help_text=_("Only when people choose the proposals they support."),
        invalid=_("Enter a whole number, like 5"),
        minimum=1,
        maximum=1000,
        required=False,
    )
    rule = _radios(
        _("How is the result worked out?"), Round.Rule.choices, _("Choose how it is worked out")
    )
    proposals_from = day_field(_("Proposals open on"), _("Enter the day proposals open"))
    proposals_until = day_field(_("Proposals close on"), _("Enter the day proposals close"))
    voting_from = day_field(_("Voting opens on"), _("Enter the day voting opens"))
    voting_until = day_field(_("Voting closes on"), _("Enter the day voting closes"))
    result_by = day_field(_("The result is due by"), _("Enter the day the result is due"))
    owners = OfficerChoice(
        label=_("Officers who own the round"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one officer"),
            "invalid_choice": _("Choose officers from the list"),
        },
    )

    def __init__(self, *args, viewer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owners"].queryset = officers()
        self.fields["owners"].viewer = viewer

    def clean(self):
        data = super().clean()
        if not data.get("borough_wide") and not data.get("wards"):
            self.add_error("wards", _("Choose wards, or say it is for the whole borough"))
        return data

    def round_fields(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in self.fields if name not in ("wards", "owners")}


class ProposalForm(forms.Form):
    title = _text(_("Title"), limit=150, required_message=_("Enter a title"))
    description = _text(
        _("What is it, and who does it help?"),
        limit=5000,
        rows=5,
        required_message=_("Say what it is and who it helps"),
    )
    theme = forms.ChoiceField(
        label=_("Theme"),
        choices=[("", _("Choose a theme")), *Theme.choices],
        error_messages={
            "required": _("Choose a theme"),
            "invalid_choice": _("Choose a theme from the list"),
        },
    )
    cost = WholeNumberField(
        label=_("What will it cost?"),
        invalid=_("Enter the cost as a whole number, like 2500"),
        minimum=1,
        error_messages={"required": _("Enter what it will cost")},
    )
    ward = forms.ModelChoiceField(
        label=_("Which ward is it in?"),
        queryset=Ward.objects.none(),
        required=False,
        empty_label=_("Across the whole borough"),
        error_messages={"invalid_choice": _("Choose a ward from the list")},
    )
    organisation = forms.ModelChoiceField(
        label=_("Who is it from?"),
        queryset=None,
        required=False,
        empty_label=_("From me"),
        error_messages={"invalid_choice": _("Choose a group you organise")},
    )

    def __init__(self, *args, budget_round: Round, groups, **kwargs):
        super().__init__(*args, **kwargs)
        unit = budget_round.unit
        most = budget_round.most_a_proposal_may_cost or budget_round.budget
        self.fields["cost"].help_text = _("In %(unit)s. Up to %(most)s.") % {
            "unit": Unit(unit).label,
            "most": wording.amount(most, unit),
        }
        wards = wards_by_name()
        if not budget_round.borough_wide:
            wards = wards.filter(budget_rounds=budget_round)
            self.fields["ward"].required = True
            self.fields["ward"].empty_label = _("Choose a ward")
            self.fields["ward"].error_messages["required"] = _("Choose the ward it is in")
        self.fields["ward"].queryset = wards
        self.fields["organisation"].queryset = groups
        if not groups.exists():
            del self.fields["organisation"]


class CheckForm(forms.Form):
    decision = _radios(
        _("Can people vote for it?"),
        [
            ("eligible", _("Yes, it meets the rules")),
            ("not_eligible", _("No, it does not meet the rules")),
        ],
        _("Say whether people can vote for it"),
    )
    reason = _text(
        _("Reason"),
        limit=2000,
        rows=3,
        required_message=_("Give a reason"),
        help_text=_("Everyone can read this. Use plain words. Needed when the answer is no."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = False

    def clean(self):
        data = super().clean()
        if data.get("decision") == "not_eligible" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why people cannot vote for it"))
        return data


class BallotForm(forms.Form):
    proposals = forms.MultipleChoiceField(
        label=_("Choose the proposals you support"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Choose only from the proposals on this page")},
    )

    def __init__(self, *args, budget_round: Round, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        unit = budget_round.unit
        field = self.fields["proposals"]
        field.choices = [
            (
                str(p.pk),
                f"{p.title} – {wording.amount(p.cost, unit)}"
                + (f" ({p.ward.name})" if p.ward_id else ""),
            )
            for p in proposals
        ]
        if budget_round.ballot == Round.Ballot.FILL_BUDGET:
            field.label = _("Choose proposals that add up to no more than %(budget)s") % {
                "budget": wording.amount(budget_round.budget, unit)
            }
        elif budget_round.most_choices:
            field.label = _("Choose up to %(most)s proposals you support") % {
                "most": budget_round.most_choices
            }

    def chosen(self) -> set[int]:
        return {int(value) for value in self.cleaned_data.get("proposals", [])}
