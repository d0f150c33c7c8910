import random

import pytest

from coproduce.demo.tiling import jittered_grid
from coproduce.places.geometry import point_in_polygon, polygon_is_valid


@pytest.mark.parametrize("seed", range(20))
def test_cells_are_valid_polygons_with_centres_inside(seed):
    """Every cell is a closed counter-clockwise ring whose centre lies inside it alone."""
    cells = jittered_grid(
        random.Random(seed), columns=6, rows=4, centre=(-0.1, 51.5), cell_size=(0.018, 0.011)
    )
    polygons = [{"type": "Polygon", "coordinates": [cell.ring]} for cell in cells]
    assert len(cells) == 24
    for cell, polygon in zip(cells, polygons, strict=True):
        assert polygon_is_valid(polygon)
        inside = [p for p in polygons if point_in_polygon(*cell.centre, p)]
        assert inside == [polygon]


def test_neighbours_share_their_edge():
    """Two cells side by side share the same vertices along their common edge."""
    west, east = jittered_grid(random.Random(1), columns=2, rows=1, centre=(0, 0), cell_size=(1, 1))
    assert west.ring[2:5] == list(reversed(east.ring[6:9]))
