"""The standard feedback form, the owner's answer and the owner's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.filters import ChoicesField, FilterForm
from coproduce.common.form_errors import CHOOSE, too_long

from .models import Feedback, Rating
from .services import MAX_WORDS


class FeedbackForm(forms.Form):
    """The standard form. Someone signed in may also give their name and be contacted
    through their account; anyone may be contacted by email."""

    rating = forms.TypedChoiceField(
        label=_("How did it go?"),
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how it went"), **CHOOSE},
    )
    went_well = forms.CharField(
        label=_("What was good?"),
        required=False,
        max_length=MAX_WORDS,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=too_long(),
    )
    could_be_better = forms.CharField(
        label=_("What could be better?"),
        required=False,
        max_length=MAX_WORDS,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=too_long(),
    )
    show_name = forms.BooleanField(
        label=_("The people who run the service may see my name"),
        required=False,
        help_text=_("If you leave this empty, they will not know the feedback is from you."),
    )
    contact_by = forms.ChoiceField(
        label=_("May the service contact you about your feedback?"),
        choices=Feedback.ContactBy.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages=CHOOSE,
    )
    contact_email = forms.EmailField(
        label=_("Email address to contact you"),
        required=False,
        help_text=_("Only if you chose email. We use it for nothing else."),
        max_length=254,
        error_messages={"invalid": _("Enter an email address like name@example.com")},
    )
    words_public = forms.BooleanField(
        label=_("You may show my words on the service's page, without my name"),
        required=False,
    )

    def __init__(self, *args, signed_in: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not signed_in:
            del self.fields["show_name"]
            self.fields["contact_by"].choices = [
                c for c in Feedback.ContactBy.choices if c[0] != Feedback.ContactBy.ACCOUNT
            ]
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"

    def clean(self):
        data = super().clean()
        wants_email = data.get("contact_by") == Feedback.ContactBy.EMAIL
        if wants_email and not data.get("contact_email") and "contact_email" not in self.errors:
            self.add_error("contact_email", _("Enter the email address we may use"))
        return data


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=MAX_WORDS,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Enter your answer"), **too_long()},
    )
    public = forms.TypedChoiceField(
        label=_("Who sees the answer?"),
        choices=[
            ("yes", _("Everyone: show it on the service's feedback page")),
            ("no", _("Only the person, if they said we may contact them")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who sees the answer"), **CHOOSE},
    )


class FeedbackFilterForm(FilterForm):
    rating = ChoicesField(
        label=_("How it went"),
        choices=Rating.choices,
        required=False,
        error_messages={"invalid_choice": _("Choose from the list. Not known: %(value)s")},
    )
    answered = forms.ChoiceField(
        label=_("Answered"),
        choices=[("", _("Any")), ("no", _("Not yet answered")), ("yes", _("Answered"))],
        required=False,
        error_messages=CHOOSE,
    )
    via = forms.ChoiceField(
        label=_("Given with"),
        choices=[("", _("Any")), *Feedback.Via.choices],
        required=False,
        error_messages=CHOOSE,
    )
