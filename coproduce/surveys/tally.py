"""Counting answers: shares, ranking points, the middle and spread of a scale, bar lengths,
and checking that a ranking uses each place once. Pure Python, no Django import.

Ranking uses Borda points: with n options, a first place earns n points, a second n - 1,
and so on down to 1 for the last place. An option nobody placed earns nothing from them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


def share(count: int, total: int) -> int:
    """`count` as a whole percentage of `total` (0 when there is nothing to share)."""
    if total <= 0:
        return 0
    return round(100 * count / total)


def borda_points(places: Mapping[int, int], options: int) -> int:
    """Borda points from how many people put an option in each place (place -> people)."""
    return sum(people * (options - place + 1) for place, people in places.items() if place >= 1)


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


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: float  # top of the bar
    width: float  # length of the bar


def bars(
    rows: Iterable[tuple[str, float]],
    *,
    width: float,
    bar_height: float = 28,
    gap: float = 14,
) -> tuple[list[Bar], float]:
    """Lay out a horizontal bar chart: each bar's place and length, and the chart's height.

    The longest bar fills `width`; with nothing to show, every bar has no length.
    """
    rows = list(rows)
    largest = max((value for _label, value in rows), default=0)
    laid = [
        Bar(
            label=label,
            value=value,
            y=index * (bar_height + gap),
            width=(width * value / largest) if largest > 0 else 0.0,
        )
        for index, (label, value) in enumerate(rows)
    ]
    height = len(rows) * (bar_height + gap) - gap if rows else 0
    return laid, max(height, 0)


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
