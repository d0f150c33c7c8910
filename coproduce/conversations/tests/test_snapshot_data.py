"""The analysis as the results page's JSON (snapshot_data is pure: no database needed)."""

from coproduce.conversations.opinion import analyse
from coproduce.conversations.snapshot_data import snapshot_from


def _two_sides(people: int = 40, statements: int = 9):
    votes = []
    for person in range(people):
        for statement in range(statements - 1):
            agree = (statement < (statements - 1) // 2) == (person % 2 == 0)
            votes.append((person, statement, 1 if agree else -1))
        votes.append((person, statements - 1, 1))
    return analyse(votes)


def test_groups_common_ground_and_counts_are_kept():
    """Group sizes, common ground and the vote count come through."""
    data = snapshot_from(_two_sides())
    assert sorted(group["members"] for group in data["groups"]) == [20, 20]
    assert data["common_ground"][0]["statement"] == 8
    assert (data["votes"], data["participants"], data["left_out"]) == (360, 40, 0)


def test_the_map_keeps_at_most_the_dots_asked_for_from_every_group():
    """A big conversation's map is sampled, each group in proportion."""
    data = snapshot_from(_two_sides(people=200), max_dots=50)
    groups = [dot[2] for dot in data["map"]["dots"]]
    assert len(groups) <= 50 and groups.count(0) == groups.count(1)
    assert data["map"]["placed"] == 200


def test_the_map_fits_the_unit_square():
    """Every dot and group centre is inside the unit square."""
    data = snapshot_from(_two_sides())
    points = [dot[:2] for dot in data["map"]["dots"]] + list(data["map"]["centres"].values())
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in points)


def test_few_statements_are_kept_per_list():
    """Only the top few statements per group and list are kept."""
    data = snapshot_from(_two_sides(statements=21), top=3)
    assert all(len(group["distinctive"]) <= 3 for group in data["groups"])
    assert len(data["common_ground"]) <= 3 and len(data["divisive"]) <= 3
