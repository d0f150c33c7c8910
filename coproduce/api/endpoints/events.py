"""Events (the site's gatherings): those still to come, as the events page lists them."""

from datetime import datetime

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from coproduce.discussion import hiding
from coproduce.gatherings import selectors, unlisted
from coproduce.gatherings.forms import EventFilterForm
from coproduce.gatherings.models import Event
from coproduce.places.selectors import is_someones_own

from ..common import (
    VISITOR,
    Error,
    Location,
    WardOut,
    checked,
    id_path,
    location,
    not_found,
    one_of,
    ward_of,
)
from ..paging import PageMeta, PagingQuery, paginate

router = Router(tags=["Events"])


class EventPlace(Schema):
    id: int
    name: str
    ward: WardOut
    location: Location | None = Field(description="None where the place is someone's own home.")


class EventOut(Schema):
    id: int
    title: str
    summary: str
    kind: one_of(Event.Kind)
    status: one_of(Event.Status)
    starts_at: datetime
    ends_at: datetime
    online: bool = Field(description="Held online. The link is only for those going.")
    place: EventPlace | None
    series: str | None = Field(description="The programme it belongs to, if any.")
    capacity: int | None
    url: str


class EventDetail(EventOut):
    description: str
    cancel_reason: str


class EventPage(PageMeta):
    results: list[EventOut]


class EventFilters(Schema):
    kind: one_of(Event.Kind) | None = None
    ward: str = Field("", max_length=100, description="A ward's short name, as in its address.")
    q: str = Field("", max_length=100, description="Words in the title or summary.")


def _place(event: Event) -> dict | None:
    place = event.place
    if place is None or not place.is_listed:
        return None
    own = is_someones_own(place)
    return {
        "id": place.pk,
        "name": place.name,
        "ward": ward_of(place.ward),
        "location": None if own else location(place.latitude, place.longitude),
    }


def _out(event: Event) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "summary": event.summary,
        "kind": event.kind,
        "status": event.status,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "online": event.is_online,
        "place": _place(event),
        "series": event.series.title if event.series_id else None,
        "capacity": event.capacity,
        "url": reverse("gatherings:event", args=[event.pk]),
    }


@router.get("/events/", response={200: EventPage, 400: Error}, summary="Events to come")
def event_list(request: HttpRequest, paging: PagingQuery, filters: Query[EventFilters]):
    """Events still to come, soonest first, filtered as on the events page."""
    form = checked(EventFilterForm, filters.dict())
    rows = selectors.events_upcoming(**form.filters())
    return paginate(request, rows, paging, lambda page: map(_out, page))


@router.get("/events/{pk}/", response={200: EventDetail, 404: Error}, summary="One event")
def event_detail(request: HttpRequest, pk: int = id_path()):
    event = selectors.event_detail(pk)
    if event is None or unlisted.hidden_from(VISITOR, event) or hiding.hidden_from(VISITOR, event):
        raise not_found("event")
    return {
        **_out(event),
        "description": event.description,
        "cancel_reason": event.cancel_reason,
    }
