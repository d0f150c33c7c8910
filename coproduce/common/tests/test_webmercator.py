import pytest

from coproduce.common.webmercator import cell_size, from_unit, to_unit


def test_null_island_is_the_centre():
    """Latitude 0, longitude 0 sits in the middle of the unit square."""
    assert to_unit(0, 0) == pytest.approx((0.5, 0.5))


def test_round_trip_for_london():
    """Converting to map coordinates and back returns the same point."""
    lat, lon = from_unit(*to_unit(51.5074, -0.1278))
    assert (lat, lon) == pytest.approx((51.5074, -0.1278), abs=1e-9)


def test_north_is_up():
    """Further north means a smaller y, as on screen."""
    assert to_unit(52, 0)[1] < to_unit(51, 0)[1]


def test_poles_are_clamped():
    """Points past Web Mercator's edge stay inside the square."""
    assert to_unit(90, 0)[1] == pytest.approx(0, abs=1e-6)
    assert to_unit(-90, 0)[1] == pytest.approx(1, abs=1e-6)


def test_cells_halve_with_each_zoom_level():
    """A cell of fixed screen size covers half the width at the next zoom level."""
    assert cell_size(11) == pytest.approx(cell_size(10) / 2)
