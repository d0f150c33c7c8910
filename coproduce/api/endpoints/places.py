"""Places on the asset map. Someone's own home or garden (a private place a person added) is
named with its ward only: no address, postcode or position, as on its page."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from coproduce.maps.filters import MapFilterForm, MapFilters
from coproduce.places import selectors
from coproduce.places.models import Place

from ..common import (
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

router = Router(tags=["Places"])


class PlaceOut(Schema):
    id: int
    name: str
    kind: one_of(Place.Kind)
    owner: one_of(Place.Owner)
    ward: WardOut
    address: str = Field(description="Empty for someone's own place.")
    postcode: str = Field(description="Empty for someone's own place.")
    location: Location | None = Field(description="None for someone's own place.")
    step_free: bool
    url: str


class OpeningHours(Schema):
    day: int = Field(description="0 is Monday.")
    opens: str
    closes: str


class RoomOut(Schema):
    id: int
    name: str
    step_free: bool


class PlaceDetail(PlaceOut):
    description: str
    could_become: str
    accessibility: list[str]
    facilities: list[str]
    opening_hours: list[OpeningHours]
    building_id: int | None
    rooms: list[RoomOut]


class PlacePage(PageMeta):
    results: list[PlaceOut]


class PlaceFilters(Schema):
    kind: one_of(Place.Kind) | None = Field(
        None, description="Rooms are listed with their building."
    )
    ward: str = Field("", max_length=100, description="A ward's short name, as in its address.")
    q: str = Field("", max_length=100, description="Words in the name or description.")
    step_free: bool = False
    open_now: bool = False


def _out(place: Place) -> dict:
    own = selectors.is_someones_own(place)
    return {
        "id": place.pk,
        "name": place.name,
        "kind": place.kind,
        "owner": place.owner,
        "ward": ward_of(place.ward),
        "address": "" if own else place.address,
        "postcode": "" if own else place.postcode,
        "location": None if own else location(place.latitude, place.longitude),
        "step_free": place.step_free,
        "url": reverse("places_catalogue:place_detail", args=[place.pk]),
    }


@router.get("/places/", response={200: PlacePage, 400: Error}, summary="Places")
def place_list(request: HttpRequest, paging: PagingQuery, filters: Query[PlaceFilters]):
    """Places shown on the map, by name, filtered as the map's list is."""
    form = checked(MapFilterForm, filters.dict())
    rows = MapFilters.from_form(form).places().select_related("ward").order_by("name", "pk")
    return paginate(request, rows, paging, lambda page: map(_out, page))


@router.get("/places/{pk}/", response={200: PlaceDetail, 404: Error}, summary="One place")
def place_detail(request: HttpRequest, pk: int = id_path()):
    place = selectors.listed_place(pk)
    if place is None:
        raise not_found("place")
    hours = [
        {"day": row.get("day"), "opens": row.get("opens"), "closes": row.get("closes")}
        for row in place.opening_hours or []
        if isinstance(row, dict)
    ]
    return {
        **_out(place),
        "description": place.description,
        "could_become": place.could_become,
        "accessibility": list(place.accessibility or []),
        "facilities": list(place.facilities or []),
        "opening_hours": hours,
        "building_id": place.building_id,
        "rooms": [
            {"id": room.pk, "name": room.name, "step_free": room.step_free}
            for room in place.rooms.all()
            if room.is_listed
        ],
    }
