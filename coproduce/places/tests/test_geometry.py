from coproduce.places.geometry import (
    point_in_polygon,
    polygon_is_valid,
    ring_is_closed,
    ring_is_counter_clockwise,
)

SQUARE = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]
HOLE = [[0.5, 0.5], [0.5, 1.5], [1.5, 1.5], [1.5, 0.5], [0.5, 0.5]]


def test_point_inside_square():
    """A point in the middle of a square is inside it."""
    assert point_in_polygon(1.9, 0.1, {"type": "Polygon", "coordinates": [SQUARE]})


def test_point_outside_square():
    """A point beyond the square is outside it."""
    assert not point_in_polygon(2.1, 1, {"type": "Polygon", "coordinates": [SQUARE]})


def test_point_in_hole_is_outside():
    """A point inside a hole is not in the polygon."""
    assert not point_in_polygon(1, 1, {"type": "Polygon", "coordinates": [SQUARE, HOLE]})


def test_concave_polygon():
    """The notch of an L shape is outside it."""
    ell = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]]
    polygon = {"type": "Polygon", "coordinates": [ell]}
    assert point_in_polygon(0.5, 1.5, polygon)
    assert not point_in_polygon(1.5, 1.5, polygon)


def test_open_ring_is_not_closed():
    """A ring that does not end where it starts is not closed."""
    assert not ring_is_closed(SQUARE[:-1])


def test_orientation():
    """Counter-clockwise rings are told apart from clockwise ones."""
    assert ring_is_counter_clockwise(SQUARE)
    assert not ring_is_counter_clockwise(list(reversed(SQUARE)))


def test_valid_polygon_needs_counter_clockwise_exterior_and_clockwise_holes():
    """RFC 7946 winding is checked for the exterior and for holes."""
    assert polygon_is_valid({"type": "Polygon", "coordinates": [SQUARE, HOLE]})
    assert not polygon_is_valid({"type": "Polygon", "coordinates": [list(reversed(SQUARE))]})
    assert not polygon_is_valid({"type": "Point", "coordinates": [0, 0]})
