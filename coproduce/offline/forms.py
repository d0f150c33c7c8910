"""Forms for registering people who are not online and acting for them."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from coproduce.common.form_errors import too_long
from coproduce.gatherings import provisions
from coproduce.gatherings.models import Event
from coproduce.places.selectors import wards_by_name
from coproduce.timebank.forms import AccountNumberField, TimeMixin

from . import consent
from .models import Consent, OfflineResident, PaperSheet

CONTACT_CHOICES = OfflineResident.Contact.choices


class ContactForm(forms.Form):
    contact_by = forms.ChoiceField(
        label=_("How do they want us to contact them?"),
        choices=CONTACT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how they want to be contacted")},
    )
    postal_address = forms.CharField(
        label=_("Postal address (if by post)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=too_long(),
    )
    phone = forms.CharField(
        label=_("Phone number (if by phone)"),
        required=False,
        max_length=40,
        error_messages=too_long(),
    )


class RegisterForm(ContactForm):
    name = forms.CharField(
        label=_("Their name, as they want it shown"),
        max_length=150,
        error_messages={"required": _("Enter their name"), **too_long()},
    )
    ward = forms.ModelChoiceField(
        label=_("Their ward"),
        queryset=wards_by_name(),
        empty_label=_("Choose a ward"),
        error_messages={
            "required": _("Choose their ward"),
            "invalid_choice": _("Choose a ward from the list"),
        },
    )
    street = forms.CharField(
        label=_("Their street (optional)"),
        required=False,
        max_length=150,
        help_text=_("Only the name of the street, such as Mill Lane. Not the house number."),
        error_messages=too_long(),
    )
    consent_how = forms.ChoiceField(
        label=_("How did they give their consent?"),
        choices=[c for c in Consent.How.choices if c[0] != Consent.How.PAPER],
        widget=forms.RadioSelect,
        error_messages={"required": _("Say how they gave their consent")},
    )
    agreed_to = forms.MultipleChoiceField(
        label=_("What did they agree to?"),
        choices=list(consent.AGREEMENTS.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Read them the words above first. Tick only what they said yes to."),
        error_messages={"required": _("Tick what they agreed to. We need their consent.")},
    )
    field_order = [
        "name",
        "ward",
        "street",
        "contact_by",
        "postal_address",
        "phone",
        "consent_how",
        "agreed_to",
    ]


class RsvpForForm(forms.Form):
    event = forms.ModelChoiceField(
        label=_("Which event?"),
        queryset=Event.objects.none(),
        empty_label=_("Choose an event"),
        error_messages={
            "required": _("Choose an event"),
            "invalid_choice": _("Choose an event from the list"),
        },
    )
    access_requests = forms.MultipleChoiceField(
        label=_("Access support they need (optional)"),
        choices=list(provisions.PROVISIONS.items()),
        error_messages={"invalid_choice": _("Choose access support from the list")},
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    access_note = forms.CharField(
        label=_("Anything else the organisers should know (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=too_long(),
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = events


class SubscribeForForm(forms.Form):
    topic = forms.ChoiceField(label=_("What do they want to hear about?"), required=False)
    frequency = forms.TypedChoiceField(
        label=_("How often should letters come?"),
        choices=[(1, _("Once a day, if there is news")), (2, _("Once a week"))],
        coerce=int,
        initial=2,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how often letters should come")},
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = topics
        self.fields["topic"].error_messages["invalid_choice"] = _("Choose from the list")


class TimeForForm(TimeMixin):
    direction = forms.ChoiceField(
        label=_("Did they give time or receive it?"),
        choices=[
            ("gave", _("They gave time (they earn hours)")),
            ("received", _("They received time")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether they gave time or received it")},
    )
    other = AccountNumberField(
        label=_("The other person's or group's account number"),
        help_text=_("For example, TB 4071 2536 8206."),
    )
    field_order = ["direction", "other", "hours", "minutes", "description"]


class TakeOverForm(forms.Form):
    email = forms.EmailField(
        label=_("Their email address"),
        max_length=254,
        error_messages={
            "required": _("Enter their email address"),
            "invalid": _("Enter an email address like name@example.com"),
            **too_long(),
        },
    )


class SetPasswordForm(forms.Form):
    password = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Choose a password")},
    )

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password)
        return password


class SheetForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Which sheet?"),
        choices=PaperSheet.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose which sheet to print")},
    )


class WalkInsForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many people came without signing up or giving a name?"),
        min_value=0,
        max_value=100_000,
        error_messages={
            "required": _("Enter how many people"),
            "invalid": _("Enter a whole number, like 12"),
            "min_value": _("Enter 0 or more"),
            "max_value": _("Enter 100,000 or fewer"),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}),
    )


ROWS = 10


class SheetRowForm(forms.Form):
    """One line of a sheet, typed in. Every field is optional: blank lines are skipped."""

    reference = forms.CharField(label=_("Reference, if known"), required=False, max_length=14)
    name = forms.CharField(label=_("Name"), required=False, max_length=150)
    street = forms.CharField(label=_("Street"), required=False, max_length=150)
    contact_by = forms.ChoiceField(
        label=_("Contact by"), required=False, choices=[("", "–"), *CONTACT_CHOICES]
    )
    postal_address = forms.CharField(label=_("Address"), required=False, max_length=500)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    consent = forms.BooleanField(label=_("Consent ticked"), required=False)
    access_note = forms.CharField(label=_("Access needs"), required=False, max_length=2000)
    came = forms.BooleanField(label=_("Came"), required=False)
    said = forms.CharField(label=_("What they said"), required=False, max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            kind = getattr(field.widget, "input_type", "")
            if kind == "select":
                field.widget.attrs["class"] = "govuk-select"
            elif kind != "checkbox":
                field.widget.attrs["class"] = "govuk-input govuk-input--width-10"


SheetRowFormSet = forms.formset_factory(SheetRowForm, extra=ROWS, max_num=50, absolute_max=50)
