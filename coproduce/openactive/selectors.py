"""Reads for the feeds: one page of rows in (modified, id) order, and which of them the
public may see. Everything else a row shows is fetched with it, so a page costs the same
few queries however long it is."""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from coproduce.bookings.models import BookableRoom, Booking
from coproduce.discussion import hiding
from coproduce.gatherings import unlisted
from coproduce.gatherings.models import Event

from . import rpde


def after(rows: QuerySet, position: rpde.Position, limit: int) -> list:
    """The `limit` rows after `position`, in (modified, id) order."""
    if position.modified is not None:
        moment = rpde.moment_of(position.modified)
        rows = rows.filter(Q(updated_at__gt=moment) | Q(updated_at=moment, pk__gt=position.id))
    return list(rows.order_by("updated_at", "pk")[:limit])


def events() -> QuerySet[Event]:
    return Event.objects.select_related("place", "group", "series").prefetch_related("organisers")


def public_event_ids(ids: Iterable[int]) -> set[int]:
    """Which of these events the public may see: not cancelled, hidden by a moderator or
    kept unlisted (a youth panel's meeting, ADR 0024)."""
    shown = Event.objects.filter(pk__in=list(ids)).exclude(status=Event.Status.CANCELLED)
    shown = unlisted.exclude_unlisted(hiding.exclude_hidden(shown))
    return set(shown.values_list("pk", flat=True))


def rooms() -> QuerySet[BookableRoom]:
    return BookableRoom.objects.select_related(
        "place", "space__place", "space__managing_group"
    ).prefetch_related("windows", "space__windows")


def room_is_public(room: BookableRoom) -> bool:
    return room.space.is_open_for_booking and room.place.is_listed and room.space.place.is_listed


def bookings() -> QuerySet[Booking]:
    return Booking.objects.select_related("room__place", "room__space__place")


def booking_is_public(booking: Booking) -> bool:
    """A confirmed booking of a public room: the room is taken then. Requests, refusals
    and cancellations are not slots."""
    return booking.status == Booking.Status.CONFIRMED and room_is_public(booking.room)
