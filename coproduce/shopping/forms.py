"""Forms for setting up a programme, signing up, giving out visits and recording a visit."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field
from coproduce.directory.models import Service
from coproduce.groups.models import Organisation
from coproduce.people.naming import choice_labels

from .models import PICTURE_CHOICES, SCALE_VALUES, Programme, Question, Shopper, Visit
from .services import Found

SCALE_WORDS = {
    1: _("1: very bad"),
    2: _("2: bad"),
    3: _("3: okay"),
    4: _("4: good"),
    5: _("5: very good"),
}
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ProgrammeForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=200, error_messages={"required": _("Enter a title")}
    )
    guide = forms.CharField(
        label=_("Visit guide"),
        help_text=_("What shoppers do on a visit or call, in plain words."),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write the visit guide")},
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Services to visit or call"),
        queryset=Service.objects.filter(is_listed=True).order_by("name", "pk"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one service"),
            "invalid_choice": _("Choose services from the list"),
            "invalid_pk_value": _("Choose services from the list"),
        },
    )
    starts_on = day_field(_("First day of visits"), _("Enter the first day of visits"))
    ends_on = day_field(_("Last day of visits"), _("Enter the last day of visits"))
    expenses_limit = forms.DecimalField(
        label=_("Most expenses paid for one visit, in pounds"),
        help_text=_("For example, bus fares. Enter 0 if the programme does not pay expenses."),
        min_value=Decimal("0"),
        max_value=Decimal("500"),
        decimal_places=2,
        initial=Decimal("0"),
        error_messages={
            "required": _("Enter an amount, or 0"),
            "invalid": _("Enter an amount in pounds, like 5 or 7.50"),
            "min_value": _("The amount cannot be less than 0"),
            "max_value": _("The amount must be £500 or less"),
            "max_decimal_places": _("Enter an amount in pounds and pence, like 7.50"),
        },
    )
    credit_minutes = forms.IntegerField(
        label=_("Time credits for one visit, in minutes"),
        help_text=_("Enter 0 if the programme does not give time credits."),
        min_value=0,
        max_value=480,
        initial=0,
        error_messages={
            "required": _("Enter the minutes, or 0"),
            "invalid": _("Enter a whole number of minutes"),
            "min_value": _("The minutes cannot be less than 0"),
            "max_value": _("Time credits for one visit must be 480 minutes or less"),
        },
    )
    credit_group = forms.ModelChoiceField(
        label=_("Group whose time account gives the time credits"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("No time credits"),
        error_messages={"invalid_choice": _("Choose a group from the list")},
    )

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The last day must be on or after the first day"))
        if data.get("credit_minutes") and not data.get("credit_group"):
            self.add_error(
                "credit_group", _("Choose the group whose time account gives the time credits")
            )
        return data

    @staticmethod
    def initial_for(programme: Programme) -> dict:
        return {
            "title": programme.title,
            "guide": programme.guide,
            "services": list(programme.services.values_list("pk", flat=True)),
            "starts_on": programme.starts_on,
            "ends_on": programme.ends_on,
            "expenses_limit": programme.expenses_limit,
            "credit_minutes": programme.credit_minutes,
            "credit_group": programme.credit_group_id,
        }


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of question"),
        choices=Question.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of question")},
    )
    text = forms.CharField(
        label=_("Question"), max_length=300, error_messages={"required": _("Enter the question")}
    )
    easy_read_text = forms.CharField(
        label=_("Easy-read question"),
        help_text=_("Short words a 7 year old can read. For example: Were the staff kind?"),
        max_length=200,
        error_messages={"required": _("Enter the easy-read question")},
    )
    picture = forms.ChoiceField(
        label=_("Picture"),
        choices=PICTURE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a picture")},
    )


class SupporterForm(forms.Form):
    """Who helps the shopper, if anyone: named by the shopper, recorded as a supporter."""

    supporter_kind = forms.ChoiceField(
        label=_("Does someone help you?"),
        choices=Shopper.SupporterKind.choices,
        widget=forms.RadioSelect,
        required=False,
        initial="",
    )
    supporter_name = forms.CharField(
        label=_("Their name"),
        help_text=_("We write this down as the person who helps you, not as a shopper."),
        max_length=120,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("supporter_kind") and not data.get("supporter_name", "").strip():
            self.add_error("supporter_name", _("Enter the name of the person who helps you"))
        return data


class JoinForm(SupporterForm):
    agreed = forms.BooleanField(
        label=_(
            "I want to be a mystery shopper. I agree to visit or call the services I am "
            "asked to, and to say what I found."
        ),
        error_messages={"required": _("Tick the box to say you agree to take part")},
    )
    field_order = ["agreed", "supporter_kind", "supporter_name"]


class AssignForm(forms.Form):
    shopper = forms.ModelChoiceField(
        label=_("Shopper"),
        queryset=Shopper.objects.none(),
        error_messages={
            "required": _("Choose a shopper"),
            "invalid_choice": _("Choose a shopper from the list"),
        },
    )
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.none(),
        error_messages={
            "required": _("Choose a service"),
            "invalid_choice": _("Choose a service from the list"),
        },
    )
    how = forms.ChoiceField(
        label=_("Visit or phone call?"),
        choices=Visit.How.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a visit or a phone call")},
    )
    due_on = day_field(_("Do it by"), _("Enter the day it must be done by"))

    def __init__(self, *args, programme: Programme, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        shoppers = Shopper.objects.filter(programme=programme, has_left=False).select_related(
            "person__profile"
        )
        labels = choice_labels([s.person for s in shoppers], viewer)
        self.fields["shopper"].queryset = shoppers
        self.fields["shopper"].label_from_instance = lambda s: labels.get(s.person_id, "")
        self.fields["service"].queryset = programme.services.order_by("name", "pk")


class VisitForm(forms.Form):
    """What a shopper found: every question, the day, who helped, and any expenses."""

    done_on = day_field(
        _("Day of the visit or call"), _("Enter the day of the visit"), example_days_ahead=-3
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.questions = list(programme.questions.all())
        for question in self.questions:
            self.fields[f"q{question.pk}"] = _answer_field(question)
        self.fields["with_supporter"] = forms.BooleanField(
            label=_("Someone helped to fill this in (a carer, an advocate or someone else)"),
            required=False,
        )
        self.fields["supporter_name"] = forms.CharField(
            label=_("The name of the person who helped"), max_length=120, required=False
        )
        if programme.pays_expenses:
            self.fields["expense_amount"] = forms.DecimalField(
                label=_("Money you spent, in pounds"),
                help_text=_("You can claim up to £%(limit)s. Leave empty if you spent nothing.")
                % {"limit": programme.expenses_limit},
                required=False,
                min_value=Decimal("0.01"),
                max_value=programme.expenses_limit,
                decimal_places=2,
                error_messages={
                    "invalid": _("Enter an amount in pounds, like 5 or 7.50"),
                    "min_value": _("Enter an amount more than 0, or leave it empty"),
                    "max_value": _("You can claim up to £%(limit)s")
                    % {"limit": programme.expenses_limit},
                    "max_decimal_places": _("Enter an amount in pounds and pence, like 7.50"),
                },
            )
            self.fields["expense_what_for"] = forms.CharField(
                label=_("What the money was for"), max_length=200, required=False
            )

    def clean(self):
        data = super().clean()
        if data.get("with_supporter") and not data.get("supporter_name", "").strip():
            self.add_error("supporter_name", _("Enter the name of the person who helped"))
        if data.get("expense_amount") and not data.get("expense_what_for", "").strip():
            self.add_error("expense_what_for", _("Say what the money was for"))
        return data

    def found(self) -> Found:
        data = self.cleaned_data
        return Found(
            answers={q.pk: answer_value(q, data[f"q{q.pk}"]) for q in self.questions},
            done_on=data["done_on"],
            with_supporter=data["with_supporter"],
            supporter_name=data.get("supporter_name", ""),
            expense_amount=data.get("expense_amount"),
            expense_what_for=data.get("expense_what_for", ""),
        )


def _answer_field(question: Question) -> forms.Field:
    label = f"{question.text} ({question.easy_read_text})"
    if question.kind == Question.Kind.SCALE:
        return forms.ChoiceField(
            label=label,
            choices=[(str(v), SCALE_WORDS[v]) for v in SCALE_VALUES],
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose a number from 1 to 5")},
        )
    if question.kind == Question.Kind.YES_NO:
        return forms.ChoiceField(
            label=label,
            choices=YES_NO,
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose yes or no")},
        )
    return forms.CharField(
        label=label,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write what you found"), "max_length": _("Use fewer words")},
    )


def answer_value(question: Question, raw: str) -> int | bool | str:
    """A form's text answer as the service takes it: a number, yes/no, or words."""
    if question.kind == Question.Kind.SCALE:
        return int(raw)
    if question.kind == Question.Kind.YES_NO:
        return raw == "yes"
    return raw


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("refuse", _("Do not approve"))],
        error_messages={"required": _("Choose approve or do not approve")},
    )
