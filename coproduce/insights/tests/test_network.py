from coproduce.insights.network import group_network, share


def test_people_in_two_groups_link_them():
    """A person in groups 1 and 2 makes one link of weight 1."""
    net = group_network([(1, 10), (2, 10), (3, 11)], [1, 2, 3])
    assert net.links == {(1, 2): 1}
    assert net.linking_people == 1


def test_components_are_listed_largest_first_with_isolated_groups():
    """Two linked groups form one part; a group alone is its own part and is isolated."""
    net = group_network([(1, 10), (2, 10), (3, 11)], [1, 2, 3, 4])
    assert net.components == [[1, 2], [3], [4]]
    assert net.isolated == [3, 4]


def test_a_chain_has_bridges_and_articulation_groups():
    """In 1-2-3, group 2 holds the others together and both links are bridges."""
    net = group_network([(1, 10), (2, 10), (2, 11), (3, 11)], [1, 2, 3])
    assert net.articulation == [2]
    assert net.bridges == [(1, 2), (2, 3)]


def test_a_triangle_has_no_bridges():
    """Three groups all linked: losing one link splits nothing."""
    net = group_network([(1, 10), (2, 10), (3, 10)], [1, 2, 3])
    assert net.bridges == [] and net.articulation == []
    assert net.links == {(1, 2): 1, (1, 3): 1, (2, 3): 1}


def test_share_is_none_without_a_population():
    """No population, no percentage."""
    assert share(5, None) is None and share(5, 0) is None
    assert share(1, 3) == 33.3
