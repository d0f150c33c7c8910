"""Whether a set of choices is a valid ballot for a round. Pure: no Django.

Two kinds of ballot:

- approval: choose the proposals you support, with an optional limit on how many;
- fill the budget: choose proposals whose costs add up to no more than the budget.

`problems` answers with structured problems (a code and the numbers), which the web app
words for the person ("You chose 6. You can choose up to 5.").
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum


class BallotKind(StrEnum):
    APPROVAL = "approval"
    FILL_BUDGET = "fill_budget"


NOTHING_CHOSEN = "nothing_chosen"
TOO_MANY = "too_many"
OVER_BUDGET = "over_budget"
NOT_ON_BALLOT = "not_on_ballot"


@dataclass(frozen=True)
class Problem:
    code: str
    chosen: int = 0  # how many were chosen, or what they add up to
    allowed: int = 0  # the most allowed: a number of proposals, or the budget


def total_cost(chosen: Collection[str], costs: Mapping[str, int]) -> int:
    """What the chosen proposals add up to (those not on the ballot count nothing)."""
    return sum(costs.get(proposal, 0) for proposal in set(chosen))


def problems(
    chosen: Collection[str],
    *,
    costs: Mapping[str, int],
    kind: BallotKind | str,
    budget: int,
    most: int | None = None,
) -> list[Problem]:
    """What is wrong with choosing `chosen` from the proposals in `costs`; [] if nothing.

    `most` limits how many may be chosen on an approval ballot (None: no limit)."""
    chosen_set = set(chosen)
    if not chosen_set:
        return [Problem(NOTHING_CHOSEN)]
    found = []
    unknown = chosen_set - set(costs)
    if unknown:
        found.append(Problem(NOT_ON_BALLOT, chosen=len(unknown)))
    if BallotKind(kind) is BallotKind.APPROVAL:
        if most is not None and len(chosen_set) > most:
            found.append(Problem(TOO_MANY, chosen=len(chosen_set), allowed=most))
    else:
        total = total_cost(chosen_set, costs)
        if total > budget:
            found.append(Problem(OVER_BUDGET, chosen=total, allowed=budget))
    return found
