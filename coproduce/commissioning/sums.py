"""The arithmetic of a panel, with no Django: ages on a day, and weighted totals of scores.

A member's weighted total for a bid is the sum over criteria of weight x score / SCORE_MAX,
so a bid scored top marks on every criterion totals 100 (the weights add up to 100).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from statistics import median

WEIGHTS_TOTAL = 100
SCORE_MAX_DEFAULT = 5  # the same as models.SCORE_MAX
GUARDIAN_CONSENT_UNDER = 16
ADULT_AGE = 18


def age_on(born: date, day: date) -> int:
    """Whole years between `born` and `day` (someone born on 29 February turns a year older
    on 1 March in other years)."""
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years


def needs_guardian_consent(born: date, day: date) -> bool:
    """Under 16 on `day`: a parent or carer must consent before they take part."""
    return age_on(born, day) < GUARDIAN_CONSENT_UNDER


def is_child(born: date, day: date) -> bool:
    return age_on(born, day) < ADULT_AGE


def adult_from(born: date) -> date:
    """The day someone turns 18 (1 March for a 29 February birthday, as age_on counts)."""
    year = born.year + ADULT_AGE
    try:
        return born.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def weights_problem(weights: Iterable[int]) -> str | None:
    """Why these weights cannot be published, or None: there must be some, each above
    nothing, adding up to exactly 100."""
    weights = list(weights)
    if not weights:
        return "none"
    if any(weight <= 0 for weight in weights):
        return "zero"
    if sum(weights) != WEIGHTS_TOTAL:
        return "sum"
    return None


def weighted_total(scores: Mapping[int, int], weights: Mapping[int, int], score_max: int) -> float:
    """One member's total for one bid out of 100: `scores` and `weights` by criterion id."""
    return sum(weights[c] * scores.get(c, 0) for c in weights) / score_max


@dataclass(frozen=True)
class BidSummary:
    """The members' totals for one bid: their mean, median, and spread (highest less lowest)."""

    totals: tuple[float, ...]
    mean: float | None
    median: float | None
    spread: float | None


def summarise(totals: Iterable[float]) -> BidSummary:
    values = tuple(round(t, 1) for t in totals)
    if not values:
        return BidSummary(values, None, None, None)
    return BidSummary(
        totals=values,
        mean=round(sum(values) / len(values), 1),
        median=round(median(values), 1),
        spread=round(max(values) - min(values), 1),
    )
