"""Principal components and the sparsity-aware projection (opinion/projection.py)."""

import numpy as np
import pytest
from scipy import sparse

from coproduce.conversations.opinion import projection
from coproduce.conversations.opinion.matrix import centred, vote_matrix


def sides(rng, people=300, statements=40, density=0.5):
    """Two sides that answer each statement in opposite ways, with some noise and gaps."""
    side = np.where(np.arange(people) < people // 2, 1, -1)
    lean = rng.choice([-1, 1], size=statements)
    votes = side[:, None] * lean[None, :]
    noise = rng.random((people, statements)) < 0.1
    votes = np.where(noise, rng.integers(-1, 2, (people, statements)), votes)
    mask = rng.random((people, statements)) < density
    rows, cols = np.nonzero(mask)
    matrix = vote_matrix(rows, cols, votes[rows, cols])
    return matrix, side


def same_direction(a: np.ndarray, b: np.ndarray) -> float:
    return abs(float(a @ b)) / (np.linalg.norm(a) * np.linalg.norm(b))


def test_block_iteration_finds_the_same_components_as_an_exact_svd(monkeypatch):
    """The sparse iteration used for big matrices agrees with the dense SVD."""
    matrix, _ = sides(np.random.default_rng(1))
    data, _ = centred(matrix, np.ones(matrix.shape[1], dtype=bool))
    exact, exact_values = projection.principal_components(data)
    monkeypatch.setattr(projection, "_DENSE_LIMIT", 0)
    iterated, values = projection.principal_components(data, seed=5)
    assert same_direction(exact[0], iterated[0]) > 0.999
    assert values[0] == pytest.approx(exact_values[0], rel=1e-4)


def test_warm_start_keeps_signs_of_the_previous_components():
    """Given the previous components, the new ones point the same way (no flipped map)."""
    matrix, _ = sides(np.random.default_rng(2))
    data, _ = centred(matrix, np.ones(matrix.shape[1], dtype=bool))
    comps, _ = projection.principal_components(data)
    again, _ = projection.principal_components(data, start=-comps)
    assert float(again[0] @ comps[0]) < 0


def test_first_component_separates_two_sides():
    """On two clear sides, everyone's first coordinate has the sign of their side."""
    matrix, side = sides(np.random.default_rng(3))
    data, _ = centred(matrix, np.ones(matrix.shape[1], dtype=bool))
    comps, _ = projection.principal_components(data)
    voted = matrix.votes_per_participant()
    places = projection.sparsity_aware_projection(data, comps, voted, matrix.shape[1])
    signs = np.sign(places[:, 0]) * side[matrix.participant_ids]
    assert abs(signs.mean()) > 0.95


def test_a_sparse_voter_is_pushed_out_by_the_square_root_of_missing_share():
    """Someone who voted on a quarter of the statements is scaled by sqrt(4) = 2."""
    data = sparse.csr_matrix(np.array([[1.0, 1.0, 1.0, 1.0], [1.0, 0.0, 0.0, 0.0]]))
    comps = np.array([[0.5, 0.5, 0.5, 0.5], [0.5, -0.5, 0.5, -0.5]])
    places = projection.sparsity_aware_projection(data, comps, np.array([4, 1]), 4)
    assert places[0].tolist() == pytest.approx([2.0, 0.0])
    assert places[1].tolist() == pytest.approx([0.5 * 2, 0.5 * 2])


def test_an_empty_matrix_has_zero_components():
    """With no votes the components are zero rather than an error."""
    comps, values = projection.principal_components(sparse.csr_matrix((3, 4)))
    assert not comps.any() and not values.any()
