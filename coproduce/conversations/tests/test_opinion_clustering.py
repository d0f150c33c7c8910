"""Base clusters, groups, k by silhouette and smoothing, numbering (opinion/clustering.py)."""

import numpy as np

from coproduce.conversations.opinion import clustering


def blobs(rng, centres, size=200, spread=0.3):
    points = np.concatenate([rng.normal(c, spread, size=(size, 2)) for c in centres])
    truth = np.repeat(np.arange(len(centres)), size)
    return points, truth


def groups_of(points, seed=0):
    labels, centres, sizes = clustering.base_clusters(points, seed=seed)
    options = clustering.group_clusterings(centres, sizes, seed=seed)
    k, _ = clustering.choose_k({k: c.silhouette for k, c in options.items()}, None)
    return k, options[k].labels[labels]


def test_two_clear_sides_split_in_two():
    """Two far-apart clouds of people become exactly two groups, one per cloud."""
    points, truth = blobs(np.random.default_rng(1), [(-3, 0), (3, 0)])
    k, labels = groups_of(points)
    assert k == 2
    assert all(len(set(labels[truth == side])) == 1 for side in (0, 1))
    assert labels[0] != labels[-1]


def test_three_clouds_make_three_groups():
    """Three separate clouds give k = 3 by silhouette."""
    points, _ = blobs(np.random.default_rng(2), [(-4, 0), (4, 0), (0, 6)])
    assert groups_of(points)[0] == 3


def test_base_clusters_are_at_most_one_hundred():
    """Pol.is's first step: about 100 small clusters, each a mean of its members."""
    points, _ = blobs(np.random.default_rng(3), [(0, 0)], size=1000)
    labels, centres, sizes = clustering.base_clusters(points)
    assert len(centres) == 100 and sizes.sum() == 1000
    assert np.allclose(centres[5], points[labels == 5].mean(axis=0))


def test_largest_k_tried_follows_polis():
    """k runs from 2 to min(5, 2 + bases // 12)."""
    assert [clustering.max_k_for(n) for n in (12, 24, 36, 100)] == [3, 4, 5, 5]


def test_smoother_keeps_k_until_another_is_best_four_times():
    """A new best k is taken only after it has been best four runs in a row."""
    state = {"last_k": 2, "last_k_count": 5, "smoothed_k": 2}
    scores = {2: 0.50, 3: 0.55}
    for _ in range(3):
        k, state = clustering.choose_k(scores, state)
        assert k == 2
    k, state = clustering.choose_k(scores, state)
    assert k == 3


def test_smoother_switches_at_once_when_another_k_is_clearly_better():
    """A silhouette better by CLEARLY_BETTER or more switches k straight away."""
    state = {"last_k": 2, "last_k_count": 5, "smoothed_k": 2}
    k, _ = clustering.choose_k({2: 0.3, 3: 0.3 + clustering.CLEARLY_BETTER}, state)
    assert k == 3


def test_without_previous_the_biggest_group_is_number_zero():
    """Fresh numbering goes by size, biggest first."""
    labels = np.array([1, 1, 1, 0, -1])
    numbers = clustering.number_groups(labels, np.arange(5), 2)
    assert numbers.tolist() == [1, 0]


def test_groups_keep_their_numbers_from_the_previous_run():
    """Each group takes the number of the earlier group it shares most people with."""
    ids = np.array([10, 11, 12, 13, 14])
    before = (ids, np.array([1, 1, 1, 0, 0]))
    labels = np.array([0, 0, 0, 1, 1])  # same people, labels swapped
    numbers = clustering.number_groups(labels, ids, 2, before)
    assert numbers.tolist() == [1, 0]


def test_no_group_is_smaller_than_the_floor():
    """A lone far-off person does not become a group of their own."""
    rng = np.random.default_rng(4)
    points, _ = blobs(rng, [(-2, 0), (2, 0)], size=60, spread=0.8)
    points = np.vstack([points, [[0, 40]]])
    _labels, centres, sizes = clustering.base_clusters(points)
    for option in clustering.group_clusterings(centres, sizes).values():
        members = np.bincount(option.labels, weights=sizes)
        assert members.min() >= clustering.smallest_group(len(points))
