"""Which wards touch: boundaries that share a vertex or an edge point. No Django import.

Good enough for council ward boundaries, which are drawn to meet exactly or nearly: two
polygons touch when a vertex of one lies within `tolerance` (degrees; the default is about
10 metres) of a vertex or an edge of the other.
"""

import itertools
import math
from collections.abc import Iterable, Mapping

Point = tuple[float, float]
DEFAULT_TOLERANCE = 1e-4


def _rings(geometry: Mapping) -> list[list[Point]]:
    kind = geometry.get("type") if geometry else None
    coordinates = geometry.get("coordinates") or [] if geometry else []
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates
    else:
        return []
    return [[(float(p[0]), float(p[1])) for p in ring] for polygon in polygons for ring in polygon]


def _box(rings: list[list[Point]]) -> tuple[float, float, float, float] | None:
    points = [p for ring in rings for p in ring]
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def _cells(rings: list[list[Point]], size: float) -> set[tuple[int, int]]:
    return {(math.floor(x / size), math.floor(y / size)) for ring in rings for x, y in ring}


def _near_edges(points: Iterable[Point], rings: list[list[Point]], tolerance: float) -> bool:
    for ring in rings:
        for a, b in itertools.pairwise(ring):
            west, east = min(a[0], b[0]) - tolerance, max(a[0], b[0]) + tolerance
            south, north = min(a[1], b[1]) - tolerance, max(a[1], b[1]) + tolerance
            for p in points:
                if (
                    west <= p[0] <= east
                    and south <= p[1] <= north
                    and _distance_to_segment(p, a, b) <= tolerance
                ):
                    return True
    return False


def touching(a: Mapping, b: Mapping, *, tolerance: float = DEFAULT_TOLERANCE) -> bool:
    """Whether two GeoJSON (Multi)Polygons share a vertex or an edge point, within tolerance."""
    rings_a, rings_b = _rings(a), _rings(b)
    box_a, box_b = _box(rings_a), _box(rings_b)
    if box_a is None or box_b is None:
        return False
    if (
        box_a[0] > box_b[2] + tolerance
        or box_b[0] > box_a[2] + tolerance
        or box_a[1] > box_b[3] + tolerance
        or box_b[1] > box_a[3] + tolerance
    ):
        return False
    # Shared vertices first: a grid of tolerance-sized cells, neighbouring cells included.
    cells_b = _cells(rings_b, tolerance)
    for cx, cy in _cells(rings_a, tolerance):
        if any((cx + i, cy + j) in cells_b for i in (-1, 0, 1) for j in (-1, 0, 1)):
            return True
    # Then a vertex of one on an edge of the other, looking only near the shared box.
    west, south = max(box_a[0], box_b[0]) - tolerance, max(box_a[1], box_b[1]) - tolerance
    east, north = min(box_a[2], box_b[2]) + tolerance, min(box_a[3], box_b[3]) + tolerance

    def inside(rings):
        return [
            p for ring in rings for p in ring if west <= p[0] <= east and south <= p[1] <= north
        ]

    return _near_edges(inside(rings_a), rings_b, tolerance) or _near_edges(
        inside(rings_b), rings_a, tolerance
    )


def neighbours(
    boundaries: Mapping[int, Mapping], *, tolerance: float = DEFAULT_TOLERANCE
) -> dict[int, frozenset[int]]:
    """For each ward id, the ids of the wards whose boundaries touch it."""
    found: dict[int, set[int]] = {ward_id: set() for ward_id in boundaries}
    for (id_a, a), (id_b, b) in itertools.combinations(boundaries.items(), 2):
        if touching(a, b, tolerance=tolerance):
            found[id_a].add(id_b)
            found[id_b].add(id_a)
    return {ward_id: frozenset(ids) for ward_id, ids in found.items()}
