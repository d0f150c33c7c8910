"""A whole opinion-groups run (opinion.analyse / analyse_arrays)."""

from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from coproduce.conversations import polis
from coproduce.conversations.opinion import (
    AGREE,
    DISAGREE,
    PASS,
    Analysis,
    analyse,
    analyse_arrays,
)

DATA = Path(__file__).parent / "data"
# Measured: 0.884 with seeds 0-3 (benchmarks/polis_agreement.py); the floor leaves room for
# harmless changes in k-means starts, not for a different method.
SEATTLE_FLOOR = 0.80


def two_sides(people=40, statements=10, seed=1):
    """People 0..people/2-1 agree with the first half of the statements and disagree with the
    second half; the others the opposite; one vote in ten is a pass."""
    rng = np.random.default_rng(seed)
    votes = []
    for person in range(people):
        side = AGREE if person < people // 2 else DISAGREE
        for statement in range(statements):
            value = side if statement < statements // 2 else -side
            votes.append((person, statement, PASS if rng.random() < 0.1 else value))
    return votes


def test_two_clear_sides_make_two_groups():
    """Two sides split into exactly two groups, one per side."""
    result = analyse(two_sides())
    assert result.k == 2
    assert len({result.group_of[p] for p in range(20)}) == 1
    assert len({result.group_of[p] for p in range(20, 40)}) == 1
    assert result.group_of[0] != result.group_of[39]
    assert [group.members for group in result.groups] == [20, 20]


def test_people_with_too_few_votes_are_left_out():
    """Someone who voted on fewer than min(7, statements) statements has group None."""
    votes = two_sides() + [(100, s, AGREE) for s in range(6)]
    result = analyse(votes)
    assert result.group_of[100] is None
    assert 100 not in result.position
    assert result.participants == 41


def test_voting_on_every_statement_is_enough_when_there_are_fewer_than_seven():
    """With 5 statements, 5 votes put a person in the conversation."""
    votes = two_sides(statements=5) + [(100, s, AGREE) for s in range(5)]
    assert analyse(votes).group_of[100] is not None


def test_fewer_than_fifteen_people_are_topped_up_with_the_most_active():
    """Pol.is's greedy rule: below 15 people in the conversation, the busiest voters join."""
    votes = two_sides(people=10) + [(100, s, AGREE) for s in range(3)]
    result = analyse(votes)
    assert result.group_of[100] is not None


def test_the_last_vote_on_a_statement_counts():
    """Changing a vote replaces the earlier one everywhere, including the counts."""
    votes = [*two_sides(), (0, 0, DISAGREE)]
    result = analyse(votes)
    assert result.votes == 400
    assert result.everyone[0].agree == pytest.approx(
        sum(1 for p, s, v in two_sides() if s == 0 and v == AGREE and p != 0) / 40
    )


def test_what_sets_each_group_apart_and_division():
    """Each side's distinctive statements are those it sides on, and all ten divide."""
    result = analyse(two_sides())
    for group in result.groups:
        best = group.distinctive[0]
        assert best.significant
        share = best.agree if best.direction == "agree" else best.disagree
        assert share > 0.8
    assert len(result.divisive) == 10
    assert result.common_ground == []


def test_common_ground_found_end_to_end():
    """A statement both sides agree with is common ground."""
    votes = two_sides() + [(p, 99, AGREE) for p in range(40)]
    result = analyse(votes)
    assert [item.statement for item in result.common_ground] == [99]
    assert result.common_ground[0].direction == "agree"


def test_a_moderated_out_statement_takes_no_part():
    """Excluded statements are in no result, but their votes still count towards joining."""
    votes = two_sides(statements=7) + [(100, s, AGREE) for s in range(6)] + [(100, 50, AGREE)]
    result = analyse(votes, exclude={50})
    assert result.group_of[100] is not None
    assert 50 not in result.extremity
    assert all(d.statement != 50 for g in result.groups for d in g.distinctive)
    assert result.statements == 7


def test_analyse_and_analyse_arrays_agree():
    """The tuple form and the array form give the same groups."""
    votes = two_sides()
    table = np.array(votes)
    assert analyse(votes).group_of == analyse_arrays(*table.T).group_of


def test_a_value_outside_agree_disagree_pass_is_refused():
    """A vote of 5 raises ValueError."""
    with pytest.raises(ValueError):
        analyse([(1, 1, 5)])


def test_no_votes_give_an_empty_analysis():
    """No votes: k = 0 and nothing in any list."""
    result = analyse([])
    assert isinstance(result, Analysis)
    assert (result.k, result.group_of, result.groups, result.participants) == (0, {}, [], 0)


def test_a_rerun_keeps_k_and_group_numbers():
    """With `previous`, k stays and everyone keeps the number of their group."""
    first = analyse(two_sides(seed=1))
    votes = two_sides(seed=1) + [(200 + p, s, v) for p, s, v in two_sides(people=4, seed=2)]
    second = analyse(votes, previous=first)
    assert second.k == first.k
    assert all(second.group_of[p] == first.group_of[p] for p in first.group_of)


def test_a_rerun_keeps_numbers_even_when_a_cold_run_would_swap_them():
    """Group numbers follow the people, not which group is biggest this time."""
    first = analyse(two_sides(seed=1))
    # Thirty more people join the side numbered 1, so it becomes the biggest.
    person_in_one = next(p for p, g in first.group_of.items() if g == 1)
    wanted = [p for p in range(60) if (p < 30) == (person_in_one < 20)]
    extra = [(300 + p, s, v) for p, s, v in two_sides(people=60, seed=3) if p in wanted]
    votes = two_sides(seed=1) + extra
    assert analyse(votes).group_of[person_in_one] == 0  # a cold run renumbers
    second = analyse(votes, previous=first)
    assert second.group_of[person_in_one] == 1
    assert all(second.group_of[p] == first.group_of[p] for p in first.group_of)


def test_people_left_out_get_a_nearest_group_hint():
    """Someone left out is told which group's centre is nearest their place on the map."""
    votes = two_sides() + [(100, s, AGREE) for s in range(3)]
    result = analyse(votes)
    assert result.nearest_group[100] == result.group_of[0]


def test_agrees_with_polis_on_a_real_conversation():
    """On Seattle's $15 per hour conversation our groups match Pol.is's (ARI above the floor)."""
    folder = DATA / "15-per-hour-seattle"
    export = polis.read_export(folder)
    theirs = polis.read_groups(folder)
    result = analyse_arrays(
        export.participants, export.statements, export.values, exclude=export.excluded
    )
    people = sorted(p for p, g in theirs.items() if g is not None)
    ours = [result.group_of[p] if result.group_of[p] is not None else -1 - p for p in people]
    assert adjusted_rand_score([theirs[p] for p in people], ours) > SEATTLE_FLOOR


def test_a_tiny_conversation_has_one_group_not_groups_of_one():
    """Two people who disagree on everything are one group: no group shows one person."""
    votes = [(p, s, AGREE if p == 0 else DISAGREE) for p in range(2) for s in range(10)]
    result = analyse(votes)
    assert result.k == 1
    assert result.groups[0].members == 2


def test_six_people_on_two_sides_make_two_groups_of_three():
    """The smallest groups allowed are three people."""
    votes = [(p, s, AGREE if p % 2 else DISAGREE) for p in range(6) for s in range(10)]
    assert [group.members for group in analyse(votes).groups] == [3, 3]
