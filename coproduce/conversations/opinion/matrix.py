"""The vote matrix: who voted how on which statement, as sparse arrays (no Django).

Votes arrive as three parallel arrays (participant id, statement id, value in {1, -1, 0}) in
the order they were cast; when a participant voted more than once on a statement the LAST vote
counts. The result keeps one entry per (participant, statement), sorted by row then column,
which is exactly the order of a CSR matrix.
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

# Ids up to this size are mapped to rows with a lookup table (linear time) instead of a sort.
_LOOKUP_LIMIT = 50_000_000


@dataclass(frozen=True)
class VoteMatrix:
    """One vote per participant per statement.

    `participant_ids[row]` and `statement_ids[col]` give the ids (both sorted ascending);
    `rows`, `cols` and `values` hold one entry per vote, sorted by (row, col).
    """

    participant_ids: np.ndarray
    statement_ids: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.participant_ids), len(self.statement_ids)

    @property
    def votes(self) -> int:
        return len(self.values)

    def votes_per_participant(self) -> np.ndarray:
        """How many statements each row voted on (passes included)."""
        return np.bincount(self.rows, minlength=self.shape[0])

    def indptr(self) -> np.ndarray:
        """CSR row pointers for the entries (they are already in row order)."""
        indptr = np.zeros(self.shape[0] + 1, dtype=np.int64)
        np.cumsum(self.votes_per_participant(), out=indptr[1:])
        return indptr


def _index(ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct ids and each id's position among them."""
    if len(ids) and ids.min() >= 0 and ids.max() < _LOOKUP_LIMIT:
        present = np.zeros(int(ids.max()) + 1, dtype=bool)
        present[ids] = True
        distinct = np.flatnonzero(present)
        lookup = np.cumsum(present, dtype=np.int32) - 1
        return distinct.astype(np.int64), lookup[ids]
    distinct, inverse = np.unique(ids, return_inverse=True)
    return distinct.astype(np.int64), inverse.astype(np.int32)


def check_values(values: np.ndarray) -> None:
    """Raise ValueError unless every value is 1, -1 or 0."""
    if len(values) and (values.min() < -1 or values.max() > 1):
        raise ValueError("A vote must be 1 (agree), -1 (disagree) or 0 (pass).")


def vote_matrix(participants, statements, values) -> VoteMatrix:
    """Build the matrix from votes in the order they were cast (the last vote counts)."""
    participants = np.asarray(participants)
    statements = np.asarray(statements)
    values = np.asarray(values)
    if not (len(participants) == len(statements) == len(values)):
        raise ValueError("participants, statements and values must be the same length.")
    for name, array in (("participant", participants), ("statement", statements)):
        if len(array) and not np.issubdtype(array.dtype, np.integer):
            raise ValueError(f"Every {name} id must be a whole number.")
    if len(values) and not np.issubdtype(values.dtype, np.integer):
        raise ValueError("A vote must be 1 (agree), -1 (disagree) or 0 (pass).")
    check_values(values)
    participant_ids, rows = _index(participants)
    statement_ids, cols = _index(statements)
    total = len(values)
    n_statements = max(len(statement_ids), 1)
    cells = len(participant_ids) * n_statements
    if cells * max(total, 1) < 2**62:
        # One fast (unstable) sort of keys made unique by the casting order: within one
        # (participant, statement) the votes come out in the order they were cast.
        key = rows.astype(np.int64)
        key *= n_statements
        key += cols
        del rows, cols
        key *= total
        key += np.arange(total, dtype=np.int64)
        key.sort()
        order = key % total
        key //= total
        sorted_key = key
    else:
        key = rows.astype(np.int64) * n_statements + cols
        del rows, cols
        order = np.argsort(key, kind="stable")
        sorted_key = key[order]
    del key
    last = np.empty(len(sorted_key), dtype=bool)
    if len(last):
        np.not_equal(sorted_key[1:], sorted_key[:-1], out=last[:-1])
        last[-1] = True
    kept_key = sorted_key[last]
    del sorted_key
    kept_values = values[order[last]].astype(np.int8)
    del order, last
    return VoteMatrix(
        participant_ids=participant_ids,
        statement_ids=statement_ids,
        rows=(kept_key // n_statements).astype(np.int32),
        cols=(kept_key % n_statements).astype(np.int32),
        values=kept_values,
    )


def centred(matrix: VoteMatrix, include: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The mean-filled, mean-centred matrix over the included columns, as sparse CSR.

    Pol.is fills a missing vote with the statement's mean vote before PCA; after centring
    those cells are exactly zero, so only the cast votes need storing: value - column mean.
    Returns the matrix (excluded columns are all zero) and the column means.
    """
    n, m = matrix.shape
    cols = matrix.cols
    weights = include[cols]
    voted = np.bincount(cols, weights=weights, minlength=m)
    total = np.bincount(cols, weights=matrix.values * weights, minlength=m)
    means = np.divide(total, voted, out=np.zeros(m), where=voted > 0)
    data = matrix.values.astype(np.float64)
    data -= means[cols]
    data *= weights
    result = sparse.csr_matrix((data, cols, matrix.indptr()), shape=(n, m))
    return result, means
