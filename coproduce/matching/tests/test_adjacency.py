from coproduce.matching.adjacency import neighbours, touching


def _square(x, y, size=1.0):
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def test_squares_sharing_an_edge_touch():
    """Squares side by side share vertices, so they touch."""
    assert touching(_square(0, 0), _square(1, 0))


def test_vertex_on_an_edge_touches():
    """A small square whose corner lies on a big square's edge touches it."""
    assert touching(_square(0, 0, 2.0), _square(2, 0.5, 0.5))


def test_apart_squares_do_not_touch():
    """Squares a gap apart do not touch."""
    assert not touching(_square(0, 0), _square(1.01, 0))


def test_neighbours_table():
    """Each ward lists the wards it touches, both ways."""
    table = neighbours({1: _square(0, 0), 2: _square(1, 0), 3: _square(5, 5), 4: {}})
    assert table == {1: frozenset({2}), 2: frozenset({1}), 3: frozenset(), 4: frozenset()}
