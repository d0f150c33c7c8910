"""Reads for the open-data exports: only what the public map already shows."""

from collections.abc import Iterator
from typing import Any

from django.db.models import Q

from coproduce.maps.filters import MapFilters
from coproduce.maps.selectors import people_by_ward
from coproduce.places.models import Place, Ward

CHUNK_SIZE = 2000
# Only these columns are read, so nothing else about a place (who added it, for one) can
# leak into an export by accident.
PLACE_FIELDS = (
    "id",
    "name",
    "kind",
    "description",
    "address",
    "postcode",
    "ward__name",
    "latitude",
    "longitude",
    "owner",
    "step_free",
    "facilities",
    "accessibility",
    "opening_hours",
    "building_id",
    "building__name",
)


def exported_places(filters: MapFilters) -> Iterator[dict[str, Any]]:
    """The places on the public map that match the filters, with their listed rooms.

    A room comes with its building: it is included when its building is, and it is listed
    (and step-free, if only step-free places were asked for). Hidden places never appear.
    Rows are read from the database in chunks, so any number of places can be streamed.
    """
    on_map = filters.places()
    rooms = Q(kind=Place.Kind.ROOM, building__in=on_map.values("pk"))
    if filters.step_free:
        rooms &= Q(step_free=True)
    places = (
        Place.objects.filter(is_listed=True)
        .filter(Q(pk__in=on_map.values("pk")) | rooms)
        .order_by("pk")
        .values(*PLACE_FIELDS)
    )
    for place in places.iterator(chunk_size=CHUNK_SIZE):
        place["ward"] = place.pop("ward__name")
        place["building"] = place.pop("building__name") or ""
        yield place


def people_counts_by_ward() -> list[tuple[str, int]]:
    """Every ward with how many people chose to be counted on the map there. Counts only."""
    # The map's own rule (show_on_map, active accounts) decides who is counted.
    counted = {
        row["ward"].pk: row["count"] for row in people_by_ward(MapFilters(), signed_in=False)
    }
    return [
        (ward.name, counted.get(ward.pk, 0)) for ward in Ward.objects.order_by("name").only("name")
    ]
