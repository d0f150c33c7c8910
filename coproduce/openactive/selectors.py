"""Reads for the feeds: one page of rows in (modified, id) order, and which of them the
public may see. Everything else a row shows is fetched with it, so a page costs the same
few queries however long it is."""

from collections.abc import Iterable
from datetime import datetime

from django.db.models import Q, QuerySet

from coproduce.bookings.models import BookableRoom, Booking
from coproduce.discussion import hiding
from coproduce.gatherings import unlisted
from coproduce.gatherings.models import Event

from . import rpde
from .models import Deletion


def after(rows: QuerySet, position: rpde.Position, limit: int, *, until: datetime) -> list:
    """The `limit` rows after `position`, in (modified, id) order, changed no later than
    `until` (see `feeds.lag`: newer rows may belong to transactions not yet committed)."""
    return _after(rows, position, limit, until, modified="updated_at", id="pk")


def deletions_after(kind: str, position: rpde.Position, limit: int, *, until: datetime) -> list:
    """The `limit` tombstones of this kind after `position`, in (modified, id) order."""
    rows = Deletion.objects.filter(kind=kind)
    return _after(rows, position, limit, until, modified="modified", id="row_id")


def _after(rows: QuerySet, position, limit: int, until: datetime, *, modified: str, id: str):
    rows = rows.filter(**{f"{modified}__lte": until})
    if position.modified is not None:
        moment = rpde.moment_of(position.modified)
        rows = rows.filter(
            Q(**{f"{modified}__gt": moment}) | Q(**{modified: moment, f"{id}__gt": position.id})
        )
    return list(rows.order_by(modified, id)[:limit])


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
