"""Which statement to show next (opinion/choosing.py)."""

from collections import Counter

import pytest

from coproduce.conversations.opinion import next_statement, priorities

COUNTS = {1: (10, 10, 2), 2: (0, 0, 0), 3: (1, 1, 30), 4: (40, 0, 1), 5: (5, 6, 1)}


def test_never_returns_a_statement_already_seen():
    """Whatever the seed, a statement in `seen` is never chosen."""
    for seed in range(200):
        assert next_statement(counts=COUNTS, seen={2, 5}, seed=seed) not in {2, 5}


def test_none_when_everything_has_been_seen():
    """Nothing left to show gives None."""
    assert next_statement(counts=COUNTS, seen=set(COUNTS), seed=1) is None
    assert next_statement(counts={}, seen=(), seed=1) is None


def test_the_choice_varies_with_the_seed():
    """Different seeds show different statements (people do not all see the same one)."""
    chosen = {next_statement(counts=COUNTS, seen=set(), seed=seed) for seed in range(100)}
    assert len(chosen) >= 3


def test_the_same_seed_gives_the_same_choice():
    """The draw is repeatable, so a page reload shows the same statement."""
    first = next_statement(counts=COUNTS, seen={1}, seed=42)
    assert all(next_statement(counts=COUNTS, seen={1}, seed=42) == first for _ in range(5))


def test_new_statements_come_up_more_than_mostly_passed_ones():
    """A statement nobody voted on yet is chosen far more often than one mostly passed."""
    drawn = Counter(next_statement(counts=COUNTS, seen=set(), seed=s) for s in range(2000))
    assert drawn[2] > 5 * max(drawn[3], 1)


def test_split_statements_weigh_more_than_settled_ones():
    """With equal votes, one still in the balance outweighs one everybody agrees with."""
    split, settled = priorities([[20, 20, 0], [40, 0, 0]])
    assert split > settled


def test_extremity_favours_statements_that_pull_groups_apart():
    """A statement with higher extremity gets a bigger weight, all else equal."""
    plain, stretched = priorities([[5, 5, 0], [5, 5, 0]], extremity=[0.0, 1.0])
    assert stretched == pytest.approx(4 * plain)
