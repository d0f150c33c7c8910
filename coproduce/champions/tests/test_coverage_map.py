from coproduce.champions.coverage_map import MARGIN, WIDTH, lay_out


def test_streets_without_a_centre_are_left_out():
    """Only streets with a centre become dots."""
    layout = lay_out([("A", 51.5, -0.1, True), ("B", None, None, False)])
    assert [dot.label for dot in layout.dots] == ["A"]


def test_dots_fit_inside_the_box():
    """Every dot is within the margins, and the west-most is at the left margin."""
    layout = lay_out([("A", 51.50, -0.12, True), ("B", 51.52, -0.08, False)])
    xs = [dot.x for dot in layout.dots]
    assert min(xs) == MARGIN and max(xs) == WIDTH - MARGIN
    assert all(MARGIN <= dot.y <= layout.height - MARGIN for dot in layout.dots)


def test_north_is_up():
    """A street further north is drawn higher (smaller y)."""
    layout = lay_out([("north", 51.53, -0.1, True), ("south", 51.50, -0.1, True)])
    by_label = {dot.label: dot for dot in layout.dots}
    assert by_label["north"].y < by_label["south"].y


def test_uncovered_dots_are_drawn_last():
    """Gaps are drawn on top of covered streets."""
    layout = lay_out([("gap", 51.5, -0.1, False), ("ok", 51.51, -0.1, True)])
    assert [dot.covered for dot in layout.dots] == [True, False]


def test_ward_outlines_are_drawn():
    """A ward's polygon becomes an outline with one point per corner."""
    square = {
        "type": "Polygon",
        "coordinates": [
            [[-0.12, 51.5], [-0.08, 51.5], [-0.08, 51.52], [-0.12, 51.52], [-0.12, 51.5]]
        ],
    }
    layout = lay_out([], [("Hazel", square)])
    assert len(layout.outlines) == 1 and len(layout.outlines[0].points.split()) == 5


def test_nothing_to_draw_is_an_empty_map():
    """No streets and no wards: an empty layout, no error."""
    assert lay_out([]).dots == []
