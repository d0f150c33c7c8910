"""Reads for wards, streets and places.

Ward counts of residents need people's profiles, a layer above, so they are read in
coproduce.site.selectors.
"""

import math

from django.db.models import QuerySet

from .models import Place, Street, Ward

# "Near" a place, for the projects its page lists: a square this many metres each way. A
# square in map units, not a circle: the map's index answers it, and nobody measures.
NEAR_METRES = 400
EARTH_METRES_ROUND = 40_075_017  # the equator; a map unit is this times cos(latitude)


def wards_by_name() -> QuerySet[Ward]:
    """Every ward by name, for choosing from or naming: without its boundary, which can be
    a large polygon. Reading `.boundary` on one of them still works (one query more)."""
    return Ward.objects.defer("boundary").order_by("name")


def streets_in_ward(ward: Ward) -> QuerySet[Street]:
    """The ward's streets by name, names only."""
    return Street.objects.filter(ward=ward).order_by("name", "pk").only("id", "name")


def listed_place(pk: int) -> Place | None:
    """A place shown to the public, with its ward and the rooms inside it."""
    return (
        Place.objects.select_related("ward", "building")
        .prefetch_related("rooms", "photos")
        .filter(pk=pk, is_listed=True)
        .first()
    )


def is_someones_own(place: Place) -> bool:
    """A privately owned place that a person added (not a council list): someone's own home
    or garden. Its page never shows the exact spot: no address, no map, only the ward."""
    return place.owner == Place.Owner.PRIVATE and place.added_by_id is not None


def with_rooms(place: Place) -> list[int]:
    """The ids of a place and of the rooms in it, for "what happens here" (uses the rooms
    listed_place prefetched, so it costs no query on the place's page)."""
    return [place.pk, *(room.pk for room in place.rooms.all())]


def near_box(place: Place) -> dict[str, tuple[float, float]]:
    """Lookups on `map_x` and `map_y` for the square NEAR_METRES around a place, to filter
    anything kept with a map position (a place, a project) by."""
    half = NEAR_METRES / (EARTH_METRES_ROUND * math.cos(math.radians(place.latitude)))
    return {
        "map_x__range": (place.map_x - half, place.map_x + half),
        "map_y__range": (place.map_y - half, place.map_y + half),
    }
