"""A jittered grid of wards: neighbouring polygons share every vertex, so none overlap.

Plain Python, no Django import. Each cell is an octagon: four jittered corners and four
edge midpoints pushed sideways. Corners move at most 0.15 of a cell and midpoints at most
0.1, which keeps each side inside its own band of the cell, so every ring stays simple.
"""

import random
from dataclasses import dataclass

CORNER_JITTER = 0.15
MIDPOINT_JITTER = 0.1


@dataclass(frozen=True)
class Cell:
    ring: list[list[float]]  # closed, counter-clockwise, [longitude, latitude] pairs
    centre: tuple[float, float]  # (longitude, latitude), inside the ring


def jittered_grid(
    rng: random.Random,
    *,
    columns: int,
    rows: int,
    centre: tuple[float, float],
    cell_size: tuple[float, float],
) -> list[Cell]:
    """Cells row by row from the south-west, around `centre` (lon, lat), in degrees."""
    width, height = cell_size
    west = centre[0] - columns * width / 2
    south = centre[1] - rows * height / 2

    def jitter(limit: float) -> float:
        return rng.uniform(-limit, limit)

    # Grid units first (one cell = 1), scaled to degrees at the end.
    corners = {
        (i, j): (i + jitter(CORNER_JITTER), j + jitter(CORNER_JITTER))
        for j in range(rows + 1)
        for i in range(columns + 1)
    }

    def midpoint(a: tuple[int, int], b: tuple[int, int], horizontal: bool) -> tuple[float, float]:
        (x1, y1), (x2, y2) = corners[a], corners[b]
        x, y = (x1 + x2) / 2, (y1 + y2) / 2
        return (x, y + jitter(MIDPOINT_JITTER)) if horizontal else (x + jitter(MIDPOINT_JITTER), y)

    across = {
        (i, j): midpoint((i, j), (i + 1, j), True) for j in range(rows + 1) for i in range(columns)
    }
    up = {
        (i, j): midpoint((i, j), (i, j + 1), False) for j in range(rows) for i in range(columns + 1)
    }

    def degrees(point: tuple[float, float]) -> list[float]:
        return [round(west + point[0] * width, 6), round(south + point[1] * height, 6)]

    cells = []
    for j in range(rows):
        for i in range(columns):
            points = [
                corners[i, j],
                across[i, j],
                corners[i + 1, j],
                up[i + 1, j],
                corners[i + 1, j + 1],
                across[i, j + 1],
                corners[i, j + 1],
                up[i, j],
            ]
            ring = [degrees(p) for p in points]
            ring.append(ring[0])
            four = [corners[i, j], corners[i + 1, j], corners[i + 1, j + 1], corners[i, j + 1]]
            middle = (sum(p[0] for p in four) / 4, sum(p[1] for p in four) / 4)
            lon, lat = degrees(middle)
            cells.append(Cell(ring=ring, centre=(lon, lat)))
    return cells
