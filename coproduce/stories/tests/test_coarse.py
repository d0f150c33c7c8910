"""The pure rules for showing where a story happened."""

from coproduce.stories import coarse


def test_a_point_moves_to_the_centre_of_its_square():
    """The coarse point is the centre of a grid square, not the point given."""
    point = (51.51234, -0.12345)
    shown = coarse.coarse_point(*point)
    assert shown != point
    assert abs(shown[0] - point[0]) <= coarse.STEP_DEGREES / 2
    assert abs(shown[1] - point[1]) <= coarse.STEP_DEGREES / 2


def test_points_in_one_square_show_the_same():
    """Two doors in one square show the same point, so neither can be told apart."""
    assert coarse.coarse_point(51.5101, -0.1201) == coarse.coarse_point(51.5149, -0.1249)


def test_distance_is_about_right():
    """One thousandth of a degree of latitude is about 111 metres."""
    assert 105 < coarse.metres_between((51.5, -0.1), (51.501, -0.1)) < 117


def test_near_home_only_when_close():
    """A point 100 m from home is near it; 1 km is not; no home is never near."""
    home = (51.5, -0.1)
    assert coarse.near_home((51.5009, -0.1), home)
    assert not coarse.near_home((51.509, -0.1), home)
    assert not coarse.near_home((51.5, -0.1), None)
