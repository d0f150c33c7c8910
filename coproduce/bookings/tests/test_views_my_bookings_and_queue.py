"""Booking pages after asking: a person's own bookings and cancelling them, a space manager's
queue of requests, and utilisation."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.bookings.models import Booking

from .factories import BookingFactory, future, officer, open_room
from .pages import client_for

pytestmark = pytest.mark.django_db


# My bookings, cancelling ------------------------------------------------------------------


def test_my_bookings_shows_only_mine():
    """Each person sees their own bookings; visitors are sent to sign in."""
    mine = BookingFactory(purpose="My knitting circle")
    BookingFactory(purpose="Someone else's party")
    assert Client().get(reverse("bookings:mine")).status_code == 302
    body = client_for(mine.requested_by).get(reverse("bookings:mine")).content.decode()
    assert "My knitting circle" in body
    assert "Someone else" not in body


def test_requester_cancels_from_the_page():
    """The requester can cancel without a reason."""
    booking = BookingFactory(room=open_room())
    client = client_for(booking.requested_by)
    url = reverse("bookings:cancel", args=[booking.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"reason": ""}).status_code == 302
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


def test_strangers_cannot_see_or_cancel_a_booking():
    """Anyone else gets 404 and the booking stays; visitors are sent to sign in."""
    booking = BookingFactory(room=open_room())
    url = reverse("bookings:cancel", args=[booking.pk])
    assert Client().get(url).status_code == 302
    assert client_for(UserFactory()).get(url).status_code == 404
    assert client_for(UserFactory()).post(url, {"reason": "x"}).status_code == 404
    booking.refresh_from_db()
    assert booking.status == Booking.Status.REQUESTED


def test_manager_must_give_a_reason_to_cancel():
    """A manager cancelling without a reason gets a form error."""
    booking = BookingFactory(room=open_room(), status="confirmed")
    client = client_for(booking.room.space.manager)
    response = client.post(reverse("bookings:cancel", args=[booking.pk]), {"reason": ""})
    assert response.status_code == 400
    assert "Give a reason" in response.content.decode()


# The manager's queue --------------------------------------------------------------------


def test_queue_is_for_managers_only():
    """Residents get 403, visitors sign in, managers and officers see requests."""
    booking = BookingFactory(room=open_room(), purpose="Film night")
    url = reverse("bookings:queue")
    assert Client().get(url).status_code == 302
    assert client_for(UserFactory()).get(url).status_code == 403
    assert "Film night" in client_for(booking.room.space.manager).get(url).content.decode()
    assert "Film night" in client_for(officer()).get(url).content.decode()


def test_a_manager_sees_only_their_own_spaces_requests():
    """Managing one space does not show another space's requests."""
    BookingFactory(room=open_room(), purpose="Film night")
    other = open_room()
    assert (
        "Film night"
        not in client_for(other.space.manager).get(reverse("bookings:queue")).content.decode()
    )


def test_manager_approves_and_declines():
    """Approve confirms; decline needs a reason and records it."""
    room = open_room()
    first = BookingFactory(room=room, starts_at=future(hour=9)[0])
    second = BookingFactory(room=room, starts_at=future(hour=14)[0])
    client = client_for(room.space.manager)
    decide = "bookings:decide"
    assert client.post(reverse(decide, args=[first.pk]), {"decision": "approve"}).status_code == 302
    no_reason = client.post(reverse(decide, args=[second.pk]), {"decision": "decline"})
    assert no_reason.status_code == 400
    assert "Give a reason" in no_reason.content.decode()
    client.post(reverse(decide, args=[second.pk]), {"decision": "decline", "reason": "Closed"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "declined")


def test_approving_a_taken_slot_shows_a_clear_error():
    """If the time was confirmed for someone else meanwhile, approval is refused on the page."""
    room = open_room()
    start, end = future()
    BookingFactory(room=room, starts_at=start, ends_at=end, status="confirmed")
    waiting = BookingFactory(room=room, starts_at=start, ends_at=end)
    response = client_for(room.space.manager).post(
        reverse("bookings:decide", args=[waiting.pk]), {"decision": "approve"}
    )
    assert response.status_code == 400
    assert f"The {room.place.name} is booked from" in response.content.decode()


def test_requester_and_strangers_cannot_decide():
    """The requester gets 403; others get 404; GET is not allowed."""
    booking = BookingFactory(room=open_room())
    url = reverse("bookings:decide", args=[booking.pk])
    assert client_for(booking.requested_by).post(url, {"decision": "approve"}).status_code == 403
    assert client_for(UserFactory()).post(url, {"decision": "approve"}).status_code == 404
    assert client_for(booking.room.space.manager).get(url).status_code == 405
    booking.refresh_from_db()
    assert booking.status == Booking.Status.REQUESTED


# Utilisation ----------------------------------------------------------------------------


def test_utilisation_for_officers_and_managers_only():
    """Officers see every building; managers their own; residents 403; visitors sign in."""
    room = open_room()
    other = open_room()
    url = reverse("bookings:utilisation")
    assert Client().get(url).status_code == 302
    assert client_for(UserFactory()).get(url).status_code == 403
    everything = client_for(officer()).get(url).content.decode()
    assert room.space.place.name in everything and other.space.place.name in everything
    own = client_for(room.space.manager).get(url).content.decode()
    assert room.space.place.name in own and other.space.place.name not in own


def test_utilisation_counts_booked_share():
    """A 14-hour day with one 7-hour booking in a one-day window is 50% used."""
    from datetime import time

    from coproduce.bookings import selectors
    from coproduce.bookings.models import BookableSpace

    from .factories import RoomFactory, SpaceFactory, WindowFactory

    space = SpaceFactory()
    room = RoomFactory(space=space)
    day = timezone.localdate() + timedelta(days=40)
    WindowFactory(space=space, valid_from=day, valid_to=day, opens=time(8), closes=time(22))
    start = timezone.make_aware(timezone.datetime.combine(day, time(8)))
    BookingFactory(
        room=room, starts_at=start, ends_at=start + timedelta(hours=7), status="confirmed"
    )
    (row,) = selectors.utilisation(BookableSpace.objects.all(), day.year, day.month)
    assert row.available_hours == 14
    assert row.booked_hours == 7
    assert row.share == 0.5


def test_managers_find_their_queue_from_their_bookings():
    """A manager's bookings page links to the requests; a resident's does not."""
    room = open_room()
    queue = reverse("bookings:queue")
    assert queue in client_for(room.space.manager).get(reverse("bookings:mine")).content.decode()
    assert queue not in client_for(UserFactory()).get(reverse("bookings:mine")).content.decode()


def test_queue_links_a_room_held_for_an_event_to_the_event():
    """A request that holds a room for an event (ADR 22) names the event, with a link."""
    from coproduce.gatherings.tests.factories import organiser
    from coproduce.gatherings.tests.rooms import event_in

    room = open_room()
    start, end = future(days=12)
    event = event_in(room, organiser(), starts_at=start, ends_at=end, now=timezone.now())
    body = client_for(room.space.manager).get(reverse("bookings:queue")).content.decode()
    assert "Held for the event" in body
    assert reverse("gatherings:event", args=[event.pk]) in body
