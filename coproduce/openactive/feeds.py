"""The four feeds, as OpenActive Modelling Specification 2.0 JSON-LD (ADR 0034).

- `session-series`: each gathering as a SessionSeries (what it is, where, who runs it);
- `scheduled-sessions`: each gathering's date and time, as a ScheduledSession of it;
- `facility-uses`: each bookable room as a FacilityUse, with the hours it may be booked;
- `slots`: each confirmed booking of a room as a Slot with no uses left (the room is taken).

Nothing personal is sent: a gathering's organiser is its group, or the first organiser as
`name_for` names people to the public ("A resident" unless they chose otherwise); bookings
carry only their times, never who booked or why. Anything the public may not see (cancelled,
hidden, unlisted, closed for booking, at a hidden place) is sent as a deleted item.
"""

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from coproduce.bookings.models import BookableRoom, Booking
from coproduce.common import week
from coproduce.gatherings.models import Event
from coproduce.people.naming import name_for
from coproduce.places.models import Place

from . import rpde, selectors
from .models import Deletion

CONTEXT = "https://openactive.io/"
PAGE_SIZE = 100


# Late commits (ADR 0034): a row's `modified` is taken when it is saved, but readers only see
# it once its transaction commits. A reader who has paged past that `modified` in between
# would never see the row. So the feeds leave out anything changed in the last few seconds: every
# write's transaction has committed by then, and its rows come in order after it.
def lag() -> timedelta:
    return timedelta(seconds=settings.OPENACTIVE_FEED_LAG_SECONDS)


@dataclass(frozen=True)
class Feed:
    name: str
    kind: str
    rows: Callable[[], QuerySet]
    # Given a page of rows, a function saying whether each one is public.
    public: Callable[[list], Callable[[Any], bool]]
    data: Callable[[Any], dict[str, Any]]
    # Which tombstones (models.Deletion) are this feed's rows deleted outright.
    deleted: str

    def page(
        self, position: rpde.Position, *, base_url: str, now: datetime | None = None
    ) -> dict[str, Any]:
        until = (now or timezone.now()) - lag()
        rows = selectors.after(self.rows(), position, PAGE_SIZE, until=until)
        gone = selectors.deletions_after(self.deleted, position, PAGE_SIZE, until=until)
        is_public = self.public(rows)
        live = [
            rpde.Item(
                id=row.pk,
                modified=rpde.modified_of(row.updated_at),
                kind=self.kind,
                data=self.data(row) if is_public(row) else None,
            )
            for row in rows
        ]
        tombstones = [
            rpde.Item(id=d.row_id, modified=rpde.modified_of(d.modified), kind=self.kind, data=None)
            for d in gone
        ]
        # Both lists are in (modified, id) order; the page is the first PAGE_SIZE of the two.
        merged = heapq.merge(live, tombstones, key=lambda item: (item.modified, item.id))
        items = [item for _, item in zip(range(PAGE_SIZE), merged, strict=False)]
        return rpde.page(items, base_url=base_url, position=position)


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _series_id(event: Event) -> str:
    return _url("gatherings:event", event.pk) + "#session-series"


def _room_id(space_id: int, room_id: int) -> str:
    # Rooms have no page of their own; their building's page lists them.
    return _url("bookings:space", space_id) + f"#room-{room_id}"


def _when(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _duration(starts_at: datetime, ends_at: datetime) -> str:
    minutes = int((ends_at - starts_at).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None or not place.is_listed:
        return None
    found: dict[str, Any] = {
        "@type": "Place",
        "name": place.name,
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": place.latitude,
            "longitude": place.longitude,
        },
    }
    if place.address or place.postcode:
        found["address"] = {
            "@type": "PostalAddress",
            "streetAddress": place.address,
            "postalCode": place.postcode,
            "addressCountry": "GB",
        }
    return found


def _events_public(rows: list[Event]) -> Callable[[Event], bool]:
    shown = selectors.public_event_ids(row.pk for row in rows)
    return lambda event: event.pk in shown


def _organiser(event: Event) -> dict[str, Any]:
    if event.group is not None:
        return {"@type": "Organization", "name": event.group.name}
    organisers = list(event.organisers.all())
    return {"@type": "Person", "name": str(name_for(organisers[0] if organisers else None, None))}


def session_series(event: Event) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "SessionSeries",
        "@id": _series_id(event),
        "identifier": event.pk,
        "name": event.title,
        "description": event.summary,
        "url": _url("gatherings:event", event.pk),
        "organizer": _organiser(event),
        "activity": [{"@type": "Concept", "prefLabel": str(Event.Kind(event.kind).label)}],
    }
    location = _place(event.place)
    if location is not None:
        data["location"] = location
    elif event.place_id is None:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
    return data


def scheduled_session(event: Event) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ScheduledSession",
        "@id": _url("gatherings:event", event.pk) + "#scheduled-session",
        "identifier": event.pk,
        "superEvent": _series_id(event),
        "startDate": _when(event.starts_at),
        "endDate": _when(event.ends_at),
        "duration": _duration(event.starts_at, event.ends_at),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
    return data


def _rooms_public(rows: list[BookableRoom]) -> Callable[[BookableRoom], bool]:
    return selectors.room_is_public


def _hours(opens: time, closes: time, weekdays: list[int]) -> dict[str, Any]:
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [f"https://schema.org/{week.WEEK[day].name}" for day in sorted(weekdays)],
        "opens": opens.strftime("%H:%M"),
        "closes": closes.strftime("%H:%M"),
    }


def facility_use(room: BookableRoom) -> dict[str, Any]:
    space = room.space
    windows = [w for w in space.windows.all() if w.room_id in (None, room.pk)]
    provider = space.managing_group.name if space.managing_group else settings.COUNCIL_NAME
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "FacilityUse",
        "@id": _room_id(space.pk, room.pk),
        "identifier": room.pk,
        "name": room.place.name,
        "url": _url("bookings:space", space.pk),
        "provider": {"@type": "Organization", "name": provider},
        "location": _place(space.place),
        "hoursAvailable": [_hours(w.opens, w.closes, w.weekdays) for w in windows],
    }
    if room.place.description:
        data["description"] = room.place.description
    return data


def _bookings_public(rows: list[Booking]) -> Callable[[Booking], bool]:
    return selectors.booking_is_public


def slot(booking: Booking) -> dict[str, Any]:
    return {
        "@context": CONTEXT,
        "@type": "Slot",
        "@id": _room_id(booking.room.space_id, booking.room_id) + f"-slot-{booking.pk}",
        "identifier": booking.pk,
        "facilityUse": _room_id(booking.room.space_id, booking.room_id),
        "startDate": _when(booking.starts_at),
        "endDate": _when(booking.ends_at),
        "duration": _duration(booking.starts_at, booking.ends_at),
        "maximumUses": 1,
        "remainingUses": 0,
    }


FEEDS = {
    feed.name: feed
    for feed in (
        Feed(
            "session-series",
            "SessionSeries",
            selectors.events,
            _events_public,
            session_series,
            Deletion.Kind.EVENT,
        ),
        Feed(
            "scheduled-sessions",
            "ScheduledSession",
            selectors.events,
            _events_public,
            scheduled_session,
            Deletion.Kind.EVENT,
        ),
        Feed(
            "facility-uses",
            "FacilityUse",
            selectors.rooms,
            _rooms_public,
            facility_use,
            Deletion.Kind.ROOM,
        ),
        Feed("slots", "Slot", selectors.bookings, _bookings_public, slot, Deletion.Kind.BOOKING),
    )
}
