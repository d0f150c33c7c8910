from datetime import UTC, datetime, time, timedelta

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction

from coproduce.accounts.tests.factories import UserFactory
from coproduce.bookings import services
from coproduce.bookings.models import Booking
from coproduce.common.errors import Refusal
from coproduce.groups.tests.factories import MembershipFactory, OrganiserFactory
from coproduce.notifications.models import Notification

from .factories import (
    BookingFactory,
    RoomFactory,
    SpaceFactory,
    WindowFactory,
    future,
    officer,
    open_room,
)

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def _request(room, user=None, slot=None, **kwargs):
    start, end = slot or future()
    return services.booking_request(
        room=room,
        starts_at=start,
        ends_at=end,
        purpose=kwargs.pop("purpose", "Choir practice"),
        requested_by=user or UserFactory(),
        **kwargs,
    )


def test_request_waits_for_the_manager_and_tells_them():
    """Without automatic approval a request is stored as requested and the manager is told."""
    room = open_room()
    booking = _request(room)
    assert booking.status == Booking.Status.REQUESTED
    assert Notification.objects.filter(
        recipient=room.space.manager, kind="booking_for_manager"
    ).exists()


def test_auto_approve_confirms_at_once_and_tells_the_requester():
    """A space that approves automatically confirms a free slot straight away."""
    room = open_room(auto_approve=True)
    person = UserFactory()
    booking = _request(room, person)
    assert booking.status == Booking.Status.CONFIRMED
    assert Notification.objects.filter(recipient=person, kind="booking_update").exists()


def test_auto_approve_refuses_an_overlapping_slot():
    """A second booking overlapping a confirmed one is refused and not stored."""
    room = open_room(auto_approve=True)
    start, end = future(hours=2)
    _request(room, slot=(start, end))
    with pytest.raises(services.SlotTaken):
        _request(room, slot=(start + timedelta(hours=1), end + timedelta(hours=1)))
    assert Booking.objects.count() == 1


def test_touching_bookings_do_not_overlap():
    """A booking may start exactly when the last one ends."""
    room = open_room(auto_approve=True)
    start, end = future(hours=2)
    _request(room, slot=(start, end))
    second = _request(room, slot=(end, end + timedelta(hours=1)))
    assert second.status == Booking.Status.CONFIRMED


def test_end_before_start_is_refused():
    """A booking that ends before it starts is refused and not stored."""
    room = open_room()
    start, end = future()
    with pytest.raises(Refusal):
        _request(room, slot=(end, start))
    assert not Booking.objects.exists()


def test_outside_availability_is_refused():
    """A booking running past closing time is refused."""
    room = open_room()
    start, _end = future(hour=20, hours=0)
    with pytest.raises(services.OutsideAvailability):
        _request(room, slot=(start, start + timedelta(hours=3)))
    assert not Booking.objects.exists()


def test_room_window_and_space_window_both_count():
    """A window for one room opens only that room; a space-wide one opens every room."""
    space = SpaceFactory()
    evening, other = RoomFactory(space=space), RoomFactory(space=space)
    WindowFactory(space=space, room=evening, opens=time(6), closes=time(8))
    slot_start, _ = future(hour=6, hours=0)
    slot = (slot_start, slot_start + timedelta(hours=1))
    assert _request(evening, slot=slot).status == Booking.Status.REQUESTED
    with pytest.raises(services.OutsideAvailability):
        _request(other, slot=slot)


def test_the_past_is_refused():
    """A booking that has already started cannot be made."""
    room = open_room()
    start = datetime.now(UTC) - timedelta(days=1)
    with pytest.raises(Refusal):
        _request(room, slot=(start, start + timedelta(hours=1)))


def test_booking_for_a_group_needs_membership():
    """Only members can book on a group's behalf."""
    room = open_room()
    membership = MembershipFactory()
    with pytest.raises(Refusal):
        _request(room, group=membership.organisation)
    booking = _request(room, membership.user, group=membership.organisation)
    assert booking.group == membership.organisation


def test_approve_confirms_and_tells_the_requester():
    """The manager's approval confirms the request and notifies the person."""
    room = open_room()
    booking = _request(room)
    services.booking_approve(booking=booking, by=room.space.manager)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CONFIRMED
    assert booking.decided_by == room.space.manager
    assert Notification.objects.filter(recipient=booking.requested_by, kind="booking_update")


def test_approve_refuses_when_the_slot_was_taken_meanwhile():
    """Two overlapping requests: approving the second after the first is refused."""
    room = open_room()
    first, second = _request(room), _request(room)
    services.booking_approve(booking=first, by=room.space.manager)
    with pytest.raises(services.SlotTaken):
        services.booking_approve(booking=second, by=room.space.manager)
    second.refresh_from_db()
    assert second.status == Booking.Status.REQUESTED


def test_only_managers_approve():
    """The requester, or anyone else, cannot approve."""
    room = open_room()
    booking = _request(room)
    with pytest.raises(Refusal):
        services.booking_approve(booking=booking, by=booking.requested_by)


def test_group_organisers_and_officers_manage_the_space():
    """Organisers of the managing group, and officers, may approve."""
    organiser = OrganiserFactory()
    room = open_room(manager=None, managing_group=organiser.organisation)
    first = _request(room, slot=future(hour=9, hours=1))
    services.booking_approve(booking=first, by=organiser.user)
    second = _request(room, slot=future(hour=12, hours=1))
    services.booking_approve(booking=second, by=officer())
    assert Booking.objects.filter(status=Booking.Status.CONFIRMED).count() == 2


def test_decline_needs_a_reason_and_tells_the_requester():
    """Declining stores the reason and notifies the requester."""
    room = open_room()
    booking = _request(room)
    with pytest.raises(Refusal):
        services.booking_decline(booking=booking, by=room.space.manager, reason=" ")
    services.booking_decline(booking=booking, by=room.space.manager, reason="Hall is closed")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.DECLINED
    assert booking.reason == "Hall is closed"
    assert Notification.objects.get(recipient=booking.requested_by).body.endswith("Hall is closed")


def test_requester_cancels_and_the_manager_is_told():
    """Cancelling frees the slot and notifies the manager."""
    room = open_room(auto_approve=True)
    booking = _request(room)
    services.booking_cancel(booking=booking, by=booking.requested_by, reason="")
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    assert Notification.objects.filter(
        recipient=room.space.manager, title__startswith="Booking cancelled"
    ).exists()
    assert _request(room).status == Booking.Status.CONFIRMED


def test_manager_cancels_with_a_reason_and_the_requester_is_told():
    """A manager must say why; the requester hears about it."""
    room = open_room(auto_approve=True)
    booking = _request(room)
    with pytest.raises(Refusal):
        services.booking_cancel(booking=booking, by=room.space.manager, reason="")
    services.booking_cancel(booking=booking, by=room.space.manager, reason="Boiler broken")
    assert Notification.objects.filter(
        recipient=booking.requested_by, title="Your booking was cancelled"
    ).exists()


def test_strangers_cannot_cancel():
    """Someone with no part in the booking cannot cancel it."""
    booking = _request(open_room())
    with pytest.raises(Refusal):
        services.booking_cancel(booking=booking, by=UserFactory(), reason="Because")


def test_end_must_follow_start_in_the_database():
    """The database refuses a booking that ends before it starts, whatever writes it."""
    start, end = future()
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingFactory(starts_at=end, ends_at=start)


if ON_POSTGRESQL:

    def test_postgresql_refuses_overlapping_confirmed_bookings():
        """The exclusion constraint holds even for writes that skip the services."""
        room = open_room()
        start, end = future()
        BookingFactory(room=room, starts_at=start, ends_at=end, status="confirmed")
        BookingFactory(room=room, starts_at=start, ends_at=end, status="requested")
        with pytest.raises(IntegrityError), transaction.atomic():
            BookingFactory(
                room=room, starts_at=start + timedelta(minutes=30), ends_at=end, status="confirmed"
            )

    def test_the_constraint_becomes_a_clear_refusal(monkeypatch):
        """If the check inside the service were missed, the constraint still refuses, naming
        the booking in the way."""
        room = open_room(auto_approve=True)
        start, end = future()
        BookingFactory(room=room, starts_at=start, ends_at=end, status="confirmed")
        real_clash, calls = services._clash, []

        def missed_once(*args, **kwargs):
            calls.append(args)
            return None if len(calls) == 1 else real_clash(*args, **kwargs)

        monkeypatch.setattr(services, "_clash", missed_once)
        with pytest.raises(services.SlotTaken, match=f"The {room.place.name} is booked from"):
            _request(room, slot=(start, end))
        assert Booking.objects.count() == 1


def test_a_room_must_be_in_its_spaces_building():
    """Validation refuses a room from another building."""
    from django.core.exceptions import ValidationError

    room = RoomFactory()
    room.space = SpaceFactory()
    with pytest.raises(ValidationError):
        room.full_clean()
