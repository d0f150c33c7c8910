"""What sets groups apart, common ground and division (opinion/repness.py)."""

import numpy as np
import pytest

from coproduce.conversations.opinion import repness
from coproduce.conversations.opinion.matrix import vote_matrix

IDS = np.array([100, 101, 102])
EVERY = np.ones(3, dtype=bool)


def counts():
    """Two groups of 20. Statement 100: group 0 agrees, group 1 disagrees. Statement 101:
    both agree. Statement 102: both split evenly."""
    agree = np.array([[18, 19, 8], [2, 17, 9]])
    disagree = np.array([[1, 0, 9], [17, 2, 8]])
    voted = np.array([[20, 20, 20], [20, 20, 20]])
    return agree, disagree, voted


def test_prop_test_is_polis_formula():
    """z = 2 sqrt(n + 1) ((successes + 1) / (n + 1) - 1/2)."""
    assert repness.prop_test(np.array(9.0), np.array(10.0)) == pytest.approx(
        2 * np.sqrt(11) * (10 / 11 - 0.5)
    )


def test_two_prop_test_is_zero_for_equal_shares():
    """The same share in and out of the group gives z = 0."""
    assert repness.two_prop_test(
        np.array(5.0), np.array(10.0), np.array(5.0), np.array(10.0)
    ) == pytest.approx(0.0)


def test_each_group_is_set_apart_by_the_statement_it_sides_on():
    """Statement 100 is group 0's agree and group 1's disagree statement."""
    found = repness.distinctive(*counts(), IDS, EVERY)
    assert (found[0][0].statement, found[0][0].direction) == (100, "agree")
    assert (found[1][0].statement, found[1][0].direction) == (100, "disagree")
    assert found[0][0].significant and found[0][0].strength > 0
    assert found[0][0].agree == pytest.approx(18 / 20)
    assert found[0][0].others.agree == pytest.approx(2 / 20)


def test_statements_everyone_shares_do_not_set_a_group_apart():
    """Statement 101, agreed by both groups alike, is not significant for either."""
    found = repness.distinctive(*counts(), IDS, EVERY)
    assert all(item.statement != 101 or not item.significant for g in found for item in g)


def test_an_excluded_statement_never_sets_a_group_apart():
    """A moderated-out statement is not shown as distinctive."""
    found = repness.distinctive(*counts(), IDS, np.array([False, True, True]))
    assert all(item.statement != 100 for g in found for item in g)


def test_common_ground_is_what_most_of_every_group_agrees_with():
    """Only statement 101 has most of both groups on the same side."""
    ground = repness.common_ground(*counts(), IDS, EVERY)
    assert [(item.statement, item.direction) for item in ground] == [(101, "agree")]
    assert ground[0].score == pytest.approx((20 / 22) * (18 / 22))
    assert [share.agree for share in ground[0].by_group] == pytest.approx([0.95, 0.85])


def test_division_lists_statements_the_groups_split_on_most_split_first():
    """Statement 100 divides (one group agrees, the other disagrees); 102 only just."""
    divided = repness.divisive(*counts(), IDS, EVERY)
    assert [item.statement for item in divided] == [100, 102]
    assert (divided[0].agreeing, divided[0].disagreeing) == (0, 1)
    assert divided[0].spread == pytest.approx(17 / 22 + 15 / 22)


def test_group_counts_add_up_votes_per_group():
    """Agree, disagree and all votes are counted per group; people in no group are skipped."""
    matrix = vote_matrix([1, 2, 3, 1], [7, 7, 7, 8], [1, -1, 0, 0])
    agree, disagree, voted = repness.group_counts(matrix, np.array([0, 1, -1]), 2)
    assert agree.tolist() == [[1, 0], [0, 0]]
    assert disagree.tolist() == [[0, 0], [1, 0]]
    assert voted.tolist() == [[1, 1], [1, 0]]
