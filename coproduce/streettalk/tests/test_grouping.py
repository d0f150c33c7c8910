"""The pure grouping of vectors into themes, and the top words of a theme."""

import numpy as np

from coproduce.streettalk import grouping


def _cloud(rng, centre: np.ndarray, n: int, spread: float) -> np.ndarray:
    return centre + rng.normal(scale=spread, size=(n, len(centre)))


def _three_topics(seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = np.eye(16)[:3] * 10
    rows = np.vstack([_cloud(rng, c, 12, 1.0) for c in centres])
    truth = np.repeat([0, 1, 2], 12)
    return rows, truth


def test_separate_topics_become_separate_themes():
    """Three well-apart clouds of 12 give three themes of 12, each from one cloud."""
    rows, truth = _three_topics()
    found = grouping.group(rows)
    assert sorted(len(t) for t in found.themes) == [12, 12, 12]
    for theme in found.themes:
        assert len(set(truth[theme])) == 1
    assert found.unthemed == []


def test_the_same_input_gives_the_same_themes():
    """Deterministic: the same rows give exactly the same answer."""
    rows, _truth = _three_topics(seed=3)
    assert grouping.group(rows) == grouping.group(rows.copy())


def test_an_outlier_stays_unthemed():
    """A vector unlike every theme is left for the facilitator to place."""
    rows, _truth = _three_topics()
    odd = np.zeros((1, 16))
    odd[0, 15] = 10
    found = grouping.group(np.vstack([rows, odd]))
    assert found.unthemed == [36]


def test_close_groups_are_joined():
    """Two groups whose centres are closer than `merge` become one theme."""
    rows, _truth = _three_topics()
    apart = grouping.group(rows, merge=0.99)
    joined = grouping.group(rows, merge=-1.0)
    assert len(apart.themes) == 3 and len(joined.themes) == 1


def test_no_vectors_no_themes():
    assert grouping.group(np.zeros((0, 8))) == grouping.Grouping([], [])


def test_top_words_are_telling_of_the_theme():
    """Words common in the theme and rare elsewhere come first; stop words never."""
    theme = ["The market was cheap", "Bring back the market", "A market on Saturday"]
    rest = ["Buses are late", "The bus is full", "Bins are full"]
    everywhere = grouping.document_counts(theme + rest)
    words = grouping.top_words(theme, everywhere, len(theme + rest))
    assert words[0] == "market"
    assert "the" not in words
