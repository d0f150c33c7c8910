"""The layout of the coverage map: streets as dots at their centres, wards as outlines.
Pure: no Django import.

Points are placed in Web Mercator (the projection of every web map) and scaled into an SVG
box of a fixed width; the height follows the borough's shape.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from coproduce.common.webmercator import to_unit

WIDTH = 720
MARGIN = 12
RADIUS = 4.0


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    covered: bool
    label: str


@dataclass(frozen=True)
class Outline:
    points: str  # "x,y x,y ..." for an SVG polygon
    label: str


@dataclass(frozen=True)
class Layout:
    width: int
    height: int
    dots: list[Dot]
    outlines: list[Outline]


def _rings(boundary: dict) -> list[list]:
    if not isinstance(boundary, dict):
        return []
    coordinates = boundary.get("coordinates") or []
    if boundary.get("type") == "Polygon":
        return coordinates[:1]
    if boundary.get("type") == "MultiPolygon":
        return [polygon[0] for polygon in coordinates if polygon]
    return []


def lay_out(
    streets: Iterable[tuple[str, float | None, float | None, bool]],
    wards: Iterable[tuple[str, dict]] = (),
    *,
    width: int = WIDTH,
) -> Layout:
    """streets: (label, latitude, longitude, covered); those without a centre are left out.
    wards: (label, GeoJSON Polygon or MultiPolygon boundary)."""
    placed = [
        (label, *to_unit(lat, lon), covered)
        for label, lat, lon, covered in streets
        if lat is not None and lon is not None
    ]
    rings = [
        (label, [to_unit(lat, lon) for lon, lat, *_rest in ring])
        for label, boundary in wards
        for ring in _rings(boundary)
        if ring
    ]
    xs = [x for _l, x, _y, _c in placed] + [x for _l, ring in rings for x, _y in ring]
    ys = [y for _l, _x, y, _c in placed] + [y for _l, ring in rings for _x, y in ring]
    if not xs:
        return Layout(width=width, height=MARGIN * 2, dots=[], outlines=[])
    min_x, max_x, min_y, max_y = min(xs), max(xs), min(ys), max(ys)
    span = max(max_x - min_x, max_y - min_y, 1e-12)
    scale = (width - 2 * MARGIN) / span
    height = math.ceil((max_y - min_y) * scale) + 2 * MARGIN

    def at(x: float, y: float) -> tuple[float, float]:
        return round(MARGIN + (x - min_x) * scale, 1), round(MARGIN + (y - min_y) * scale, 1)

    dots = [Dot(*at(x, y), covered=covered, label=label) for label, x, y, covered in placed]
    # Uncovered dots last, so the gaps are drawn on top where dots crowd.
    dots.sort(key=lambda dot: dot.covered, reverse=True)
    outlines = [
        Outline(
            points=" ".join(f"{px},{py}" for px, py in (at(x, y) for x, y in ring)), label=label
        )
        for label, ring in rings
    ]
    return Layout(width=width, height=height, dots=dots, outlines=outlines)
