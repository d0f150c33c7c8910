"""An event's hold on a bookable room: one calendar per room (docs/adr/0022).

The hold is an ordinary booking, taken, moved and freed only through the bookings services,
inside the calling gatherings service's transaction.
"""

from datetime import datetime

from django.utils.translation import gettext as _

from coproduce.bookings import services as bookings
from coproduce.bookings.models import BookableRoom, Booking
from coproduce.common.errors import Refusal
from coproduce.groups.models import Membership, Organisation
from coproduce.places.models import Place

from ..models import Event


def check_room(room: BookableRoom | None, place: Place | None) -> None:
    if room is not None and (place is None or room.space.place_id != place.pk):
        raise Refusal(_("Choose a room at the place where the event is."))


def _booking_group(by, group: Organisation | None) -> Organisation | None:
    """The group a hold is booked for: the event's group, if `by` is in it (bookings only
    lets members book for a group; an officer running any group's event books as themself)."""
    if group is not None and Membership.objects.filter(organisation=group, user=by).exists():
        return group
    return None


def hold_room(*, event: Event, room: BookableRoom | None, by, now: datetime) -> Booking | None:
    """Take, move or free the room's time to match the event, through the bookings
    services: the same room lock and rules as any booking. Raises their Refusal (a clash
    names the booking in the way); the caller's transaction then stores nothing."""
    current = event.room_booking
    if current is not None and current.status not in (
        Booking.Status.REQUESTED,
        Booking.Status.CONFIRMED,
    ):
        current = None
    if room is None:
        if current is None:
            return event.room_booking
        # The freed booking stays linked, as history; `Event.room_hold` is then None.
        return bookings.booking_release(
            booking=current, by=by, reason=_("The event no longer needs the room."), now=now
        )
    if current is None:
        return bookings.booking_request(
            room=room,
            starts_at=event.starts_at,
            ends_at=event.ends_at,
            purpose=event.title,
            requested_by=by,
            group=_booking_group(by, event.group),
            now=now,
        )
    if (current.room_id, current.starts_at, current.ends_at) == (
        room.pk,
        event.starts_at,
        event.ends_at,
    ):
        return current
    return bookings.booking_move(
        booking=current,
        room=room,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        purpose=event.title,
        by=by,
        group=_booking_group(by, event.group),
        now=now,
    )
