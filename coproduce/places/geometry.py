"""Plain-Python geometry for GeoJSON polygons (RFC 7946). No Django import.

Coordinates are (longitude, latitude) pairs treated as a flat plane: right for a borough
a few kilometres across, where the curvature of the Earth is far below street scale.
"""

import itertools
from collections.abc import Sequence

Position = Sequence[float]
Ring = Sequence[Position]


def ring_is_closed(ring: Ring) -> bool:
    """A linear ring has at least four positions and ends where it starts."""
    return len(ring) >= 4 and tuple(ring[0]) == tuple(ring[-1])


def signed_area(ring: Ring) -> float:
    """Shoelace area of a closed ring: positive when it runs counter-clockwise."""
    total = 0.0
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        total += x1 * y2 - x2 * y1
    return total / 2


def ring_is_counter_clockwise(ring: Ring) -> bool:
    """RFC 7946 asks for exterior rings counter-clockwise, holes clockwise."""
    return signed_area(ring) > 0


def point_in_ring(lon: float, lat: float, ring: Ring) -> bool:
    """Ray casting (even-odd rule). Points exactly on an edge may fall either way."""
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > lat) != (y2 > lat):
            crossing = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < crossing:
                inside = not inside
    return inside


def point_in_polygon(lon: float, lat: float, polygon: dict) -> bool:
    """Whether a point lies in a GeoJSON Polygon: inside the exterior ring, outside holes."""
    rings = polygon.get("coordinates") or []
    if not rings or not point_in_ring(lon, lat, rings[0]):
        return False
    return not any(point_in_ring(lon, lat, hole) for hole in rings[1:])


def polygon_is_valid(polygon: dict) -> bool:
    """A Polygon whose rings are closed, exterior counter-clockwise and holes clockwise."""
    if polygon.get("type") != "Polygon" or not polygon.get("coordinates"):
        return False
    rings = polygon["coordinates"]
    if not all(ring_is_closed(ring) for ring in rings):
        return False
    exterior, *holes = rings
    return ring_is_counter_clockwise(exterior) and not any(
        ring_is_counter_clockwise(hole) for hole in holes
    )


def bounding_box(ring: Ring) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a ring."""
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)
