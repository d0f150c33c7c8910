"""Counting answers: shares, ranking points, the middle and spread of a scale, bar lengths,
and checking that a ranking uses each place once. Pure Python, no Django import.

Rankings are scored by Borda points, the site's one rule: coproduce.common.ranking.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass


def share(count: int, total: int) -> int:
    """`count` as a whole percentage of `total` (0 when there is nothing to share)."""
    if total <= 0:
        return 0
    return round(100 * count / total)


@dataclass(frozen=True)
class Spread:
    """The middle and spread of answers on a scale."""

    count: int
    mean: float | None
    median: float | None
    lowest: int | None
    highest: int | None
    standard_deviation: float | None


def scale_spread(counts: Mapping[int, int]) -> Spread:
    """Average, median, range and standard deviation from how many people chose each number."""
    values = sorted((value, people) for value, people in counts.items() if people > 0)
    total = sum(people for _value, people in values)
    if total == 0:
        return Spread(0, None, None, None, None, None)
    mean = sum(value * people for value, people in values) / total
    variance = sum(people * (value - mean) ** 2 for value, people in values) / total
    return Spread(
        count=total,
        mean=mean,
        median=_median(values, total),
        lowest=values[0][0],
        highest=values[-1][0],
        standard_deviation=math.sqrt(variance),
    )


def _median(values: list[tuple[int, int]], total: int) -> float:
    def at(index: int) -> int:
        seen = 0
        for value, people in values:
            seen += people
            if index < seen:
                return value
        return values[-1][0]

    if total % 2:
        return float(at(total // 2))
    return (at(total // 2 - 1) + at(total // 2)) / 2


def ranking_problems(places: Mapping[str, int | None], options: int) -> tuple[list, list]:
    """What is wrong with a ranking: (places used more than once, places left out).

    `places` maps each option to the place given (1 to `options`), or None when left empty.
    A ranking may be left wholly empty (the question may be optional); otherwise every
    place from 1 to `options` must be used exactly once.
    """
    given = [place for place in places.values() if place is not None]
    if not given:
        return [], []
    twice = sorted({place for place in given if given.count(place) > 1})
    missing = [place for place in range(1, options + 1) if place not in given]
    return twice, missing
