from coproduce.common.ranking import borda_points, borda_total


def test_first_place_earns_as_many_points_as_there_are_options():
    """With 3 options, first place is worth 3 points, second 2, last 1."""
    assert [borda_points(place, 3) for place in (1, 2, 3)] == [3, 2, 1]


def test_no_place_or_a_place_past_the_end_earns_nothing():
    """Place 0 (not placed) and a place beyond the options earn no points."""
    assert borda_points(0, 3) == 0
    assert borda_points(5, 3) == 0


def test_totals_add_up_the_people_in_each_place():
    """Two people put it first, one second, one third: 2x3 + 1x2 + 1x1."""
    assert borda_total({1: 2, 2: 1, 3: 1}, 3) == 2 * 3 + 1 * 2 + 1 * 1
