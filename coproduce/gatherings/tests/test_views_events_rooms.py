"""The event form at a place with rooms to book: asked which room without JavaScript, the
room held on sending, a clash shown on the form, and the room kept when the event is changed
(ADR 22)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.bookings.models import Booking
from coproduce.bookings.tests.factories import BookingFactory
from coproduce.gatherings.forms.events import NO_ROOM
from coproduce.gatherings.models import Event

from .factories import organiser
from .pages import text
from .rooms import room_at_building

pytestmark = pytest.mark.django_db


def _form(place, **extra) -> dict:
    day = timezone.localdate() + timedelta(days=10)
    return {
        "title": "Tenants' evening",
        "summary": "Talk about the estate's plans.",
        "kind": "meet_up",
        "day": day.strftime("%d/%m/%Y"),
        "starts": "18:00",
        "ends": "20:00",
        "place": str(place.pk),
    } | extra


def test_sending_a_place_with_rooms_asks_which_room_and_stores_nothing(client):
    """Without JavaScript the form comes back (400) with the room question; no event yet."""
    room = room_at_building()
    client.force_login(organiser())
    response = client.post(reverse("gatherings:event_create"), _form(room.space.place))
    assert response.status_code == 400
    body = text(response)
    assert f"Which room at {room.space.place.name} do you need?" in body
    assert room.place.name in body
    assert not Event.objects.exists()


def test_choosing_a_room_holds_it_for_the_event(client):
    """With the room chosen the event is on and the room's time is booked for it."""
    room = room_at_building()
    client.force_login(organiser())
    response = client.post(
        reverse("gatherings:event_create"), _form(room.space.place, room=str(room.pk))
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.room_hold.room, event.room_hold.status) == (room, Booking.Status.CONFIRMED)


def test_a_clash_is_shown_on_the_form_and_nothing_is_stored(client):
    """A time the room is booked comes back on the form with the clash named."""
    room = room_at_building()
    day = timezone.localdate() + timedelta(days=10)
    starts = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    BookingFactory(
        room=room,
        starts_at=starts + timedelta(hours=18),
        ends_at=starts + timedelta(hours=20),
        status="confirmed",
    )
    client.force_login(organiser())
    response = client.post(
        reverse("gatherings:event_create"), _form(room.space.place, room=str(room.pk))
    )
    assert response.status_code == 400
    assert f"The {room.place.name} is booked from 6pm to 8pm" in text(response)
    assert not Event.objects.exists()
    assert Booking.objects.count() == 1


def test_changing_an_event_starts_from_its_room_and_keeps_it(client):
    """The edit form has the room chosen; sending it as it is keeps the hold."""
    room = room_at_building()
    person = organiser()
    client.force_login(person)
    client.post(reverse("gatherings:event_create"), _form(room.space.place, room=str(room.pk)))
    event = Event.objects.get()
    hold = event.room_booking
    page = client.get(reverse("gatherings:event_edit", args=[event.pk]))
    assert f'value="{room.pk}" checked' in page.content.decode()
    response = client.post(
        reverse("gatherings:event_edit", args=[event.pk]),
        _form(room.space.place, room=str(room.pk), title="New title"),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.room_booking == hold


def test_changing_to_no_room_frees_it(client):
    """Choosing "no room" on the edit form frees the room's time."""
    room = room_at_building()
    client.force_login(organiser())
    client.post(reverse("gatherings:event_create"), _form(room.space.place, room=str(room.pk)))
    event = Event.objects.get()
    client.post(
        reverse("gatherings:event_edit", args=[event.pk]),
        _form(room.space.place, room=NO_ROOM),
    )
    event.refresh_from_db()
    assert event.room_hold is None
