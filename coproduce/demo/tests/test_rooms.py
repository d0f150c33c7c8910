import random

from coproduce.demo.rooms import CAPACITY, LAYOUTS, capacity_in, kind_of_building, layout_for


def test_kind_follows_the_buildings_name():
    assert kind_of_building("St Mark's Church Hall") == "church_hall"
    assert kind_of_building("St Anne's C of E Primary School") == "school"
    assert kind_of_building("Oak Library") == "library"
    assert kind_of_building("The Elm Arms (function room)") == "pub"
    assert kind_of_building("Oak Road Community Centre") == "community_centre"


def test_layouts_differ_by_kind_and_by_building():
    rng = random.Random(1)
    firsts = {kind: layout_for(rng, kind)[0][0] for kind in LAYOUTS}
    assert len(set(firsts.values())) >= 10
    halls = {tuple((n, c) for n, c, _f in layout_for(rng, "community_centre")) for _ in range(30)}
    assert len(halls) >= 10
    assert all(name.endswith("(after hours)") for name, _c, _f in layout_for(rng, "school"))
    for kind, rooms in LAYOUTS.items():
        for name, capacity, _facilities in layout_for(rng, kind):
            low, high = next((lo, hi) for n, lo, hi, _f in rooms if n == name)
            assert low - 5 <= capacity <= high


def test_capacity_is_read_back_from_the_description():
    assert capacity_in(CAPACITY.format(n=120)) == 120
    assert capacity_in("", default=12) == 12
