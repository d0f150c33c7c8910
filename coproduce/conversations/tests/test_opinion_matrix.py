"""The vote matrix: last vote wins, ids, checks, centring (coproduce/conversations/opinion)."""

import numpy as np
import pytest

from coproduce.conversations.opinion.matrix import centred, vote_matrix


def cells(matrix) -> dict[tuple[int, int], int]:
    return {
        (int(matrix.participant_ids[r]), int(matrix.statement_ids[c])): int(v)
        for r, c, v in zip(matrix.rows, matrix.cols, matrix.values, strict=True)
    }


def test_last_vote_counts():
    """When a person votes twice on a statement, the later vote is the one kept."""
    matrix = vote_matrix([1, 1, 2, 1], [5, 6, 5, 5], [1, -1, 0, -1])
    assert cells(matrix) == {(1, 5): -1, (1, 6): -1, (2, 5): 0}


def test_last_vote_counts_at_scale_like_a_dictionary():
    """On many random votes the matrix equals a dictionary filled in casting order."""
    rng = np.random.default_rng(3)
    who, what = rng.integers(0, 50, 5000), rng.integers(0, 20, 5000)
    value = rng.integers(-1, 2, 5000)
    expected = {}
    for p, s, v in zip(who.tolist(), what.tolist(), value.tolist(), strict=True):
        expected[(p, s)] = v
    assert cells(vote_matrix(who, what, value)) == expected


def test_entries_come_in_row_then_column_order():
    """Entries are sorted by participant then statement, as a CSR matrix needs."""
    matrix = vote_matrix([9, 3, 9, 3], [2, 7, 1, 1], [1, 1, 1, 1])
    assert matrix.rows.tolist() == [0, 0, 1, 1]
    assert matrix.cols.tolist() == [0, 2, 0, 1]


def test_ids_may_be_large_or_negative():
    """Ids need not be small or positive: they are mapped to rows by sorting."""
    matrix = vote_matrix([-4, 10**12, -4], [10**11, 3, 3], [1, -1, 0])
    assert matrix.participant_ids.tolist() == [-4, 10**12]
    assert cells(matrix) == {(-4, 10**11): 1, (10**12, 3): -1, (-4, 3): 0}


def test_a_value_outside_agree_disagree_pass_is_refused():
    """A vote of 2 raises ValueError."""
    with pytest.raises(ValueError, match="agree"):
        vote_matrix([1], [1], [2])


def test_arrays_of_different_lengths_are_refused():
    """Three arrays that do not line up raise ValueError."""
    with pytest.raises(ValueError, match="same length"):
        vote_matrix([1, 2], [1], [1])


def test_centred_matrix_holds_each_vote_minus_the_statement_mean():
    """Cast votes become value - mean; cells nobody filled stay zero (the mean, centred)."""
    matrix = vote_matrix([1, 2, 3, 1], [1, 1, 1, 2], [1, 1, -1, 0])
    result, means = centred(matrix, np.array([True, True]))
    assert means.tolist() == pytest.approx([1 / 3, 0.0])
    dense = result.toarray()
    assert dense[:, 0].tolist() == pytest.approx([2 / 3, 2 / 3, -4 / 3])
    assert dense[1:, 1].tolist() == [0.0, 0.0]


def test_an_excluded_statement_is_all_zero():
    """A moderated-out statement takes no part: its column is zero."""
    matrix = vote_matrix([1, 2], [1, 2], [1, -1])
    result, _ = centred(matrix, np.array([True, False]))
    assert result.toarray()[:, 1].tolist() == [0.0, 0.0]
