"""Tests of the event form's room question: asked only at a place with rooms to book, offering
only that place's rooms, and answerable without JavaScript (ADR 22)."""

import pytest

from coproduce.bookings.tests.factories import RoomFactory, SpaceFactory
from coproduce.gatherings.forms.events import NO_ROOM, EventForm, event_room_initial
from coproduce.places.tests.factories import PlaceFactory

from .factories import NOW, at, organiser
from .rooms import event_in, room_at_building

pytestmark = pytest.mark.django_db


def _data(place, **extra) -> dict:
    day = NOW.date().replace(day=17)
    return {
        "title": "Tenants' evening",
        "summary": "Talk about the estate's plans.",
        "kind": "meet_up",
        "day": day.strftime("%d/%m/%Y"),
        "starts": "18:00",
        "ends": "20:00",
        "place": str(place.pk) if place else "",
        "online_url": "" if place else "https://example.org/meet",
    } | extra


def test_no_room_question_before_a_place_is_chosen_or_online():
    """A new, empty form and an online event ask no room question."""
    room_at_building()
    assert "room" not in EventForm(user=organiser()).fields
    assert "room" not in EventForm(_data(None), user=organiser()).fields


def test_no_room_question_at_a_place_without_rooms_to_book():
    """A place with no bookable rooms asks nothing, and the form is valid without it."""
    form = EventForm(_data(PlaceFactory()), user=organiser())
    assert "room" not in form.fields
    assert form.is_valid(), form.errors
    assert "room" not in form.cleaned_data


def test_sending_a_place_with_rooms_asks_which_room():
    """Without JavaScript: the place is sent, and the form comes back asking for a room."""
    room = room_at_building()
    form = EventForm(_data(room.space.place), user=organiser())
    assert not form.is_valid()
    assert form.errors["room"] == ["Choose a room, or say that you do not need one"]
    assert room.space.place.name in str(form.fields["room"].label)


def test_only_the_chosen_places_rooms_are_offered():
    """The choices are that building's rooms, and "no room"; another building's are not."""
    room = room_at_building()
    sibling = RoomFactory(space=room.space)
    elsewhere = RoomFactory(space=SpaceFactory())
    form = EventForm(_data(room.space.place), user=organiser())
    offered = [value for value, _label in form.fields["room"].choices]
    assert sorted(offered[:-1]) == sorted([str(room.pk), str(sibling.pk)])
    assert offered[-1] == NO_ROOM
    assert str(elsewhere.pk) not in offered


def test_a_room_from_another_building_is_refused():
    """A room sent that is not at the chosen place is an error, not a booking elsewhere."""
    room = room_at_building()
    elsewhere = RoomFactory(space=SpaceFactory())
    form = EventForm(_data(room.space.place, room=str(elsewhere.pk)), user=organiser())
    assert not form.is_valid()
    assert form.errors["room"] == ["Choose one of the rooms at this place"]


def test_choosing_a_room_or_none():
    """A chosen room is cleaned to the room; "no room" to None."""
    room = room_at_building()
    chosen = EventForm(_data(room.space.place, room=str(room.pk)), user=organiser())
    assert chosen.is_valid(), chosen.errors
    assert chosen.cleaned_data["room"] == room
    none = EventForm(_data(room.space.place, room=NO_ROOM), user=organiser())
    assert none.is_valid(), none.errors
    assert none.cleaned_data["room"] is None


def test_a_space_closed_for_booking_offers_no_rooms():
    """Rooms of a space not taking bookings are not offered."""
    room = room_at_building(is_open_for_booking=False)
    assert "room" not in EventForm(_data(room.space.place), user=organiser()).fields


def test_hint_says_when_the_manager_must_confirm():
    """Where the manager approves bookings, the hint says the room is to be confirmed."""
    room = room_at_building(auto_approve=False)
    form = EventForm(_data(room.space.place), user=organiser())
    assert "to be confirmed" in str(form.fields["room"].help_text)


def test_changing_an_event_starts_from_its_room():
    """The edit form's starting answer is the room the event holds, or "no room"."""
    room = room_at_building()
    event = event_in(room)
    assert event_room_initial(event) == str(room.pk)
    form = EventForm(initial={"place": event.place_id, "room": event_room_initial(event)})
    assert "room" in form.fields
    no_room = event_in(room, room=None, starts_at=at(18, 18), ends_at=at(18, 20))
    assert event_room_initial(no_room) == NO_ROOM
