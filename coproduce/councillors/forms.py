"""Forms for councillors: adding one to a ward, asking and answering a question, and putting
on a surgery."""

from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field, time_field
from coproduce.common.dates.local import local_instant
from coproduce.common.form_errors import too_long
from coproduce.common.writing import plain_language_attrs
from coproduce.places.fields import PlaceChoiceField, ward_field

from .models import MAX_ANSWER, MAX_QUESTION

YES, NO = "yes", "no"


class SeatOfferForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of their account"),
        help_text=_("They must already have an account. We ask them to accept."),
        max_length=254,
        error_messages={
            "required": _("Enter the email address of their account"),
            "invalid": _("Enter an email address, like name@example.org"),
            **too_long(),
        },
    )
    ward = ward_field(
        _("Ward"),
        empty_label=_("Choose a ward"),
        required=True,
        required_message=_("Choose a ward"),
    )
    public_name = forms.CharField(
        label=_("Their name as it should appear in public"),
        help_text=_("For example, Councillor Sam Patel."),
        max_length=120,
        error_messages={
            "required": _("Enter the councillor's name as it should appear"),
            **too_long(),
        },
    )
    party = forms.CharField(
        label=_("Party (optional)"), required=False, max_length=100, error_messages=too_long()
    )
    role = forms.CharField(
        label=_("Role (optional)"),
        help_text=_("For example, Cabinet member for housing."),
        required=False,
        max_length=150,
        error_messages=too_long(),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("There is no open account with this email address"))
        self.cleaned_data["person"] = person
        return email


class QuestionForm(forms.Form):
    seat = forms.TypedChoiceField(
        label=_("Who do you want to ask?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a councillor"),
            "invalid_choice": _("Choose a councillor from the list"),
        },
    )
    body = forms.CharField(
        label=_("Your question"),
        help_text=_(
            "Everyone can read your question and the answer. Do not include personal details."
        ),
        max_length=MAX_QUESTION,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=5)),
        error_messages={"required": _("Enter your question"), **too_long()},
    )
    show_name = forms.ChoiceField(
        label=_("Show your name with your question?"),
        help_text=_("If you say no, it shows “A resident”."),
        choices=[(YES, _("Yes, show my name")), (NO, _("No, show “A resident”"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether to show your name"),
            "invalid_choice": _("Choose one of the options"),
        },
    )

    def __init__(self, *args, seats, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seat"].choices = [
            (seat.pk, f"{seat.public_name}, {seat.party}" if seat.party else seat.public_name)
            for seat in seats
        ]


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Your answer"),
        help_text=_("Everyone can read your answer on the ward's councillor page."),
        max_length=MAX_ANSWER,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=8)),
        error_messages={"required": _("Enter your answer"), **too_long()},
    )


class SurgeryForm(forms.Form):
    day = day_field(_("Date"), _("Enter the date"))
    starts = time_field(_("Start time"), "10am")
    ends = time_field(_("End time"), "12pm")
    place = PlaceChoiceField(label=_("Where is it?"), empty_label=_("Online only"))
    online_url = forms.URLField(
        label=_("Link to join online (optional)"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, like https://example.org/meet")},
    )
    description = forms.CharField(
        label=_("More about it (optional)"),
        help_text=_("For example, whether people need to book, and access to the building."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=4)),
        error_messages=too_long(),
    )

    def clean(self):
        data = super().clean()
        day: date | None = data.get("day")
        if data.get("place") is None and not data.get("online_url"):
            self.add_error("place", _("Choose a place, or give a link to join online"))
        if day is None or data.get("starts") is None or data.get("ends") is None:
            return data
        if data["ends"] <= data["starts"]:
            self.add_error("ends", _("The end time must be after the start time"))
            return data
        data["starts_at"] = local_instant(day, data["starts"])
        data["ends_at"] = local_instant(day, data["ends"])
        if data["starts_at"] is None:
            self.add_error("starts", _("The clocks go forward at that time. Choose another."))
        if data["ends_at"] is None:
            self.add_error("ends", _("The clocks go forward at that time. Choose another."))
        return data
