"""Tests of the services for holds (a room's time taken for an event): releasing and moving
them under the same rules as any booking (ADR 22)."""

from datetime import timedelta

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.bookings import services
from coproduce.bookings.models import Booking
from coproduce.common.errors import Refusal
from coproduce.notifications.models import Notification

from .factories import BookingFactory, RoomFactory, future, open_room

pytestmark = pytest.mark.django_db


def _hold(room, slot=None, by=None):
    start, end = slot or future()
    return services.booking_request(
        room=room, starts_at=start, ends_at=end, purpose="Event", requested_by=by or UserFactory()
    )


def test_release_frees_the_time_whoever_asks_and_tells_the_manager():
    """The caller has authorised `by`; the booking is cancelled and the manager told."""
    room = open_room(auto_approve=True)
    hold = _hold(room)
    someone_else = UserFactory()
    released = services.booking_release(booking=hold, by=someone_else, reason="Event moved")
    assert (released.status, released.reason) == (Booking.Status.CANCELLED, "Event moved")
    assert Notification.objects.filter(
        recipient=room.space.manager, title__startswith="Booking cancelled"
    ).exists()
    assert _hold(room).status == Booking.Status.CONFIRMED


def test_release_leaves_a_declined_booking_as_it_is():
    """A booking already declined stays declined."""
    declined = BookingFactory(status=Booking.Status.DECLINED)
    services.booking_release(booking=declined, by=UserFactory(), reason="")
    declined.refresh_from_db()
    assert declined.status == Booking.Status.DECLINED


def test_move_takes_the_new_time_and_frees_the_old():
    """Moving a hold cancels the old booking and confirms a new one."""
    room = open_room(auto_approve=True)
    start, end = future(days=10)
    hold = _hold(room, (start, end))
    new_start, new_end = future(days=11)
    moved = services.booking_move(
        booking=hold,
        room=room,
        starts_at=new_start,
        ends_at=new_end,
        purpose="Event",
        by=UserFactory(),
    )
    hold.refresh_from_db()
    assert hold.status == Booking.Status.CANCELLED
    assert (moved.status, moved.starts_at) == (Booking.Status.CONFIRMED, new_start)


def test_move_onto_a_booking_is_refused_and_keeps_the_old_hold():
    """A clash refuses the move; the old hold stays confirmed and nothing new is stored."""
    room = open_room(auto_approve=True)
    start, end = future(days=10)
    hold = _hold(room, (start, end))
    other_start, other_end = future(days=11)
    BookingFactory(room=room, starts_at=other_start, ends_at=other_end, status="confirmed")
    with pytest.raises(services.SlotTaken, match=f"The {room.place.name} is booked from"):
        services.booking_move(
            booking=hold,
            room=room,
            starts_at=other_start + timedelta(hours=1),
            ends_at=other_end + timedelta(hours=1),
            purpose="Event",
            by=UserFactory(),
        )
    hold.refresh_from_db()
    assert hold.status == Booking.Status.CONFIRMED
    assert Booking.objects.count() == 2


def test_move_to_a_room_that_needs_approval_waits_for_the_manager():
    """The new room's rules apply: where the manager approves, the moved hold is a request."""
    first = open_room(auto_approve=True)
    second = open_room(auto_approve=False)
    hold = _hold(first)
    start, end = future()
    moved = services.booking_move(
        booking=hold, room=second, starts_at=start, ends_at=end, purpose="Event", by=UserFactory()
    )
    assert moved.status == Booking.Status.REQUESTED


def test_move_outside_the_rooms_hours_is_refused():
    """Opening hours hold for a moved hold as for any booking."""
    room = open_room(auto_approve=True)
    hold = _hold(room)
    start, _end = future(hour=21)
    with pytest.raises(Refusal, match="not available"):
        services.booking_move(
            booking=hold,
            room=RoomFactory(space=room.space),
            starts_at=start,
            ends_at=start + timedelta(hours=3),
            purpose="Event",
            by=UserFactory(),
        )
    hold.refresh_from_db()
    assert hold.status == Booking.Status.CONFIRMED
