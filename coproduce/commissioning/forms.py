"""Forms for service choice panels. Views pass in what depends on the panel."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import DayField
from coproduce.common.form_errors import CHOOSE, too_long
from coproduce.common.writing import plain_language_attrs

from .models import SCORE_MAX, GuardianConsent


def _words(label, *, max_length=200, help_text="", required_message="", rows=0, required=True):
    widget = forms.Textarea(attrs=plain_language_attrs(rows=rows)) if rows else None
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=max_length,
        required=required,
        widget=widget,
        error_messages={"required": required_message or _("Fill this in"), **too_long()},
    )


def _whole(label, *, min_value: int, max_value: int, required=True, help_text=""):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=required,
        min_value=min_value,
        max_value=max_value,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={
            "required": _("Enter a number"),
            "invalid": _("Enter a whole number, like 20"),
            "min_value": _("Enter %(limit_value)s or more"),
            "max_value": _("Enter %(limit_value)s or less"),
        },
    )


class PanelForm(forms.Form):
    title = _words(
        _("What is being bought or commissioned?"),
        help_text=_("For example: youth clubs and detached youth work for the next 3 years."),
        required_message=_("Say what is being bought"),
    )
    why = _words(
        _("Why is the council buying it?"),
        max_length=2000,
        rows=4,
        required_message=_("Say why the council is buying it"),
    )
    budget = _words(
        _("How much money is there?"),
        max_length=300,
        help_text=_("In plain words, for example: about £450,000 a year for 3 years."),
        required_message=_("Say how much money there is"),
    )
    timetable = _words(
        _("What happens when?"),
        max_length=2000,
        rows=4,
        help_text=_("When bids close, when the panel meets and scores, when the council decides."),
        required_message=_("Say what happens when"),
    )
    is_youth = forms.BooleanField(
        label=_("This is a youth panel (young people only, with an age check)"), required=False
    )
    age_min = _whole(_("Youngest age (youth panel)"), min_value=8, max_value=25, required=False)
    age_max = _whole(_("Oldest age (youth panel)"), min_value=8, max_value=25, required=False)


class CriterionForm(forms.Form):
    title = _words(_("Criterion"), required_message=_("Enter the criterion"))
    description = _words(_("What it means (optional)"), max_length=1000, rows=2, required=False)
    weight = _whole(
        _("Weight"),
        min_value=1,
        max_value=100,
        help_text=_("Out of 100. All the weights must add up to 100."),
    )


class BidForm(forms.Form):
    bidder = _words(_("Bidder organisation"), required_message=_("Enter the bidder's name"))
    public_summary = _words(
        _("Public summary"),
        max_length=3000,
        rows=5,
        help_text=_("Panel members and the public see this."),
        required_message=_("Enter a public summary of the bid"),
    )
    commercial_details = _words(
        _("Commercial details (private)"),
        max_length=5000,
        rows=5,
        required=False,
        help_text=_("Prices and terms. Only the officers running the panel ever see these."),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person to invite"),
        help_text=_("They need an account. They join only if they say yes."),
        error_messages={
            "required": _("Enter an email address"),
            "invalid": _("Enter an email address in the right format, like name@example.com"),
        },
    )


def _birthday(required: bool) -> DayField:
    return DayField(
        label=_("Date of birth"),
        required=required,
        help_text=_("For example, 27 3 2010. We use it only to check the panel's age range."),
        error_messages={"required": _("Enter your date of birth")},
    )


class ApplyForm(forms.Form):
    why_join = _words(
        _("Why would you like to join?"),
        max_length=1000,
        rows=3,
        help_text=_("For example: I use the youth club on Tuesdays."),
        required_message=_("Say why you would like to join"),
    )

    def __init__(self, *args, is_youth: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if is_youth:
            self.fields["date_of_birth"] = _birthday(True)


class AcceptForm(forms.Form):
    def __init__(self, *args, is_youth: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if is_youth:
            self.fields["date_of_birth"] = _birthday(True)


class ConsentForm(forms.Form):
    given_by = _words(_("Name of the parent or carer"), required_message=_("Enter their name"))
    relationship = _words(
        _("Their relationship to the young person"),
        max_length=100,
        help_text=_("For example: mother, foster carer."),
        required_message=_("Enter their relationship to the young person"),
    )
    how = forms.ChoiceField(
        label=_("How did they give consent?"),
        choices=GuardianConsent.How.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how they gave consent"), **CHOOSE},
    )
    given_on = DayField(
        label=_("Date consent was given"),
        error_messages={"required": _("Enter the date consent was given")},
    )


class DeclareForm(forms.Form):
    has_interest = forms.TypedChoiceField(
        label=_("Do you have an interest in this bid?"),
        help_text=_(
            "For example: you work for the bidder, someone in your family does, "
            "or you would gain from it."
        ),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you have an interest"), **CHOOSE},
    )
    details = _words(_("What is your interest?"), max_length=1000, rows=2, required=False)


SCORE_CHOICES = [(str(n), str(n)) for n in range(SCORE_MAX + 1)]


class ScoreForm(forms.Form):
    """A score (0 to 5) and a reason for every criterion of one bid."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("Score for “%(title)s” (weight %(weight)d)")
                % {"title": criterion.title, "weight": criterion.weight},
                help_text=_("0 means it does not meet this at all, 5 means it meets it fully."),
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
                error_messages={"required": _("Choose a score from 0 to 5"), **CHOOSE},
            )
            self.fields[f"reason_{criterion.pk}"] = _words(
                _("Why this score for “%(title)s”?") % {"title": criterion.title},
                max_length=2000,
                rows=2,
                required_message=_("Give a reason for your score"),
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {c.pk: (data[f"score_{c.pk}"], data[f"reason_{c.pk}"]) for c in self.criteria}


class ModerateForm(forms.Form):
    total = forms.DecimalField(
        label=_("Moderated total (out of 100)"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=4,
        decimal_places=1,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-4"}),
        error_messages={
            "required": _("Enter the moderated total"),
            "invalid": _("Enter a number from 0 to 100, like 72.5"),
            "min_value": _("Enter 0 or more"),
            "max_value": _("Enter 100 or less"),
            "max_digits": _("Enter a number from 0 to 100, like 72.5"),
            "max_decimal_places": _("Use one number after the point at most"),
        },
    )
    reason = _words(
        _("Why?"), max_length=2000, rows=2, required_message=_("Say why the total was moderated")
    )


class RecommendForm(forms.Form):
    bid = forms.ModelChoiceField(
        label=_("Which bid does the panel recommend?"),
        queryset=None,
        required=False,
        empty_label=_("None of them"),
        error_messages={"invalid_choice": _("Choose one of this panel's bids")},
    )
    recommendation = _words(
        _("The panel's recommendation"),
        max_length=2000,
        rows=3,
        required_message=_("Enter the recommendation"),
    )
    reasons = _words(
        _("Why, in plain words"), max_length=4000, rows=4, required_message=_("Give the reasons")
    )

    def __init__(self, *args, bids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bid"].queryset = bids


class DecideForm(forms.Form):
    decision = _words(
        _("The council's decision"),
        max_length=2000,
        rows=3,
        required_message=_("Enter the decision"),
    )
    reasons = _words(
        _("Why, in plain words"), max_length=4000, rows=4, required_message=_("Give the reasons")
    )


class MeetingForm(forms.Form):
    event = forms.ModelChoiceField(
        label=_("Which event is the meeting?"),
        help_text=_("Put the event on first. Choose from the events you organise."),
        queryset=None,
        empty_label=_("Choose an event"),
        error_messages={"required": _("Choose an event"), "invalid_choice": _("Choose an event")},
    )
    safe_adult_name = _words(_("Name of the safe adult"), required_message=_("Enter their name"))
    check_kind = _words(
        _("Their check"),
        max_length=100,
        help_text=_("For example: enhanced DBS check."),
        required_message=_("Enter the check"),
    )
    checked_on = DayField(
        label=_("Date of the check"),
        error_messages={"required": _("Enter the date of the check")},
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events
