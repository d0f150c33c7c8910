"""What the tests of events at bookable rooms share: a room, an event put on in it, and the
room's bookings as (status, start) pairs."""

from coproduce.bookings.models import Booking
from coproduce.bookings.tests.factories import open_room
from coproduce.gatherings.models import Event
from coproduce.gatherings.services import events as services

from .factories import NOW, at, organiser


def room_at_building(**space_kwargs):
    """A room open every day 08:00 to 22:00, in a building that books it straight away
    unless `auto_approve=False`."""
    space_kwargs.setdefault("auto_approve", True)
    return open_room(**space_kwargs)


def event_in(bookable, by=None, *, starts_at=None, ends_at=None, **overrides) -> Event:
    """An event on 17 June 2030, 18:00 to 20:00, in the bookable room (unless `room` says
    otherwise)."""
    details = {
        "title": "Tenants' evening",
        "summary": "Talk about the estate's plans.",
        "kind": Event.Kind.MEET_UP,
        "starts_at": starts_at or at(17, 18),
        "ends_at": ends_at or at(17, 20),
        "place": bookable.space.place,
        "room": bookable,
        "now": NOW,
    }
    details.update(overrides)
    return services.event_create(by=by or organiser(), **details)


def bookings_of(room) -> list[tuple[str, object]]:
    return list(Booking.objects.filter(room=room).order_by("pk").values_list("status", "starts_at"))
