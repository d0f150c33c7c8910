import subprocess
import sys

import pytest

from coproduce.common.webmercator import to_unit
from coproduce.maps.clustering import (
    MAX_CELLS,
    BBox,
    Point,
    ViewportError,
    cluster,
    grid_size,
    parse_zoom,
)


def _point(pk, lat, lon):
    x, y = to_unit(lat, lon)
    return Point(id=pk, latitude=lat, longitude=lon, map_x=x, map_y=y)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (None, "Give bbox"),
        ("1,2,3", "exactly 4 numbers"),
        ("a,b,c,d", "must be 4 numbers"),
        ("-200,51,0,52", "longitudes"),
        ("0,51,-1,52", "west < east"),
        ("0,nan,1,52", "finite"),
    ],
)
def test_malformed_bbox_is_refused_with_a_reason(text, message):
    """A bbox that cannot be used is refused with a message saying why."""
    with pytest.raises(ViewportError, match=message):
        BBox.parse(text)


@pytest.mark.parametrize("text", [None, "x", "-1", "21", "²", "١٢", " 12", "9" * 40])
def test_bad_zoom_is_refused(text):
    """Zoom must be a whole number from 0 to 20."""
    with pytest.raises(ViewportError):
        parse_zoom(text)


def test_far_apart_points_stay_single_and_close_ones_cluster():
    """Points in different cells stay single; points in the same cell become a cluster."""
    points = [_point(1, 51.5, -0.1), _point(2, 51.50001, -0.10001), _point(3, 51.6, 0.1)]
    size = grid_size(BBox(-0.2, 51.4, 0.2, 51.7), 12)
    cells = sorted(cluster(points, size), key=lambda c: c.count)
    assert [c.count for c in cells] == [1, 2]
    assert cells[0].point_id == 3
    assert cells[1].point_id is None


def test_cluster_sits_at_the_mean_of_its_points():
    """A cluster is drawn at the average position of its points."""
    cells = cluster([_point(1, 51.0, 0.0), _point(2, 51.002, 0.002)], size=0.5)
    assert cells[0].latitude == pytest.approx(51.001)
    assert cells[0].longitude == pytest.approx(0.001)


def test_cells_in_view_are_capped_whatever_the_box():
    """A huge box at a high zoom still gives no more than the cap of cells."""
    bbox = BBox(-180, -85, 180, 85)
    size = grid_size(bbox, 20)
    min_x, min_y, max_x, max_y = bbox.unit_bounds()
    assert ((max_x - min_x) / size) * ((max_y - min_y) / size) <= MAX_CELLS * 1.01


def test_module_has_no_django_import():
    """Clustering is plain Python: importing it loads no part of Django."""
    code = "import sys, coproduce.maps.clustering; sys.exit('django' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_merging_layers_adds_counts_and_weights_the_mean():
    """Cells of two layers in the same grid square become one, with a count per layer."""
    from coproduce.maps.clustering import LayerCell, merge_cells

    merged = merge_cells(
        [
            LayerCell("places", (1, 1), 3, 0.0, 0.0),
            LayerCell("groups", (1, 1), 1, 4.0, 8.0, members=[7]),
            LayerCell("groups", (2, 1), 1, 9.0, 9.0, members=[8]),
        ]
    )
    first, second = merged
    assert (first.count, first.counts) == (4, {"places": 3, "groups": 1})
    assert (first.mean_x, first.mean_y) == (1.0, 2.0)
    assert first.members is None  # the places' ids were not known
    assert second.members == [("groups", 8)]


def test_cells_from_points_keep_their_members():
    """Points read one by one are grouped with their ids."""
    from coproduce.maps.clustering import cells_from_points

    cells = cells_from_points("places", [(1, 0.10, 0.10), (2, 0.11, 0.12), (3, 0.9, 0.9)], 0.5)
    assert sorted((c.key, c.members) for c in cells) == [((0, 0), [1, 2]), ((1, 1), [3])]


def test_tiles_cover_every_cell_of_a_view():
    """A cell range maps to the tiles holding its cells, and each cell to one tile."""
    from coproduce.maps.clustering import cell_range, tile_of, tiles_over

    cells = cell_range((0.31, 0.12, 0.3301, 0.1401), 0.001)
    assert cells == (310, 120, 330, 140)
    assert tiles_over(cells, 16) == [(19, 7), (20, 7), (19, 8), (20, 8)]
    assert tile_of((319, 127), 16) == (19, 7)
    assert tile_of((320, 128), 16) == (20, 8)


def test_the_rectangle_around_tiles_reaches_a_cell_past_them():
    """The rectangle read for some tiles holds them all, and one cell more each side."""
    from coproduce.maps.clustering import tiles_bounds

    assert tiles_bounds([(2, 3), (3, 3)], 0.5, 4) == (3.5, 5.5, 8.5, 8.5)
