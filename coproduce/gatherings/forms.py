from datetime import date

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from coproduce.bookings.availability import local_instant
from coproduce.bookings.forms import DATE_FORMATS, TIME_FORMATS
from coproduce.common.writing import plain_language_attrs
from coproduce.groups.models import Membership, Organisation
from coproduce.places.models import Place, Ward

from . import provisions
from .models import Event, ReportBack


def _too_long() -> dict:
    return {"max_length": _("Use %(limit_value)d characters or fewer")}


class _PlaceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Place) -> str:
        return f"{obj.name}, {obj.ward.name}"


def _day_field(label, required_message):
    return forms.DateField(
        label=label,
        help_text=_("For example, 27/3/2026"),
        input_formats=DATE_FORMATS,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={
            "required": required_message,
            "invalid": _("Enter the date as day/month/year, for example 27/3/2026"),
        },
    )


def _time_field(label, example):
    return forms.TimeField(
        label=label,
        help_text=_("Use the 24-hour clock, for example %(example)s") % {"example": example},
        input_formats=TIME_FORMATS,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={
            "required": _("Enter the time"),
            "invalid": _("Enter the time as hours and minutes, for example %(example)s")
            % {"example": example},
        },
    )


class EventForm(forms.Form):
    title = forms.CharField(
        label=_("What is the event called?"),
        max_length=150,
        widget=forms.TextInput(attrs=plain_language_attrs()),
        error_messages={"required": _("Give the event a title"), **_too_long()},
    )
    summary = forms.CharField(
        label=_("Say in a sentence what it is"),
        max_length=300,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=2)),
        error_messages={"required": _("Say in a sentence what the event is"), **_too_long()},
    )
    description = forms.CharField(
        label=_("More about it (optional)"),
        help_text=_("Who it is for, what will happen, and what to bring."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=5)),
        error_messages=_too_long(),
    )
    kind = forms.ChoiceField(
        label=_("What kind of event is it?"),
        choices=Event.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what kind of event it is"),
            "invalid_choice": _("Choose one of the options"),
        },
    )
    day = _day_field(_("Date"), _("Enter the date"))
    starts = _time_field(_("Start time"), "18:00")
    end_day = forms.DateField(
        label=_("End date, if it ends on a later day (optional)"),
        help_text=_("For a hack weekend, say. For example, 28/3/2026"),
        input_formats=DATE_FORMATS,
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={
            "invalid": _("Enter the end date as day/month/year, for example 28/3/2026")
        },
    )
    ends = _time_field(_("End time"), "20:30")
    place = _PlaceChoiceField(
        label=_("Where is it?"),
        queryset=Place.objects.filter(is_listed=True).select_related("ward").order_by("name"),
        required=False,
        empty_label=_("Online only"),
        error_messages={"invalid_choice": _("Choose a place from the list")},
    )
    online_url = forms.URLField(
        label=_("Link to join online (optional)"),
        help_text=_("Only people with a place see this link."),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address, like https://example.org/meet")},
    )
    capacity = forms.IntegerField(
        label=_("How many places? (optional)"),
        help_text=_("Leave empty for no limit. When it is full, people join a waiting list."),
        required=False,
        min_value=1,
        max_value=100_000,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-4"}),
        error_messages={
            "invalid": _("Enter a number of places, like 30"),
            "min_value": _("Enter a number of places of 1 or more"),
            "max_value": _("Enter a number of places of 100,000 or fewer"),
        },
    )
    access_provisions = forms.MultipleChoiceField(
        label=_("What access support will you offer?"),
        help_text=_("People can ask for these when they take a place. Tick all that apply."),
        choices=list(provisions.PROVISIONS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose access support from the list")},
    )
    agenda_open = forms.BooleanField(
        label=_("Let people suggest agenda items or sessions before the event"),
        required=False,
    )
    group = forms.ModelChoiceField(
        label=_("Is it run by one of your groups? (optional)"),
        help_text=_("The group's organisers can then change it and see who is coming."),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No, I am running it"),
        error_messages={"invalid_choice": _("Choose one of your groups from the list")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _groups_of(self, user)

    def clean(self):
        data = super().clean()
        day: date | None = data.get("day")
        if data.get("place") is None and not data.get("online_url"):
            self.add_error("place", _("Choose a place, or give a link to join online"))
        if day is None or data.get("starts") is None or data.get("ends") is None:
            return data
        end_day = data.get("end_day") or day
        if end_day < day:
            self.add_error("end_day", _("The end date must be on or after the start date"))
            return data
        if end_day == day and data["ends"] <= data["starts"]:
            self.add_error("ends", _("The end time must be after the start time"))
            return data
        data["starts_at"] = local_instant(day, data["starts"])
        data["ends_at"] = local_instant(end_day, data["ends"])
        if data["starts_at"] is None:
            self.add_error("starts", _("The clocks go forward at that time. Choose another."))
        if data["ends_at"] is None:
            self.add_error("ends", _("The clocks go forward at that time. Choose another."))
        return data


def _groups_of(form: forms.Form, user) -> None:
    """Offer the groups this person organises, or drop the question if there are none."""
    groups = (
        Organisation.objects.filter(
            memberships__user=user, memberships__role=Membership.Role.ORGANISER
        ).order_by("name")
        if user is not None and user.is_authenticated
        else Organisation.objects.none()
    )
    if groups.exists():
        form.fields["group"].queryset = groups
    else:
        del form.fields["group"]


class SeriesForm(forms.Form):
    title = forms.CharField(
        label=_("What is the series called?"),
        help_text=_("For example, Coproduction Action Learning Set."),
        max_length=150,
        error_messages={"required": _("Give the series a title"), **_too_long()},
    )
    summary = forms.CharField(
        label=_("Say in a sentence what it is"),
        max_length=300,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=2)),
        error_messages={"required": _("Say in a sentence what the series is"), **_too_long()},
    )
    kind = forms.ChoiceField(
        label=_("What kind of events are in it?"),
        choices=Event.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what kind of events it has"),
            "invalid_choice": _("Choose one of the options"),
        },
    )
    group = forms.ModelChoiceField(
        label=_("Is it run by one of your groups? (optional)"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No, I am running it"),
        error_messages={"invalid_choice": _("Choose one of your groups from the list")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _groups_of(self, user)


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of event"),
        choices=[("", _("Any kind")), *Event.Kind.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a kind of event from the list")},
    )
    ward = forms.ModelChoiceField(
        label=_("Ward"),
        queryset=Ward.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("Any ward"),
        error_messages={"invalid_choice": _("Choose a ward from the list")},
    )
    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, error_messages=_too_long()
    )


class RsvpForm(forms.Form):
    access_requests = forms.MultipleChoiceField(
        label=_("Do you need any of these to take part?"),
        help_text=_("Only the organisers see what you ask for."),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Choose from the support this event offers")},
    )
    access_note = forms.CharField(
        label=_("Anything else the organisers should know? (optional)"),
        help_text=_("For example, your child's age for the crèche. Only the organisers see it."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_too_long(),
    )

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        offered = [
            (v, provisions.PROVISIONS[v])
            for v in event.access_provisions
            if v in provisions.PROVISIONS
        ]
        if offered:
            self.fields["access_requests"].choices = offered
        else:
            del self.fields["access_requests"]


class OrganiserForm(forms.Form):
    """Choose, from the people with a place, someone to help run the event (a facilitator)."""

    person = forms.TypedChoiceField(
        label=_("Add someone to help run it"),
        help_text=_(
            "For example, a facilitator for the session. They will see who is coming and "
            "the access support people asked for."
        ),
        coerce=int,
        error_messages={
            "required": _("Choose a person from the list"),
            "invalid_choice": _("Choose a person from the list"),
        },
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {person.pk: person for person in people}
        self.fields["person"].choices = [("", _("Choose a person"))] + [
            (pk, str(person)) for pk, person in self.people.items()
        ]

    def clean_person(self):
        return self.people[self.cleaned_data["person"]]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it cancelled?"),
        help_text=_("Everyone with a place or on the waiting list will be told."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give a reason, so people know why"), **_too_long()},
    )


class AgendaItemForm(forms.Form):
    title = forms.CharField(
        label=_("What would you like to talk about?"),
        max_length=150,
        error_messages={"required": _("Give your suggestion a title"), **_too_long()},
    )
    description = forms.CharField(
        label=_("A few words about it (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_too_long(),
    )


class ArrangeForm(forms.Form):
    """A room and a time on the board; the day too, when the event runs over several."""

    day = forms.TypedChoiceField(
        label=_("Day"),
        coerce=date.fromisoformat,
        error_messages={
            "required": _("Choose the day"),
            "invalid_choice": _("Choose one of the event's days"),
        },
    )
    room = forms.CharField(
        label=_("Room or space"),
        help_text=_("For example, Main hall, or Corner by the window."),
        max_length=100,
        error_messages={"required": _("Say which room or space"), **_too_long()},
    )
    starts = _time_field(_("Start time"), "10:30")
    ends = _time_field(_("End time"), "11:15")

    def __init__(self, *args, days: list[date], **kwargs):
        super().__init__(*args, **kwargs)
        self.days = days
        if len(days) > 1:
            self.fields["day"].choices = [(d.isoformat(), date_format(d, "l j F")) for d in days]
        else:
            del self.fields["day"]

    def clean(self):
        data = super().clean()
        day = data.get("day", self.days[0])
        if day is None or data.get("starts") is None or data.get("ends") is None:
            return data
        data["starts_at"] = local_instant(day, data["starts"])
        data["ends_at"] = local_instant(day, data["ends"])
        if data["starts_at"] is None:
            self.add_error("starts", _("The clocks go forward at that time. Choose another."))
        if data["ends_at"] is None:
            self.add_error("ends", _("The clocks go forward at that time. Choose another."))
        return data


class TreatmentForm(forms.Form):
    project = forms.ModelChoiceField(
        label=_("Which of your projects? (optional)"),
        queryset=None,
        required=False,
        empty_label=_("It is not on this site: I will describe it"),
        error_messages={"invalid_choice": _("Choose one of your projects from the list")},
    )
    title = forms.CharField(
        label=_("Name of the project"),
        help_text=_("Leave empty to use your project's name."),
        required=False,
        max_length=150,
        error_messages=_too_long(),
    )
    summary = forms.CharField(
        label=_("The project in a few lines"),
        help_text=_("Leave empty to use your project's summary."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=3)),
        error_messages=_too_long(),
    )
    question = forms.CharField(
        label=_("What would you like help with? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=3)),
        error_messages=_too_long(),
    )

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects

    def clean(self):
        data = super().clean()
        if not data.get("project") and not data.get("title"):
            self.add_error("title", _("Give the project a name, or choose one of your projects"))
        if not data.get("project") and not data.get("summary"):
            self.add_error("summary", _("Describe the project in a few lines"))
        return data


NOTE_LABELS = {
    "who": _("Add someone who is affected"),
    "resources": _("Add a resource"),
    "barriers": _("Add a barrier"),
}


class NoteForm(forms.Form):
    """One note for the "who is affected", "resources" or "barriers" column."""

    text = forms.CharField(
        label=_("Add a note"),
        max_length=500,
        error_messages={"required": _("Write something to add"), **_too_long()},
    )

    def __init__(self, *args, column: str, **kwargs):
        super().__init__(*args, prefix=column, **kwargs)
        self.fields["text"].label = NOTE_LABELS[column]


class ActionForm(forms.Form):
    text = forms.CharField(
        label=_("Action"),
        max_length=500,
        error_messages={"required": _("Say what will be done"), **_too_long()},
    )
    owner = forms.ModelChoiceField(
        label=_("Who will do it?"),
        queryset=None,
        required=False,
        empty_label=_("Someone else (write their name)"),
        error_messages={"invalid_choice": _("Choose a person from the list")},
    )
    owner_name = forms.CharField(
        label=_("Their name, if not in the list"),
        required=False,
        max_length=150,
        error_messages=_too_long(),
    )
    due_on = _day_field(_("Due by"), _("Enter the date it is due"))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people
        self.fields["owner"].label_from_instance = lambda user: str(user)

    def clean(self):
        data = super().clean()
        if not data.get("owner") and not data.get("owner_name", "").strip():
            self.add_error("owner", _("Say who will do it"))
        return data


class BustForm(forms.Form):
    how = forms.CharField(
        label=_("How was it busted?"),
        help_text=_("Others who hit the same barrier will read this."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say how it was busted"), **_too_long()},
    )


ACTION_CHOICES = [("", _("Not reporting now"))] + [
    (o.value, o.label) for o in ReportBack.ACTION_OUTCOMES
]
BARRIER_CHOICES = [("", _("Not reporting now"))] + [
    (o.value, o.label) for o in ReportBack.BARRIER_OUTCOMES
]


class ReportBackForm(forms.Form):
    """One outcome and one note per action and barrier; fields are made from the treatment."""

    def __init__(self, *args, actions, barriers, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions, self.barriers = list(actions), list(barriers)
        for action in self.actions:
            self.fields[f"action_{action.pk}"] = forms.ChoiceField(
                label=action.text,
                choices=ACTION_CHOICES,
                required=False,
                initial=action.status if action.status != "open" else "",
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose done, in progress or dropped")},
            )
            self.fields[f"action_{action.pk}_note"] = forms.CharField(
                label=_("Note on this action (optional)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages=_too_long(),
            )
        for barrier in self.barriers:
            self.fields[f"barrier_{barrier.pk}"] = forms.ChoiceField(
                label=barrier.text,
                choices=BARRIER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose busted or still in the way")},
            )
            self.fields[f"barrier_{barrier.pk}_note"] = forms.CharField(
                label=_("How was it busted, or what is still in the way? (optional)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages=_too_long(),
            )

    def clean(self):
        data = super().clean()
        for barrier in self.barriers:
            if (
                data.get(f"barrier_{barrier.pk}") == ReportBack.Outcome.BUSTED
                and not data.get(f"barrier_{barrier.pk}_note", "").strip()
            ):
                self.add_error(
                    f"barrier_{barrier.pk}_note", _("Say how it was busted, so others can learn")
                )
        if not any(data.get(name) for name in self.fields if not name.endswith("_note")):
            raise forms.ValidationError(_("Choose an outcome for at least one action or barrier"))
        return data

    def action_rows(self):
        for action in self.actions:
            yield action, self[f"action_{action.pk}"], self[f"action_{action.pk}_note"]

    def barrier_rows(self):
        for barrier in self.barriers:
            yield barrier, self[f"barrier_{barrier.pk}"], self[f"barrier_{barrier.pk}_note"]

    def outcomes(self) -> tuple[dict, dict]:
        data = self.cleaned_data
        actions = {
            a.pk: (data[f"action_{a.pk}"], data.get(f"action_{a.pk}_note", ""))
            for a in self.actions
            if data.get(f"action_{a.pk}")
        }
        barriers = {
            b.pk: (data[f"barrier_{b.pk}"], data.get(f"barrier_{b.pk}_note", ""))
            for b in self.barriers
            if data.get(f"barrier_{b.pk}")
        }
        return actions, barriers


class LinkForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Which barrier in the library is it?"),
        queryset=None,
        required=False,
        empty_label=_("A new one: add it to the library"),
        error_messages={"invalid_choice": _("Choose a barrier from the library")},
    )
    new_name = forms.CharField(
        label=_("Name for the new library entry"),
        help_text=_("Short and general, for example Lack of affordable space."),
        required=False,
        max_length=150,
        error_messages=_too_long(),
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes
