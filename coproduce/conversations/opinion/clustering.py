"""Grouping participants on the opinion map, as Pol.is does (no Django).

polismath `conversation.clj` / `clusters.clj`: k-means of the participants' map positions into
about 100 small "base" clusters, then weighted k-means of those base clusters' centres (weight =
members) into k groups for every k from 2 to min(5, 2 + bases // 12); k is the one with the
best silhouette over the base clusters, smoothed over runs (a new k is taken only after it has
been the best four runs in a row, here also at once when it is clearly better).

Unlike Pol.is, no group may be smaller than max(3, 2% of the people grouped): a group of one
or two is not an opinion group, and its results would show how those people voted.
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.metrics import silhouette_score

BASE_K = 100
MAX_K = 5
K_BUFFER = 4
CLEARLY_BETTER = 0.1  # silhouette gain that switches k at once on an incremental run
_FRESH_STARTS = 10
BASE_ITERATIONS = 100
BASE_STARTS = 5
MIN_GROUP = 3
MIN_GROUP_SHARE = 0.02
_SEED_SAMPLE = 10_000


@dataclass(frozen=True)
class Clustering:
    """Labels of the base clusters for one k, the group centres and its silhouette."""

    k: int
    labels: np.ndarray
    centres: np.ndarray
    silhouette: float


def max_k_for(bases: int) -> int:
    """Pol.is's largest k worth trying for this many base clusters."""
    return min(MAX_K, 2 + bases // 12)


def base_clusters(
    points: np.ndarray, *, start: np.ndarray | None = None, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Labels (one per point), centres and sizes of up to BASE_K small clusters."""
    n = len(points)
    if n == 0:
        return np.zeros(0, dtype=np.int32), np.zeros((0, 2)), np.zeros(0, dtype=np.int64)
    distinct = len(np.unique(np.round(points, 9), axis=0))
    k = min(BASE_K, distinct)
    if k <= 1:
        return (
            np.zeros(n, dtype=np.int32),
            points.mean(axis=0, keepdims=True),
            np.array([n], dtype=np.int64),
        )
    starts = 1
    if start is not None and start.shape == (k, 2):
        init = start
    elif n <= _SEED_SAMPLE:
        # Small enough to afford several full k-means++ starts (steadier base clusters).
        init, starts = "k-means++", BASE_STARTS
    else:
        # k-means++ seeding on a sample is as good for ~100 small clusters and much quicker.
        rng = np.random.default_rng(seed)
        sample = points[rng.choice(n, _SEED_SAMPLE, replace=False)]
        init, _ = kmeans_plusplus(sample, k, random_state=seed)
        if len(np.unique(np.round(init, 9), axis=0)) < k:
            init, _ = kmeans_plusplus(points, k, random_state=seed)
    model = KMeans(
        n_clusters=k, init=init, n_init=starts, max_iter=BASE_ITERATIONS, random_state=seed
    )
    labels = model.fit_predict(points)
    sizes = np.bincount(labels, minlength=k)
    used = np.flatnonzero(sizes)
    if len(used) < k:  # drop empty clusters and renumber
        remap = np.full(k, -1)
        remap[used] = np.arange(len(used))
        labels = remap[labels]
    centres = np.zeros((len(used), 2))
    np.add.at(centres, labels, points)
    sizes = np.bincount(labels, minlength=len(used))
    centres /= sizes[:, None]
    return labels.astype(np.int32), centres, sizes


@dataclass(frozen=True)
class _Fit:
    labels: np.ndarray
    centres: np.ndarray
    inertia: float


def _lloyd(points: np.ndarray, weights: np.ndarray, centres: np.ndarray) -> _Fit:
    """Weighted Lloyd iterations from the given centres until nothing moves."""
    centres = centres.astype(np.float64, copy=True)
    labels = np.full(len(points), -1)
    for _ in range(100):
        distance = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        new_labels = distance.argmin(axis=1)
        if np.array_equal(new_labels, labels):
            break
        labels = new_labels
        for g in range(len(centres)):
            inside = labels == g
            if weights[inside].sum() > 0:
                centres[g] = np.average(points[inside], axis=0, weights=weights[inside])
    inertia = float((weights * distance[np.arange(len(points)), labels]).sum())
    return _Fit(labels, centres, inertia)


def _plusplus(points: np.ndarray, weights: np.ndarray, k: int, rng) -> np.ndarray:
    """Weighted k-means++ seeding."""
    chosen = [int(rng.choice(len(points), p=weights / weights.sum()))]
    closest = ((points - points[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        chance = weights * closest
        if chance.sum() <= 0:
            break
        chosen.append(int(rng.choice(len(points), p=chance / chance.sum())))
        closest = np.minimum(closest, ((points - points[chosen[-1]]) ** 2).sum(axis=1))
    return points[chosen]


def _weighted_kmeans(
    centres: np.ndarray, sizes: np.ndarray, k: int, start: np.ndarray | None, seed: int
) -> _Fit | None:
    """The tightest of several seeded starts whose groups are all big enough (None if none
    is); the previous run's centres are kept unless a fresh start is clearly (1%) tighter,
    so groups stay put between runs."""
    weights = sizes.astype(np.float64)
    rng = np.random.default_rng(seed)
    best: _Fit | None = None
    smallest = smallest_group(int(weights.sum()))
    for _ in range(_FRESH_STARTS):
        seeds = _plusplus(centres, weights, k, rng)
        if len(seeds) < k:
            continue
        fit = _lloyd(centres, weights, seeds)
        if _big_enough(fit, weights, k, smallest) and (best is None or fit.inertia < best.inertia):
            best = fit
    if start is not None and start.shape == (k, 2):
        warm = _lloyd(centres, weights, start)
        if _big_enough(warm, weights, k, smallest) and (
            best is None or best.inertia >= 0.99 * warm.inertia
        ):
            best = warm
    return best


def smallest_group(people: int) -> int:
    """The fewest people a group may have: MIN_GROUP, or MIN_GROUP_SHARE of everyone grouped.

    Pol.is has no such floor; we add it because a group of one or two people is not an opinion
    group, and showing how such a "group" voted would show how those people voted."""
    return max(MIN_GROUP, math.ceil(MIN_GROUP_SHARE * people))


def _big_enough(fit: _Fit, weights: np.ndarray, k: int, smallest: int) -> bool:
    members = np.bincount(fit.labels, weights=weights, minlength=k)
    return bool((members >= smallest).all())


def group_clusterings(
    centres: np.ndarray,
    sizes: np.ndarray,
    *,
    previous: dict[int, np.ndarray] | None = None,
    seed: int = 0,
) -> dict[int, Clustering]:
    """Every k worth trying, clustered and scored by silhouette over the base clusters."""
    bases = len(centres)
    result: dict[int, Clustering] = {}
    for k in range(2, max_k_for(bases) + 1):
        if k > bases:
            break
        start = (previous or {}).get(k)
        fit = _weighted_kmeans(centres, sizes, k, start, seed)
        if fit is None:
            continue
        labels = fit.labels.astype(np.int32)
        if len(np.unique(labels)) < k:  # a start that left a group empty: not this k
            continue
        # With as many groups as base clusters the silhouette is undefined: count it as 0.
        score = float(silhouette_score(centres, labels)) if k < bases else 0.0
        result[k] = Clustering(k, labels, fit.centres, score)
    if not result and bases >= 1:
        # Too few people (or places on the map) for two groups of a decent size: one group.
        labels = np.zeros(bases, dtype=np.int32)
        centre = np.average(centres, axis=0, weights=sizes)[None, :]
        result[1] = Clustering(1, labels, centre, 0.0)
    return result


def choose_k(silhouettes: dict[int, float], smoother: dict | None) -> tuple[int, dict[str, int]]:
    """Pol.is's k smoother: the best k now, kept only once it has been best K_BUFFER runs in a
    row (or is better than the current k by CLEARLY_BETTER). Returns k and the new state."""
    this_k = max(sorted(silhouettes), key=lambda k: silhouettes[k])
    if not smoother:
        return this_k, {"last_k": this_k, "last_k_count": 1, "smoothed_k": this_k}
    count = smoother["last_k_count"] + 1 if this_k == smoother["last_k"] else 1
    smoothed = smoother["smoothed_k"]
    if (
        count >= K_BUFFER
        or smoothed not in silhouettes
        or silhouettes[this_k] - silhouettes[smoothed] >= CLEARLY_BETTER
    ):
        smoothed = this_k
    return smoothed, {"last_k": this_k, "last_k_count": count, "smoothed_k": smoothed}


def number_groups(
    labels: np.ndarray,
    participant_ids: np.ndarray,
    k: int,
    previous: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Map cluster labels 0..k-1 to group numbers 0..k-1.

    Without a previous run the biggest group is 0. With one (sorted participant ids and their
    group numbers, -1 for none) each group keeps the number of the earlier group it shares most
    members with (best one-to-one match), so groups keep their numbers from run to run.
    """
    sizes = np.bincount(labels[labels >= 0], minlength=k)
    by_size = np.argsort(-sizes, kind="stable")
    numbers = np.empty(k, dtype=np.int32)
    numbers[by_size] = np.arange(k)
    if previous is None:
        return numbers
    old_ids, old_groups = previous
    grouped = labels >= 0
    ids = participant_ids[grouped]
    where = np.searchsorted(old_ids, ids)
    where = np.minimum(where, max(len(old_ids) - 1, 0))
    if len(old_ids) == 0:
        return numbers
    found = old_ids[where] == ids
    old = old_groups[where[found]]
    new = labels[grouped][found]
    usable = (old >= 0) & (old < k)
    overlap = np.zeros((k, k))
    np.add.at(overlap, (new[usable], old[usable]), 1)
    if overlap.sum() == 0:
        return numbers
    # Ties (no overlap) fall back on size order through a tiny preference.
    preference = overlap + 1e-6 * (numbers[:, None] == np.arange(k)[None, :])
    row, col = linear_sum_assignment(preference, maximize=True)
    numbers[row] = col
    return numbers
