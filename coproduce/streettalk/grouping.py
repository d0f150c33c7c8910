"""Group what people said into themes, from the embedder's unit vectors. Pure: no Django.

The method (docs/adr/0029-street-conversation-themes.md) has three steps, each
deterministic, so the same entries always give the same themes:

1. **Leader grouping** (Taylor-Butina): every entry counts its neighbours, the entries whose
   cosine similarity to it is at least `join`. The entry with the most neighbours (lowest
   index on a tie) leads a group of itself and its neighbours not yet in a group; then the
   next, and so on. An entry with fewer than `min_size - 1` free neighbours leads nothing.
2. **Joining close groups** (average-linkage agglomeration on the groups' centres): while two
   groups' centres have a cosine of at least `merge`, the closest two become one.
3. **Placing the rest**: an entry left over joins the group whose centre is nearest, if that
   cosine is at least `attach`; otherwise it stays unthemed, for the facilitator to place.

The similarities are worked out a block of rows at a time, so 5,000 entries need a few
megabytes at once, not a 5,000 x 5,000 matrix.
"""

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

JOIN = 0.6
MERGE = 0.7
ATTACH = 0.45
MIN_SIZE = 3
BLOCK = 1024


@dataclass(frozen=True)
class Grouping:
    """Themes as lists of entry positions (largest theme first, positions ascending), and
    the positions left unthemed."""

    themes: list[list[int]]
    unthemed: list[int]


def _unit(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def _neighbours(unit: np.ndarray, join: float) -> list[np.ndarray]:
    found: list[np.ndarray] = []
    for start in range(0, len(unit), BLOCK):
        sims = unit[start : start + BLOCK] @ unit.T
        found.extend(np.flatnonzero(row >= join) for row in sims)
    return found


def _centres(unit: np.ndarray, groups: list[list[int]]) -> np.ndarray:
    return _unit(np.stack([unit[members].sum(axis=0) for members in groups]))


def _leaders(unit: np.ndarray, join: float, min_size: int) -> tuple[list[list[int]], np.ndarray]:
    neighbours = _neighbours(unit, join)
    counts = np.array([len(n) for n in neighbours])
    order = np.lexsort((np.arange(len(unit)), -counts))
    taken = np.zeros(len(unit), dtype=bool)
    groups: list[list[int]] = []
    for leader in order:
        if taken[leader]:
            continue
        free = neighbours[leader][~taken[neighbours[leader]]]
        if len(free) < min_size:
            continue
        taken[free] = True
        groups.append(sorted(int(i) for i in free))
    return groups, taken


def _join_close(unit: np.ndarray, groups: list[list[int]], merge: float) -> list[list[int]]:
    if len(groups) < 2:
        return groups
    groups = [list(g) for g in groups]
    sums = np.stack([unit[g].sum(axis=0) for g in groups]).astype(np.float64)
    alive = np.ones(len(groups), dtype=bool)
    centres = _unit(sums)
    sims = centres @ centres.T
    np.fill_diagonal(sims, -np.inf)
    while True:
        masked = np.where(alive[:, None] & alive[None, :], sims, -np.inf)
        best = int(np.argmax(masked))
        a, b = divmod(best, len(groups))
        if masked[a, b] < merge:
            break
        a, b = min(a, b), max(a, b)
        groups[a] = sorted(groups[a] + groups[b])
        sums[a] += sums[b]
        alive[b] = False
        centre = sums[a] / (np.linalg.norm(sums[a]) or 1.0)
        centres[a] = centre
        row = centres @ centre
        row[a] = -np.inf
        sims[a, :] = row
        sims[:, a] = row
    return [g for g, keep in zip(groups, alive, strict=True) if keep]


def group(
    vectors: np.ndarray,
    *,
    join: float = JOIN,
    merge: float = MERGE,
    attach: float = ATTACH,
    min_size: int = MIN_SIZE,
) -> Grouping:
    """Themes in `vectors` (one row per entry). Rows need not be unit length."""
    if len(vectors) == 0:
        return Grouping([], [])
    unit = _unit(vectors)
    groups, taken = _leaders(unit, join, min_size)
    groups = _join_close(unit, groups, merge)
    rest = np.flatnonzero(~taken)
    unthemed: list[int] = []
    if groups and len(rest):
        nearest = unit[rest] @ _centres(unit, groups).T
        best = nearest.argmax(axis=1)
        for position, choice, score in zip(
            rest, best, nearest[np.arange(len(rest)), best], strict=True
        ):
            if score >= attach:
                groups[int(choice)].append(int(position))
            else:
                unthemed.append(int(position))
        groups = [sorted(g) for g in groups]
    else:
        unthemed = [int(i) for i in rest]
    groups.sort(key=lambda g: (-len(g), g[0]))
    return Grouping(groups, sorted(unthemed))


# Words that say nothing about a theme on their own.
STOP_WORDS = frozenset(
    """a about after all also am an and any are as at be because been but by can could did do
    does dont don't for from get got had has have he her here him his how i i'm if in into is
    it it's its just like lot lots make me more most much my near need needs no not now of
    on one only or other our out over people really should so some than that the their them
    then there they this those to too up us very was we were what when where which who why
    will with would you your ive i've id i'd there's theres cant can't wont won't isnt isn't
    go going want wish think thing things place places get getting bit well yes area here
    """.split()  # noqa: SIM905
)
WORD = re.compile(r"[a-z][a-z'’]+")


def words_in(text: str) -> set[str]:
    """The telling words in a text, lower case, each once."""
    found = set()
    for word in WORD.findall(text.lower()):
        word = word.replace("’", "'").strip("'")
        if len(word) > 2 and word not in STOP_WORDS:
            found.add(word)
    return found


def document_counts(texts: Sequence[str]) -> Counter[str]:
    """In how many of the texts each telling word appears."""
    return Counter(word for text in texts for word in words_in(text))


def top_words(
    theme_texts: Sequence[str], everywhere: Counter[str], total: int, *, count: int = 6
) -> list[str]:
    """The words most telling of a theme: in many of its texts, and rare in all `total`
    texts (`everywhere` from `document_counts`): texts with the word in the theme x log of
    how rare it is overall. Ties go in alphabetical order, so the answer is always the same."""
    total = max(total, 1)
    here = document_counts(theme_texts)
    scored = [
        (-(seen * math.log(1 + total / max(everywhere.get(word, 0), seen))), word)
        for word, seen in here.items()
        if seen >= 2 or len(theme_texts) < 3
    ]
    return [word for _score, word in sorted(scored)[:count]]
