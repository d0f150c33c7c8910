"""Events (the site's gatherings): those still to come, as the events page lists them."""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import AwareDatetime, Field, field_validator

from coproduce.common.dates.parsing import EARLIEST, LATEST
from coproduce.common.errors import Refusal
from coproduce.discussion import hiding
from coproduce.gatherings import permissions, selectors, unlisted
from coproduce.gatherings.forms import EventFilterForm
from coproduce.gatherings.models import Event
from coproduce.gatherings.provisions import PROVISIONS
from coproduce.gatherings.services import events as event_services
from coproduce.places.selectors import is_someones_own, listed_place

from ..auth import officer_token
from ..common import (
    MAX_ID,
    VISITOR,
    WRITE_ANSWERS,
    Body,
    Error,
    Location,
    WardOut,
    checked,
    id_path,
    location,
    not_found,
    one_of,
    ward_of,
    web_address,
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


# Writes, with an officer's token ------------------------------------------------------------
class EventIn(Body):
    """An event as the council's own systems put it on: at a listed place, online, or both."""

    title: str = Field(min_length=1, max_length=150)
    summary: str = Field(min_length=1, max_length=300, description="What it is, in a sentence.")
    description: str = Field("", max_length=20_000, description="More about it.")
    kind: one_of(Event.Kind)
    starts_at: AwareDatetime = Field(description="With its offset, for example +01:00.")
    ends_at: AwareDatetime = Field(description="After the start, at most 14 days later.")
    place_id: int | None = Field(None, ge=1, le=MAX_ID, description="A listed place's id.")
    online_url: str = Field("", max_length=500, description="A link to join online.")
    capacity: int | None = Field(None, ge=1, le=event_services.MAX_CAPACITY)
    access_provisions: list[Literal[tuple(PROVISIONS)]] = Field(
        default_factory=list, max_length=len(PROVISIONS), description="Access support offered."
    )
    agenda_open: bool = Field(False, description="Whether people may suggest agenda items.")

    @field_validator("starts_at", "ends_at")
    @classmethod
    def _sensible_year(cls, value: datetime) -> datetime:
        if not EARLIEST.year < value.year < LATEST.year:
            raise ValueError(f"Give a year from {EARLIEST.year + 1} to {LATEST.year - 1}.")
        return value

    @field_validator("online_url")
    @classmethod
    def _web_address(cls, value: str) -> str:
        return web_address(value)


class CancelIn(Body):
    reason: str = Field(min_length=1, max_length=2000, description="Why, for those going.")


def _details(body: EventIn) -> dict:
    place = None
    if body.place_id is not None:
        place = listed_place(body.place_id)
        if place is None:
            raise Refusal(_("There is no listed place with that id."), field="place_id")
    return {
        "title": body.title,
        "summary": body.summary,
        "description": body.description,
        "kind": body.kind,
        "starts_at": body.starts_at,
        "ends_at": body.ends_at,
        "place": place,
        "online_url": body.online_url,
        "capacity": body.capacity,
        "access_provisions": body.access_provisions,
        "agenda_open": body.agenda_open,
    }


def _detail_out(event: Event) -> dict:
    event = selectors.event_detail(event.pk)
    return {**_out(event), "description": event.description, "cancel_reason": event.cancel_reason}


def _managed(request: HttpRequest, pk: int) -> Event:
    event = selectors.event_detail(pk)
    if event is None:
        raise not_found("event")
    if not permissions.can_manage(request.auth, event):
        if unlisted.hidden_from(request.auth, event):
            raise not_found("event")
        raise HttpError(403, _("Only the event's organisers and officers can change it."))
    return event


@router.post(
    "/events/",
    auth=officer_token,
    response={201: EventDetail, **WRITE_ANSWERS},
    summary="Put an event on",
)
def event_create(request: HttpRequest, payload: EventIn):
    """Put an event on, as the token's officer, who becomes its first organiser. The start
    must be in the future."""
    event = event_services.event_create(**_details(payload), by=request.auth)
    return Status(201, _detail_out(event))


@router.put(
    "/events/{pk}/",
    auth=officer_token,
    response={200: EventDetail, 404: Error, **WRITE_ANSWERS},
    summary="Change an event",
)
def event_update(request: HttpRequest, payload: EventIn, pk: int = id_path()):
    """Change every detail of an event. People with a place hear of a new time or place. A
    room the event holds stays booked if the place stays the same."""
    event = _managed(request, pk)
    event = event_services.event_update(event=event, **_details(payload), by=request.auth)
    return Status(200, _detail_out(event))


@router.post(
    "/events/{pk}/cancel/",
    auth=officer_token,
    response={200: EventDetail, 404: Error, **WRITE_ANSWERS},
    summary="Cancel an event",
)
def event_cancel(request: HttpRequest, payload: CancelIn, pk: int = id_path()):
    """Cancel an event and free any room it holds. Everyone who had a place, or was waiting,
    is told why."""
    event = _managed(request, pk)
    event = event_services.event_cancel(event=event, by=request.auth, reason=payload.reason)
    return Status(200, _detail_out(event))
