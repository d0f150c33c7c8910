"""Which statement to show a participant next (no Django).

Pol.is (`conversation.clj`, priority-metric) draws the next comment at random, weighted by
  importance = (1 - pass share) x (extremity + 1) x agree share, all smoothed +1/+2,
  priority = (importance x (1 + 8 x 2^(-votes / 5)))^2,
so new statements bubble up, mostly-passed ones sink, and people see different ones.

Here the agree share is replaced by how unsettled the statement still is (1 when the votes
are split, 1/2 when everyone agrees or everyone disagrees), because a statement that everyone
already agrees with tells us less about the groups than one still in the balance.
"""

import bisect
import random
from collections.abc import Collection, Mapping

import numpy as np


def priorities(counts: np.ndarray, extremity: np.ndarray | None = None) -> np.ndarray:
    """Weight of each statement from its (agree, disagree, pass) totals (n x 3)."""
    counts = np.asarray(counts, dtype=np.float64).reshape(-1, 3)
    agree, disagree, passed = counts[:, 0], counts[:, 1], counts[:, 2]
    votes = agree + disagree + passed
    a = (agree + 1.0) / (votes + 2.0)
    d = (disagree + 1.0) / (votes + 2.0)
    p = (passed + 1.0) / (votes + 2.0)
    settled = np.abs(a - d) / (a + d)
    importance = (1.0 - p) * (1.0 - settled / 2.0)
    if extremity is not None:
        importance *= 1.0 + np.asarray(extremity, dtype=np.float64)
    return (importance * (1.0 + 8.0 * np.power(2.0, -votes / 5.0))) ** 2


def next_statement(
    *,
    counts: Mapping[int, tuple[int, int, int]],
    seen: Collection[int],
    seed: int,
    extremity: Mapping[int, float] | None = None,
) -> int | None:
    """Which statement to show a participant next, or None when they have seen them all.

    `counts` maps each statement that may be shown to its (agree, disagree, pass) totals;
    `seen` holds the ones this participant already voted on. The draw is random, weighted by
    `priorities`, and repeatable for the same `seed` (give each participant their own seed,
    e.g. from their id and how many votes they have cast). `extremity` (from an Analysis)
    optionally favours statements that pull the groups apart, as Pol.is does.
    """
    seen = seen if isinstance(seen, (set, frozenset)) else set(seen)
    candidates = sorted(statement for statement in counts if statement not in seen)
    if not candidates:
        return None
    table = np.array([counts[statement] for statement in candidates], dtype=np.float64)
    stretch = None
    if extremity:
        stretch = np.array([extremity.get(statement, 0.0) for statement in candidates])
    weights = priorities(table, stretch)
    cumulative = np.cumsum(weights).tolist()
    total = cumulative[-1]
    draw = random.Random(seed).random()
    if not total > 0:
        return candidates[int(draw * len(candidates))]
    return candidates[min(bisect.bisect_right(cumulative, draw * total), len(candidates) - 1)]
