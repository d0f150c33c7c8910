"""Tests of services.events at bookable rooms: an event takes the room's time as a booking,
by the room's rules, and moving or cancelling the event moves or frees it (ADR 22)."""

import pytest

from coproduce.bookings import services as bookings
from coproduce.bookings.models import Booking
from coproduce.bookings.tests.factories import BookingFactory, RoomFactory
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Event
from coproduce.gatherings.services import events as services
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.places.tests.factories import PlaceFactory

from .event_setup import update_event
from .factories import NOW, at, officer, organiser
from .rooms import bookings_of, event_in, room_at_building

pytestmark = pytest.mark.django_db

CLASH = "The {room} is booked from 6pm to 8pm on Monday 17 June 2030. Choose another time."


def test_event_in_a_room_books_it_straight_away_where_the_space_does():
    """In a space that confirms bookings at once, the event's hold is a confirmed booking."""
    room = room_at_building()
    event = event_in(room)
    hold = event.room_booking
    assert (hold.room, hold.status) == (room, Booking.Status.CONFIRMED)
    assert (hold.starts_at, hold.ends_at) == (event.starts_at, event.ends_at)
    assert hold.purpose == event.title
    assert event.room_confirmed


def test_event_in_a_room_that_needs_approval_waits_as_a_request():
    """Where the manager approves bookings, the hold waits for them: room to be confirmed."""
    room = room_at_building(auto_approve=False)
    event = event_in(room)
    assert event.room_hold.status == Booking.Status.REQUESTED
    assert not event.room_confirmed
    bookings.booking_approve(booking=event.room_booking, by=room.space.manager, now=NOW)
    event.refresh_from_db()
    assert event.room_confirmed


def test_event_on_a_booked_time_is_refused_with_the_clash_named_and_nothing_stored():
    """A confirmed booking in the way refuses the event, naming the room and the time."""
    room = room_at_building()
    BookingFactory(room=room, starts_at=at(17, 18), ends_at=at(17, 20), status="confirmed")
    with pytest.raises(Refusal) as refused:
        event_in(room, starts_at=at(17, 19), ends_at=at(17, 21))
    assert str(refused.value) == CLASH.format(room=room.place.name)
    assert not Event.objects.exists()
    assert Booking.objects.count() == 1


def test_a_booking_cannot_take_a_time_an_event_holds():
    """Asking to book the room over the event's time is refused with the event's time named."""
    room = room_at_building()
    event_in(room)
    with pytest.raises(bookings.SlotTaken) as refused:
        bookings.booking_request(
            room=room,
            starts_at=at(17, 19),
            ends_at=at(17, 22),
            purpose="Choir",
            requested_by=organiser(),
            now=NOW,
        )
    assert str(refused.value) == CLASH.format(room=room.place.name)
    assert Booking.objects.count() == 1


def test_approving_a_request_over_an_event_is_refused():
    """A waiting request cannot be approved over the time an event then took."""
    room = room_at_building()
    waiting = BookingFactory(room=room, starts_at=at(17, 18), ends_at=at(17, 19))
    event_in(room)
    with pytest.raises(bookings.SlotTaken):
        bookings.booking_approve(booking=waiting, by=room.space.manager, now=NOW)


def test_event_outside_the_rooms_hours_is_refused():
    """The room's opening hours hold for an event as for a booking."""
    room = room_at_building()
    with pytest.raises(Refusal, match="not available"):
        event_in(room, starts_at=at(17, 21), ends_at=at(17, 23))
    assert not Event.objects.exists()
    assert not Booking.objects.exists()


def test_a_room_at_another_place_is_refused():
    """The room must be in the building where the event is."""
    room = room_at_building()
    with pytest.raises(Refusal, match="Choose a room at the place"):
        event_in(room, place=PlaceFactory())
    assert not Event.objects.exists()


def test_event_without_a_room_books_nothing():
    """An event at a building with rooms, but no room chosen, holds no room."""
    room = room_at_building()
    event = event_in(room, room=None)
    assert event.room_booking is None
    assert not Booking.objects.exists()


def test_hold_is_for_the_events_group_when_the_organiser_is_in_it():
    """The hold is booked for the group that runs the event, as a booking for a group is."""
    person = organiser()
    group = OrganisationFactory()
    group.memberships.create(user=person, role="organiser")
    event = event_in(room_at_building(), by=person, group=group)
    assert event.room_booking.group == group


def test_officer_running_any_groups_event_books_as_themself():
    """An officer who is not in the group still holds the room, for no group."""
    event = event_in(room_at_building(), by=officer(), group=OrganisationFactory())
    assert event.room_booking.group is None
    assert event.room_confirmed


# Moving and cancelling


def test_moving_the_event_moves_the_hold():
    """A new time frees the old one and takes the new one, in one change."""
    room = room_at_building()
    person = organiser()
    event = event_in(room, by=person)
    update_event(event, person, starts_at=at(18, 10), ends_at=at(18, 12))
    event.refresh_from_db()
    assert event.room_hold.starts_at == at(18, 10)
    assert bookings_of(room) == [("cancelled", at(17, 18)), ("confirmed", at(18, 10))]


def test_moving_within_its_own_time_is_not_a_clash():
    """Running an hour longer overlaps only the event's own hold, which is fine."""
    room = room_at_building()
    person = organiser()
    event = event_in(room, by=person)
    update_event(event, person, ends_at=at(17, 21))
    event.refresh_from_db()
    assert event.room_hold.ends_at == at(17, 21)


def test_moving_the_event_onto_a_booking_is_refused_and_changes_nothing():
    """Moving onto a confirmed booking is refused with it named; the event and hold stay."""
    room = room_at_building()
    person = organiser()
    event = event_in(room, by=person)
    BookingFactory(room=room, starts_at=at(18, 18), ends_at=at(18, 20), status="confirmed")
    with pytest.raises(Refusal, match=f"The {room.place.name} is booked from 6pm to 8pm"):
        update_event(event, person, starts_at=at(18, 18), ends_at=at(18, 20), title="Moved")
    event.refresh_from_db()
    assert (event.title, event.starts_at) == ("Tenants' evening", at(17, 18))
    assert event.room_hold.starts_at == at(17, 18)
    assert [s for s, _ in bookings_of(room)] == ["confirmed", "confirmed"]


def test_moving_to_another_room_frees_the_first():
    """A new room in the same building takes the time; the first room is free again."""
    first = room_at_building()
    second = RoomFactory(space=first.space)
    person = organiser()
    event = event_in(first, by=person)
    update_event(event, person, room=second)
    event.refresh_from_db()
    assert event.room_hold.room == second
    assert bookings_of(first) == [("cancelled", at(17, 18))]


def test_changing_only_the_words_keeps_the_hold():
    """A new title leaves the room's booking as it was."""
    room = room_at_building()
    person = organiser()
    event = event_in(room, by=person)
    hold = event.room_booking
    update_event(event, person, title="Tenants' evening (new title)")
    event.refresh_from_db()
    assert event.room_booking == hold
    assert event.room_hold is not None


def test_moving_to_another_place_frees_the_room():
    """An event moved to another place (room kept by default) lets the room go."""
    room = room_at_building()
    person = organiser()
    event = event_in(room, by=person)
    update_event(event, person, place=PlaceFactory())
    event.refresh_from_db()
    assert event.room_hold is None
    assert bookings_of(room) == [("cancelled", at(17, 18))]


def test_saying_no_room_frees_it():
    """Choosing no room frees the room's time."""
    room = room_at_building()
    person = organiser()
    event = event_in(room, by=person)
    update_event(event, person, room=None)
    event.refresh_from_db()
    assert event.room_hold is None


def test_co_organiser_can_move_a_hold_they_did_not_make():
    """Any organiser of the event may move it; the room follows."""
    room = room_at_building()
    first, second = organiser(), organiser()
    event = event_in(room, by=first)
    event.organisers.add(second)
    update_event(event, second, starts_at=at(19, 10), ends_at=at(19, 11))
    event.refresh_from_db()
    assert event.room_hold.starts_at == at(19, 10)


def test_cancelling_the_event_frees_the_room():
    """Once the event is cancelled, someone else can book its time."""
    room = room_at_building()
    person = organiser()
    event = event_in(room, by=person)
    services.event_cancel(event=event, by=person, reason="Hall flooded", now=NOW)
    event.refresh_from_db()
    assert event.room_hold is None
    assert event.room_booking.status == Booking.Status.CANCELLED
    booked = bookings.booking_request(
        room=room,
        starts_at=at(17, 18),
        ends_at=at(17, 20),
        purpose="Choir",
        requested_by=organiser(),
        now=NOW,
    )
    assert booked.status == Booking.Status.CONFIRMED


def test_a_room_to_be_confirmed_does_not_block_others_until_approved():
    """A hold waiting for the manager is a request, like any other: it blocks nothing yet."""
    room = room_at_building(auto_approve=False)
    event = event_in(room)
    other = BookingFactory(room=room, starts_at=at(17, 18), ends_at=at(17, 20))
    bookings.booking_approve(booking=other, by=room.space.manager, now=NOW)
    with pytest.raises(bookings.SlotTaken):
        bookings.booking_approve(booking=event.room_booking, by=room.space.manager, now=NOW)
