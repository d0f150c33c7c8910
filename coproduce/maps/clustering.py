"""Map viewport parsing and grid clustering. Plain Python: no Django import.

The map asks for a bounding box and a zoom level. Points are grouped into square cells of
a fixed size on screen (64 pixels) in Web Mercator; a cell with one point gives that point,
a cell with more gives a cluster with a count. The number of cells in a viewport is capped,
so the answer stays small however many assets there are and however big the box.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from coproduce.common.numbers import NumberError, whole_number
from coproduce.common.webmercator import cell_size, to_unit

MIN_ZOOM, MAX_ZOOM = 0, 20
MAX_CELLS = 600  # a 1920 x 1080 screen holds about 500 cells of 64 pixels
CLUSTER_PIXELS = 64


class ViewportError(ValueError):
    """The bbox or zoom is not usable; the message says why in plain words."""


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str | None) -> BBox:
        """Parse 'west,south,east,north' in WGS 84 degrees, as RFC 7946 orders a bbox."""
        if not text:
            raise ViewportError("Give bbox as west,south,east,north, for example -0.2,51.4,0,51.6")
        parts = text.split(",")
        if len(parts) != 4:
            raise ViewportError("bbox needs exactly 4 numbers: west,south,east,north")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise ViewportError("bbox must be 4 numbers: west,south,east,north") from None
        if not all(math.isfinite(v) for v in (west, south, east, north)):
            raise ViewportError("bbox numbers must be finite")
        if not (-180 <= west <= 180 and -180 <= east <= 180):
            raise ViewportError("bbox longitudes must be between -180 and 180")
        if not (-90 <= south <= 90 and -90 <= north <= 90):
            raise ViewportError("bbox latitudes must be between -90 and 90")
        if west >= east or south >= north:
            raise ViewportError("bbox must have west < east and south < north")
        return cls(west, south, east, north)

    def unit_bounds(self) -> tuple[float, float, float, float]:
        """(min_x, min_y, max_x, max_y) in Web Mercator unit coordinates."""
        min_x, max_y = to_unit(self.south, self.west)
        max_x, min_y = to_unit(self.north, self.east)
        return min_x, min_y, max_x, max_y


def parse_zoom(text: str | None) -> int:
    if text is None or text == "":
        raise ViewportError(f"Give zoom as a whole number from {MIN_ZOOM} to {MAX_ZOOM}")
    try:
        return whole_number(text, name="zoom", minimum=MIN_ZOOM, maximum=MAX_ZOOM)
    except NumberError as error:
        raise ViewportError(str(error)) from None


def grid_size(bbox: BBox, zoom: int, *, max_cells: int = MAX_CELLS) -> float:
    """The cell width (unit coordinates) for this view: 64 screen pixels, or larger when the
    box is so big for its zoom that 64-pixel cells would be too many."""
    min_x, min_y, max_x, max_y = bbox.unit_bounds()
    area = max((max_x - min_x) * (max_y - min_y), 1e-18)
    return max(cell_size(zoom, pixels=CLUSTER_PIXELS), math.sqrt(area / max_cells))


@dataclass(frozen=True)
class Point:
    id: int
    latitude: float
    longitude: float
    map_x: float
    map_y: float


@dataclass(frozen=True)
class Cell:
    """One grid cell's points: a single point (count 1, with its id) or a cluster."""

    count: int
    latitude: float
    longitude: float
    point_id: int | None


def cluster(points: Iterable[Point], size: float) -> list[Cell]:
    """Group points into cells of `size`; the cluster sits at the mean of its points."""
    cells: dict[tuple[int, int], list[Point]] = {}
    for point in points:
        key = (math.floor(point.map_x / size), math.floor(point.map_y / size))
        cells.setdefault(key, []).append(point)
    result = []
    for members in cells.values():
        n = len(members)
        result.append(
            Cell(
                count=n,
                latitude=sum(p.latitude for p in members) / n,
                longitude=sum(p.longitude for p in members) / n,
                point_id=members[0].id if n == 1 else None,
            )
        )
    return result


@dataclass
class LayerCell:
    """One layer's points in one grid cell: how many, their mean, and their ids if known."""

    layer: str
    key: tuple[int, int]
    count: int
    mean_x: float
    mean_y: float
    members: list[int] | None = None


@dataclass
class MergedCell:
    """Every layer's points in one grid cell, so markers of different layers never overlap."""

    key: tuple[int, int]
    count: int
    mean_x: float
    mean_y: float
    counts: dict[str, int]
    members: list[tuple[str, int]] | None  # (layer, id) for every point, when all are known


def cell_key(x: float, y: float, size: float) -> tuple[int, int]:
    return math.floor(x / size), math.floor(y / size)


def cells_from_points(layer: str, points: Iterable[tuple[int, float, float]], size: float):
    """Group (id, x, y) points into LayerCells with their members listed."""
    grouped: dict[tuple[int, int], list[tuple[int, float, float]]] = {}
    for point in points:
        grouped.setdefault(cell_key(point[1], point[2], size), []).append(point)
    return [
        LayerCell(
            layer=layer,
            key=key,
            count=len(members),
            mean_x=sum(p[1] for p in members) / len(members),
            mean_y=sum(p[2] for p in members) / len(members),
            members=[p[0] for p in members],
        )
        for key, members in grouped.items()
    ]


def merge_cells(cells: Iterable[LayerCell]) -> list[MergedCell]:
    """Combine the layers' cells that share a grid cell, weighting means by count."""
    merged: dict[tuple[int, int], MergedCell] = {}
    for cell in cells:
        into = merged.get(cell.key)
        members = [(cell.layer, i) for i in cell.members] if cell.members is not None else None
        if into is None:
            merged[cell.key] = MergedCell(
                cell.key, cell.count, cell.mean_x, cell.mean_y, {cell.layer: cell.count}, members
            )
            continue
        total = into.count + cell.count
        into.mean_x = (into.mean_x * into.count + cell.mean_x * cell.count) / total
        into.mean_y = (into.mean_y * into.count + cell.mean_y * cell.count) / total
        into.count = total
        into.counts[cell.layer] = into.counts.get(cell.layer, 0) + cell.count
        into.members = into.members + members if into.members and members else None
    return sorted(merged.values(), key=lambda c: c.key)


# Tiles: the grid's cells taken in fixed squares, so the clusters of a square can be kept and
# reused by every view that overlaps it. At a zoom's own cell size the grid is the same for
# every view (cells start at 0), so a cell always falls in the same tile.
TILE_CELLS = 16  # a tile is 16 x 16 cells: 1,024 pixels square


def cell_range(bounds: tuple[float, float, float, float], size: float) -> tuple[int, int, int, int]:
    """(first x, first y, last x, last y) cell keys of the cells that (min_x, min_y, max_x,
    max_y) touches, inclusive."""
    min_x, min_y, max_x, max_y = bounds
    return (
        math.floor(min_x / size),
        math.floor(min_y / size),
        math.floor(max_x / size),
        math.floor(max_y / size),
    )


def tile_of(key: tuple[int, int], tile_cells: int = TILE_CELLS) -> tuple[int, int]:
    """The tile holding the cell with this key."""
    return key[0] // tile_cells, key[1] // tile_cells


def tiles_over(
    cells: tuple[int, int, int, int], tile_cells: int = TILE_CELLS
) -> list[tuple[int, int]]:
    """The tiles that hold any cell of an inclusive cell range, row by row."""
    first_x, first_y = tile_of((cells[0], cells[1]), tile_cells)
    last_x, last_y = tile_of((cells[2], cells[3]), tile_cells)
    return [(tx, ty) for ty in range(first_y, last_y + 1) for tx in range(first_x, last_x + 1)]


def tiles_bounds(
    tiles: Iterable[tuple[int, int]], size: float, tile_cells: int = TILE_CELLS
) -> tuple[float, float, float, float]:
    """(min_x, min_y, max_x, max_y) of the rectangle around these tiles, a cell wider on
    each side: the database rounds its own cell keys, so a point on a tile's edge is read
    either way and kept by the tile its key falls in."""
    tiles = list(tiles)
    span = size * tile_cells
    return (
        (min(t[0] for t in tiles) * tile_cells - 1) * size,
        (min(t[1] for t in tiles) * tile_cells - 1) * size,
        max(t[0] + 1 for t in tiles) * span + size,
        max(t[1] + 1 for t in tiles) * span + size,
    )
