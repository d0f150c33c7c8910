"""One full opinion-groups run: votes in, groups, map, common ground and division out.

The steps, after Pol.is (Small et al. 2021; polismath `conversation.clj`):
1. the vote matrix, last vote wins (`matrix`);
2. participants are "in the conversation" once they have voted on min(7, statements)
   statements (if fewer than 15 are, the 15 who voted most are taken); once in, always in;
3. two principal components of the mean-filled matrix, moderated-out statements left out,
   and the sparsity-aware projection of everyone (`projection`);
4. ~100 base clusters of the people in the conversation, then k groups of those, k by
   silhouette and smoothed over runs (`clustering`);
5. what sets each group apart, common ground and division (`repness`).

`previous` (an earlier Analysis) warm-starts the components and both k-means, keeps k unless
another k has been better four runs running (or clearly better now), and keeps group numbers
where groups persist.
"""

import itertools
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import numpy as np
from threadpoolctl import threadpool_limits

from . import clustering, projection, repness
from .matrix import VoteMatrix, vote_matrix
from .matrix import centred as centred_matrix
from .types import Analysis, Group

MIN_VOTES = 7
GREEDY_N = 15


@dataclass(frozen=True)
class State:
    """What the next run needs to carry on from this one."""

    statement_ids: np.ndarray
    comps: np.ndarray
    base_centres: np.ndarray
    group_centres: dict[int, np.ndarray]
    smoother: dict
    in_conversation: np.ndarray  # sorted participant ids
    participant_ids: np.ndarray  # sorted
    groups: np.ndarray  # group number of each of participant_ids, -1 for none
    seed: int = 0
    silhouettes: dict[int, float] = field(default_factory=dict)


def _empty(statements: int = 0) -> Analysis:
    return Analysis(
        k=0,
        group_of={},
        position={},
        groups=[],
        common_ground=[],
        divisive=[],
        participants=0,
        votes=0,
        state=None,
        statements=statements,
    )


def in_conversation(
    matrix: VoteMatrix, previous: np.ndarray | None = None, *, minimum: int = MIN_VOTES
) -> np.ndarray:
    """Which rows count: voted on min(7, statements) statements, or were in before; topped up
    to 15 with the most active voters (Pol.is's greedy rule)."""
    m = matrix.shape[1]
    voted = matrix.votes_per_participant()
    chosen = voted >= min(minimum, m)
    if previous is not None and len(previous):
        chosen |= np.isin(matrix.participant_ids, previous)
    missing = GREEDY_N - int(chosen.sum())
    if missing > 0:
        others = np.flatnonzero(~chosen)
        most = others[np.argsort(-voted[others], kind="stable")][:missing]
        chosen[most] = True
    return chosen


def _start_comps(state: State | None, statement_ids: np.ndarray) -> np.ndarray | None:
    """The previous components laid onto this run's statements (new ones start at zero)."""
    if state is None:
        return None
    start = np.zeros((projection.COMPONENTS, len(statement_ids)))
    where = np.searchsorted(state.statement_ids, statement_ids)
    where = np.minimum(where, max(len(state.statement_ids) - 1, 0))
    if len(state.statement_ids) == 0:
        return None
    found = state.statement_ids[where] == statement_ids
    start[:, found] = state.comps[:, where[found]]
    norms = np.linalg.norm(start, axis=1, keepdims=True)
    return np.divide(start, norms, out=np.zeros_like(start), where=norms > 0)


def analyse_matrix(
    matrix: VoteMatrix,
    *,
    previous: Analysis | None = None,
    seed: int = 0,
    exclude: Collection[int] = (),
) -> Analysis:
    """Run every step on a built vote matrix (see the module docstring)."""
    n = matrix.shape[0]
    if n == 0:
        return _empty()
    # Small dense algebra runs faster on one thread than fighting other processes for cores.
    with threadpool_limits(limits=1, user_api="blas"):
        return _analyse(matrix, previous=previous, seed=seed, exclude=exclude)


def _analyse(
    matrix: VoteMatrix, *, previous: Analysis | None, seed: int, exclude: Collection[int]
) -> Analysis:
    n, m = matrix.shape
    state: State | None = previous.state if previous is not None else None
    if state is not None and not isinstance(state, State):
        state = None
    include = ~np.isin(matrix.statement_ids, np.asarray(list(exclude), dtype=np.int64))
    in_play = int(include.sum())

    chosen = in_conversation(matrix, state.in_conversation if state else None)
    centred, _ = centred_matrix(matrix, include)
    comps, _singular = projection.principal_components(
        centred, start=_start_comps(state, matrix.statement_ids), seed=seed
    )
    voted_in_play = np.bincount(matrix.rows, weights=include[matrix.cols], minlength=n)
    # Pol.is zeroes moderated-out columns rather than dropping them, so every participant
    # counts as having "voted" on each of them when their projection is scaled.
    positions = projection.sparsity_aware_projection(
        centred, comps, voted_in_play + (m - in_play), max(m, 1)
    )
    del centred

    rows = np.flatnonzero(chosen)
    base_labels, base_centres, base_sizes = clustering.base_clusters(
        positions[rows], start=state.base_centres if state else None, seed=seed
    )
    clusterings = clustering.group_clusterings(
        base_centres, base_sizes, previous=state.group_centres if state else None, seed=seed
    )
    silhouettes = {k: c.silhouette for k, c in clusterings.items()}
    k, smoother = clustering.choose_k(silhouettes, state.smoother if state else None)
    chosen_clustering = clusterings[k]
    labels = np.full(n, -1, dtype=np.int32)
    labels[rows] = chosen_clustering.labels[base_labels]
    numbers = clustering.number_groups(
        labels,
        matrix.participant_ids,
        k,
        (state.participant_ids, state.groups) if state else None,
    )
    row_group = np.where(labels >= 0, numbers[np.maximum(labels, 0)], -1).astype(np.int32)

    agree, disagree, voted = repness.group_counts(matrix, row_group, k)
    ids = matrix.statement_ids
    distinctive = repness.distinctive(agree, disagree, voted, ids, include)
    members = np.bincount(row_group[row_group >= 0], minlength=k)
    groups = []
    for g in range(k):
        inside = row_group == g
        centre = positions[inside].mean(axis=0) if members[g] else np.zeros(2)
        groups.append(
            Group(
                number=g,
                members=int(members[g]),
                distinctive=distinctive[g],
                centre=(float(centre[0]), float(centre[1])),
            )
        )

    all_agree, all_disagree, all_voted = repness.everyone_counts(matrix)
    everyone = {
        int(ids[j]): repness.share(ids[j], all_agree[j], all_disagree[j], all_voted[j])
        for j in range(m)
    }
    extremity_values = np.linalg.norm(comps, axis=0) * np.sqrt(max(in_play, 1))
    extremity = {int(ids[j]): float(extremity_values[j]) for j in range(m) if include[j]}

    participant_list = matrix.participant_ids.tolist()
    group_list = row_group.tolist()
    group_of = {
        p: (g if g >= 0 else None) for p, g in zip(participant_list, group_list, strict=True)
    }
    grouped_positions = positions[rows].tolist()
    position = {
        participant_list[r]: (xy[0], xy[1])
        for r, xy in zip(rows.tolist(), grouped_positions, strict=True)
    }
    nearest_group = _nearest(positions, row_group, groups, participant_list)
    new_state = State(
        statement_ids=ids.copy(),
        comps=comps,
        base_centres=base_centres,
        group_centres={kk: c.centres for kk, c in clusterings.items()},
        smoother=smoother,
        in_conversation=matrix.participant_ids[chosen],
        participant_ids=matrix.participant_ids.copy(),
        groups=row_group,
        seed=seed,
        silhouettes=silhouettes,
    )
    return Analysis(
        k=k,
        group_of=group_of,
        position=position,
        groups=groups,
        common_ground=repness.common_ground(agree, disagree, voted, ids, include),
        divisive=repness.divisive(agree, disagree, voted, ids, include),
        participants=n,
        votes=matrix.votes,
        state=new_state,
        statements=in_play,
        everyone=everyone,
        extremity=extremity,
        silhouettes=silhouettes,
        nearest_group=nearest_group,
    )


def _nearest(
    positions: np.ndarray, row_group: np.ndarray, groups: list[Group], participant_list: list
) -> dict[int, int]:
    """For each participant left out: the group whose centre is nearest their map place."""
    outside = np.flatnonzero(row_group < 0)
    if not groups or not len(outside):
        return {}
    centres = np.array([group.centre for group in groups])
    distance = ((positions[outside, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    nearest = distance.argmin(axis=1).tolist()
    return {participant_list[r]: g for r, g in zip(outside.tolist(), nearest, strict=True)}


def analyse_arrays(
    participants,
    statements,
    values,
    *,
    previous: Analysis | None = None,
    seed: int = 0,
    exclude: Collection[int] = (),
) -> Analysis:
    """`analyse` on three parallel integer arrays (numpy or lists), in the order cast.

    `exclude`: statement ids moderated out (their votes still count towards being in the
    conversation, as in Pol.is, but they take no part in the map, groups or results).
    """
    matrix = vote_matrix(participants, statements, values)
    return analyse_matrix(matrix, previous=previous, seed=seed, exclude=exclude)


def analyse(
    votes: Iterable[tuple[int, int, int]],
    *,
    previous: Analysis | None = None,
    seed: int = 0,
    exclude: Collection[int] = (),
) -> Analysis:
    """votes: (participant id, statement id, value in {1, -1, 0}) in the order cast; the last
    vote of a participant on a statement counts. `previous` (from an earlier call on fewer
    votes) makes the run incremental: warm start, same k unless another is clearly better, same
    group numbering where groups persist. Raises ValueError on a value outside {1, -1, 0}."""
    flat = np.fromiter(itertools.chain.from_iterable(votes), dtype=np.int64)
    if len(flat) % 3:
        raise ValueError("Each vote must be (participant, statement, value).")
    table = flat.reshape(-1, 3)
    return analyse_arrays(
        table[:, 0], table[:, 1], table[:, 2], previous=previous, seed=seed, exclude=exclude
    )
