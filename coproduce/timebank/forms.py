from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field
from coproduce.people.naming import choice_labels

from . import numbers, selectors
from .hours import format_minutes
from .models import Account, Listing, VolunteerCheck

EXAMPLE = "TB 4071 2536 8206"


class AccountNumberField(forms.CharField):
    """An account number such as TB 4071 2536 8206: it is on each account's page.

    Numbers are random with a check digit (see numbers.py), so a typing mistake is caught
    before the look-up, and trying numbers cannot list the accounts there are.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-20"}))
        kwargs.setdefault(
            "error_messages",
            {"required": _("Enter an account number, like %(example)s") % {"example": EXAMPLE}},
        )
        super().__init__(**kwargs)

    def clean(self, value):
        return account_from_number(super().clean(value) or "")


def account_from_number(typed: str) -> Account:
    """The account with the number typed, or a form error saying what is wrong."""
    number = numbers.parse(typed)
    if number is None:
        raise forms.ValidationError(
            _("Check the account number. It is TB and 12 digits, like %(example)s")
            % {"example": EXAMPLE}
        )
    account = selectors.account_by_number(number)
    if account is None:
        raise forms.ValidationError(_("There is no account with that number"))
    return account


def _whole(label, *, max_value: int, help_text="", width="govuk-input--width-3"):
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=0,
        max_value=max_value,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": width}),
        error_messages={
            "invalid": _("Enter a whole number, like 2"),
            "min_value": _("Enter 0 or more"),
            "max_value": _("Enter %(limit_value)s or less"),
        },
    )


class TimeMixin(forms.Form):
    hours = _whole(_("Hours"), max_value=168)
    minutes = _whole(_("Minutes"), max_value=59)
    description = forms.CharField(
        label=_("What was the time for?"),
        max_length=300,
        help_text=_("For example: 'Fixed Mo's bike' or 'Helped at the lunch club'."),
        error_messages={
            "required": _("Say what the time was for"),
            "max_length": _("Use 300 characters or fewer"),
        },
    )

    def clean(self):
        data = super().clean()
        if "hours" in data and "minutes" in data:
            total = (data.get("hours") or 0) * 60 + (data.get("minutes") or 0)
            if total <= 0:
                self.add_error("hours", _("Enter a time of more than zero"))
            data["total_minutes"] = total
        return data


UNUSUAL_MINUTES = 8 * 60  # more than this in one transfer asks "Is that right?"
ROUTINE_MINUTES = 3 * 60  # up to this is never asked about
MAX_MATCHES = 10  # more people than this with the name typed: ask for more of it


def _looks_like_number(text: str) -> bool:
    """An account number has digits; a name has none (so "Sam H" is looked up by name)."""
    return any(char.isdigit() for char in text)


def is_unusual(minutes: int, largest: int | None) -> bool:
    """Over 8 hours, or over twice the most this account has sent or received before (when
    that is over 3 hours): a slip such as 30 for 3 gets one question."""
    if minutes > UNUSUAL_MINUTES:
        return True
    return largest is not None and minutes > max(2 * largest, ROUTINE_MINUTES)


class TransferRequestForm(TimeMixin):
    """Record time with someone found by name (or any account by its number).

    One form for three steps, so it works without JavaScript: a name that several people
    have shows them to choose from (`choosing`), an unusual amount needs a tick, and the
    view shows a check page before anything is recorded.
    """

    account = forms.TypedChoiceField(
        label=_("Which account is this for?"), coerce=int, widget=forms.RadioSelect
    )
    direction = forms.ChoiceField(
        label=_("Did you give time or receive it?"),
        choices=[("gave", _("I gave time (I earn hours)")), ("received", _("I received time"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you gave time or received it"),
        },
    )
    other = forms.CharField(
        label=_("Who was it with?"),
        max_length=100,
        help_text=_(
            "Type the name of the person or group as it shows on the site, or their account "
            "number, like TB 4071 2536 8206."
        ),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "autocomplete": "off"}),
        error_messages={
            "required": _("Enter their name or account number"),
            "max_length": _("Use 100 characters or fewer"),
        },
    )
    person = forms.TypedChoiceField(
        label=_("Which one do you mean?"),
        coerce=int,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the people or groups listed")},
    )
    amount_ok = forms.BooleanField(label=_("Yes, the time is right"), required=False)
    field_order = [
        "account",
        "direction",
        "other",
        "person",
        "hours",
        "minutes",
        "description",
        "amount_ok",
    ]

    def __init__(self, *args, accounts: list[Account], viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self.accounts = {a.pk: a for a in accounts}
        self.fields["account"].choices = [(a.pk, a.holder_name_for(viewer)) for a in accounts]
        self.fields["account"].error_messages["required"] = _("Choose an account")
        if len(accounts) == 1:
            self.fields["account"].widget = forms.HiddenInput()
            self.initial.setdefault("account", accounts[0].pk)
        self.choosing = False  # a name several people have: show them to choose from
        self.unusual = False  # an unusual amount: show the tick
        self.recipient: Account | None = None
        self.found_by_name = False
        # The people a typed name matches, found before cleaning so the choice can be checked.
        self.matches: list[Account] = []
        typed = " ".join(str(self.data.get(self.add_prefix("other"), "")).split())
        if self.is_bound and len(typed) >= 2 and not _looks_like_number(typed):
            self.matches = selectors.holders_named(
                typed, viewer=viewer, exclude=set(self.accounts), limit=MAX_MATCHES
            )
        people = [a.user for a in self.matches if a.user_id]
        labels = choice_labels(people, viewer)
        self.labels = {
            a.pk: labels[a.user_id]
            if a.user_id
            else _("%(name)s (a group)") % {"name": a.organisation.name}
            for a in self.matches
        }
        self.fields["person"].choices = list(self.labels.items())

    def clean_other(self):
        typed = " ".join(self.cleaned_data["other"].split())
        if _looks_like_number(typed):
            return account_from_number(typed)
        if len(typed) < 2:
            raise forms.ValidationError(_("Enter at least 2 letters of their name"))
        if not self.matches:
            raise forms.ValidationError(
                _(
                    "We cannot find a person or group called ‘%(name)s’. Check the spelling, or "
                    "use their account number. Some people choose not to be found by name."
                )
                % {"name": typed}
            )
        if len(self.matches) > MAX_MATCHES:
            raise forms.ValidationError(
                _("Lots of people have ‘%(name)s’ in their name. Type more of it.")
                % {"name": typed}
            )
        return typed

    def clean(self):
        data = super().clean()
        if data.get("account") is not None:
            data["account"] = self.accounts[data["account"]]
        other = data.get("other")
        if isinstance(other, Account):
            self.recipient = other
        elif other:
            self.found_by_name = True
            chosen = data.get("person")
            if len(self.matches) == 1:
                self.recipient = self.matches[0]
            elif chosen:
                self.recipient = next(a for a in self.matches if a.pk == chosen)
            elif self.data.get(self.add_prefix("choosing")):
                self.add_error("person", _("Choose the one you mean"))
            else:
                self.choosing = True
        data["other"] = self.recipient
        if self.recipient is not None and self.recipient.pk in self.accounts:
            self.add_error("other", _("Enter someone else's account number, not your own"))
            return data
        minutes, account = data.get("total_minutes"), data.get("account")
        if self.recipient is not None and minutes and minutes > 0 and account is not None:
            time = format_minutes(minutes)
            self.unusual = is_unusual(minutes, selectors.largest_transfer_minutes(account))
            label = _("Yes, %(time)s is right") % {"time": time}
            # The bound field was made (and its label copied) while cleaning: set both.
            self.fields["amount_ok"].label = self["amount_ok"].label = label
            if self.unusual and not data.get("amount_ok"):
                self.add_error(
                    "amount_ok",
                    _("Is %(time)s right? Tick the box to say it is, or change the time")
                    % {"time": time},
                )
        return data

    def recipient_name(self) -> str:
        """The other side as the viewer may name them (numbered where two names read the same)."""
        if self.recipient is None:
            return ""
        if self.found_by_name:
            return self.labels[self.recipient.pk]
        return self.recipient.holder_name_for(self.viewer)


class RecordTransferForm(TimeMixin):
    from_account = AccountNumberField(
        label=_("Account of the person or group who received help"),
        help_text=_("Their balance goes down."),
    )
    to_account = AccountNumberField(
        label=_("Account of the person or group who gave time"),
        help_text=_("Their balance goes up."),
    )
    field_order = ["from_account", "to_account", "hours", "minutes", "description"]

    def clean(self):
        data = super().clean()
        if data.get("from_account") and data.get("from_account") == data.get("to_account"):
            self.add_error("to_account", _("Time cannot go from an account to itself"))
        return data


class ReverseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you reversing this transfer?"),
        max_length=200,
        error_messages={
            "required": _("Give a reason"),
            "max_length": _("Use 200 characters or fewer"),
        },
    )


class LimitsForm(forms.Form):
    debt_hours = _whole(
        _("How many hours into debt can this account go?"), max_value=500, help_text=_("0 or more")
    )
    credit_hours = _whole(
        _("How many hours can this account hold at most?"), max_value=5000, help_text=_("0 or more")
    )

    def clean(self):
        data = super().clean()
        for name in ("debt_hours", "credit_hours"):
            if name in data and data[name] is None:
                self.add_error(name, _("Enter how many hours"))
        return data


class ListingForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Are you offering help or asking for it?"),
        choices=Listing.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether you are offering or asking for help"),
        },
    )
    title = forms.CharField(
        label=_("In a few words"),
        max_length=120,
        help_text=_("For example: 'Dog walking' or 'Help filling in forms'."),
        error_messages={
            "required": _("Enter a few words"),
            "max_length": _("Use 120 characters or fewer"),
        },
    )
    description = forms.CharField(
        label=_("More detail (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Use 2000 characters or fewer")},
    )


class BuddyRequestForm(forms.Form):
    what_support = forms.CharField(
        label=_("What support would help you?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example: 'Someone to go with me to appointments'. Do not include your address."
        ),
        error_messages={
            "required": _("Say what support would help"),
            "max_length": _("Use 2000 characters or fewer"),
        },
    )
    involves_children = forms.BooleanField(label=_("The support involves children"), required=False)
    involves_adults_at_risk = forms.BooleanField(
        label=_("The support is for an adult who may be at risk"), required=False
    )


class EndPairingForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the pairing ending? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Use 1000 characters or fewer")},
    )


class VolunteerCheckForm(forms.Form):
    email = forms.EmailField(
        label=_("Volunteer's email address"),
        error_messages={
            "required": _("Enter the volunteer's email address"),
            "invalid": _("Enter an email address like name@example.org"),
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind of check"),
        choices=VolunteerCheck.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of check")},
    )
    checked_on = day_field(_("Date checked"), _("Enter the date checked"), example_days_ahead=-14)
    expires_on = day_field(
        _("Date it expires"), _("Enter the date it expires"), example_days_ahead=3 * 365
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("checked_on")
            and data.get("expires_on")
            and data["expires_on"] <= data["checked_on"]
        ):
            self.add_error("expires_on", _("The expiry date must be after the date checked"))
        return data
