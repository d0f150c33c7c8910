"""Forms for events and series, places at them, and running them."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from coproduce.bookings.models import BookableRoom
from coproduce.common.dates.fields import day_field, time_field
from coproduce.common.dates.local import local_instant
from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import too_long
from coproduce.common.writing import plain_language_attrs
from coproduce.groups.models import Membership, Organisation
from coproduce.people.naming import choice_labels
from coproduce.places.fields import PlaceChoiceField, ward_filter_field

from .. import provisions
from ..models import Event

# The room question's answer when the event needs no room booked at its place.
NO_ROOM = "none"


def _group_field(help_text="") -> forms.ModelChoiceField:
    """Which of the person's groups runs it; the choices are set per person (`_groups_of`)."""
    return forms.ModelChoiceField(
        label=_("Is it run by one of your groups? (optional)"),
        help_text=help_text,
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No, I am running it"),
        error_messages={"invalid_choice": _("Choose one of your groups from the list")},
    )


class EventForm(forms.Form):
    title = forms.CharField(
        label=_("What is the event called?"),
        max_length=150,
        widget=forms.TextInput(attrs=plain_language_attrs()),
        error_messages={"required": _("Give the event a title"), **too_long()},
    )
    summary = forms.CharField(
        label=_("Say in a sentence what it is"),
        max_length=300,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=2)),
        error_messages={"required": _("Say in a sentence what the event is"), **too_long()},
    )
    description = forms.CharField(
        label=_("More about it (optional)"),
        help_text=_("Who it is for, what will happen, and what to bring."),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=5)),
        error_messages=too_long(),
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
    day = day_field(_("Date"), _("Enter the date"))
    starts = time_field(_("Start time"), "6pm")
    end_day = day_field(
        _("End date, if it ends on a later day (optional)"),
        _("Enter the end date"),
        required=False,
        example_days_ahead=62,
    )
    ends = time_field(_("End time"), "8:30pm")
    place = PlaceChoiceField(label=_("Where is it?"), empty_label=_("Online only"))
    # Asked only when the chosen place has rooms to book, and offering only those rooms (see
    # `_offer_rooms`). Without JavaScript: choose the place, send, and the form comes back
    # asking which room.
    room = forms.ChoiceField(
        label=_("Which room do you need?"),
        widget=forms.RadioSelect,
        choices=[],
        error_messages={
            "required": _("Choose a room, or say that you do not need one"),
            "invalid_choice": _("Choose one of the rooms at this place"),
        },
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
            "invalid": _("Enter how many places, like 30"),
            "min_value": _("Enter 1 place or more"),
            "max_value": _("Enter 100,000 places or fewer"),
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
    group = _group_field(
        help_text=_("The group's organisers can then change it and see who is coming.")
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _groups_of(self, user)
        self.rooms: dict[str, BookableRoom] = {}
        _offer_rooms(self)

    def clean_room(self) -> BookableRoom | None:
        return self.rooms.get(self.cleaned_data.get("room") or NO_ROOM)

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


def _chosen_place_id(form: forms.Form) -> int | None:
    """The place chosen in what was sent, or else the form's starting place."""
    value = form.data.get(form.add_prefix("place")) if form.is_bound else form.initial.get("place")
    value = getattr(value, "pk", value)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _offer_rooms(form: forms.Form) -> None:
    """Offer the bookable rooms at the chosen place, or drop the question if there are none
    (an online event, a place with no rooms to book, or no place chosen yet)."""
    place_id = _chosen_place_id(form)
    rooms = (
        list(
            BookableRoom.objects.filter(
                space__place_id=place_id,
                space__place__is_listed=True,
                space__is_open_for_booking=True,
            )
            .select_related("place", "space__place")
            .order_by("place__name", "pk")
        )
        if place_id is not None
        else []
    )
    if not rooms:
        del form.fields["room"]
        return
    form.rooms = {str(room.pk): room for room in rooms}
    field = form.fields["room"]
    building = rooms[0].space
    field.label = _("Which room at %(place)s do you need?") % {"place": building.place.name}
    field.choices = [
        *(
            (
                str(room.pk),
                ngettext(
                    "%(room)s (holds %(count)s person)",
                    "%(room)s (holds %(count)s people)",
                    room.capacity,
                )
                % {"room": room.place.name, "count": room.capacity},
            )
            for room in rooms
        ),
        (NO_ROOM, _("No room: we do not need one booked")),
    ]
    if building.auto_approve:
        field.help_text = _("We book the room for the event's time straight away.")
    else:
        field.help_text = _(
            "We ask the building's manager to book the room for the event's time. Until "
            "they say yes, the event page says the room is to be confirmed."
        )


def event_room_initial(event: Event) -> str:
    """The room question's starting answer when an event is changed."""
    hold = event.room_hold
    return str(hold.room_id) if hold is not None else NO_ROOM


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
        error_messages={"required": _("Give the series a title"), **too_long()},
    )
    summary = forms.CharField(
        label=_("Say in a sentence what it is"),
        max_length=300,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=2)),
        error_messages={"required": _("Say in a sentence what the series is"), **too_long()},
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
    group = _group_field()

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _groups_of(self, user)


class EventFilterForm(FilterForm):
    kind = forms.ChoiceField(
        label=_("Kind of event"),
        choices=[("", _("Any kind")), *Event.Kind.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose a kind of event from the list")},
    )
    ward = ward_filter_field()
    q = forms.CharField(
        label=_("Search"), required=False, max_length=100, error_messages=too_long()
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
        error_messages=too_long(),
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

    def __init__(self, *args, people, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {person.pk: person for person in people}
        labels = choice_labels(self.people.values(), viewer)
        self.fields["person"].choices = [("", _("Choose a person"))] + [
            (pk, labels[pk]) for pk in self.people
        ]

    def clean_person(self):
        return self.people[self.cleaned_data["person"]]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it cancelled?"),
        help_text=_("Everyone with a place or on the waiting list will be told."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give a reason, so people know why"), **too_long()},
    )
