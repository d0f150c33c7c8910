import pytest

from coproduce.champions import nearby


def test_a_kilometre_north_is_about_a_kilometre():
    """One hundredth of a degree of latitude is about 1,112 metres."""
    assert nearby.metres_between(51.5, -0.1, 51.51, -0.1) == pytest.approx(1112, rel=0.01)


def test_the_same_point_is_no_distance():
    """A point is 0 metres from itself."""
    assert nearby.metres_between(51.5, -0.1, 51.5, -0.1) == 0


def test_box_holds_every_point_within_the_distance():
    """Points 800 m away in each direction are inside the box."""
    south, west, north, east = nearby.box_around(51.5, -0.1, 800)
    for bearing_lat, bearing_lon in ((0.0071, 0), (-0.0071, 0), (0, 0.0114), (0, -0.0114)):
        lat, lon = 51.5 + bearing_lat, -0.1 + bearing_lon
        assert nearby.metres_between(51.5, -0.1, lat, lon) < 800
        assert south <= lat <= north and west <= lon <= east


def test_is_within_says_no_beyond_the_distance():
    """A point 1.1 km away is not within 800 m."""
    assert not nearby.is_within(51.5, -0.1, 51.51, -0.1, 800)
    assert nearby.is_within(51.5, -0.1, 51.505, -0.1, 800)
