"""Sharing out a budget among proposals by the votes people gave them.

Pure: no Django. The rules are pabutools' (the reference library for participatory
budgeting, called in ``rules.reference``). pabutools takes minutes on a large round, so
``share_out`` counts with ``rules.counting``, which gives the same results (checked in the
tests and ``benchmarks/pabulib_exact.py``); this module breaks ties the way cities do and says
why each proposal won or lost. See docs/adr/0016-sharing-out-rules.md.

Two rules, named as Pabulib's META ``rule`` names them:

- ``greedy``: most votes first; a proposal that no longer fits what is left is skipped and the
  next one is tried.
- ``equalshares/add1``: the Method of Equal Shares with cost utilities. The budget is split
  equally between the voters; a proposal is bought when its supporters can pay for it, the one
  whose supporters pay least per unit of cost going first. It is completed as real cities do
  ("add1"): everyone's share is raised by one unit at a time and the count run again, for as
  long as the result still fits the real budget.

Ties (same number of votes for greedy, same price per unit for equal shares) go to the proposal
with more votes, then the cheaper one, then the one listed first (ids compared as numbers when
both are whole numbers). Warsaw's official results break ties by cost like this (Ursus 2023:
two proposals with 903 votes, the cheaper one won).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from itertools import chain
from typing import Any

__all__ = [
    "Outcome",
    "Proposal",
    "Rule",
    "UnsupportedRule",
    "Verdict",
    "share_out",
    "tie_order",
]


class Rule(StrEnum):
    GREEDY = "greedy"  # most votes first, skipping what no longer fits
    EQUAL_SHARES = "equalshares/add1"  # Method of Equal Shares, completed one unit at a time


# Reason codes a Verdict may carry. Plain-English wording lives with the web app.
WON = "won"
NOT_ENOUGH_LEFT = "not_enough_left"  # greedy: its turn came when too little was left
TOO_FEW_SUPPORTERS_MONEY = "too_few_supporters_money"  # equal shares: supporters ran short
COSTS_MORE_THAN_BUDGET = "costs_more_than_budget"  # could never fit, under any rule
NO_VOTES = "no_votes"  # nobody voted for it
REASONS = (WON, NOT_ENOUGH_LEFT, TOO_FEW_SUPPORTERS_MONEY, COSTS_MORE_THAN_BUDGET, NO_VOTES)


@dataclass(frozen=True)
class Proposal:
    id: str
    cost: int  # whole units (pounds, hours, room hours)


@dataclass(frozen=True)
class Verdict:
    """Why one proposal won or lost, for plain-English explanations.

    ``detail`` always has ``cost`` and ``votes``; the other keys depend on the rule and the
    reason (see ``share_out``). Money in ``detail`` is in whole units, rounded down, except
    per-person amounts, which are rounded to two decimal places.
    """

    proposal: str
    selected: bool
    votes: int
    reason: str
    detail: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    selected: list[str]  # in the order they were chosen
    verdicts: dict[str, Verdict]
    spent: int
    budget: int
    rule: str = ""
    # equal shares only: each voter's share after completion (what everyone could spend).
    share_per_voter: float | None = None


class UnsupportedRule(ValueError):
    """The rule named is not one we can count by."""

    def __init__(self, rule: object) -> None:
        self.rule = str(rule)
        supported = ", ".join(r.value for r in Rule)
        super().__init__(f"The rule {self.rule!r} is not supported. Supported rules: {supported}.")


def _natural(proposal_id: str) -> tuple[int, int | str]:
    if proposal_id.isascii() and proposal_id.isdigit():
        return (0, int(proposal_id))
    return (1, proposal_id)


def tie_order(proposal: Proposal, votes: int, position: int) -> tuple[Any, ...]:
    """Sort key that puts the proposal that wins a tie first: more votes, cheaper, listed first."""
    return (-votes, proposal.cost, _natural(proposal.id), position)


def _check(
    proposals: Sequence[Proposal], ballots: Sequence[Collection[str]], budget: int
) -> tuple[list[Proposal], list[frozenset[str]]]:
    if isinstance(budget, bool) or not isinstance(budget, int) or budget < 0:
        raise ValueError("The budget must be a whole number, zero or more.")
    seen: set[str] = set()
    for proposal in proposals:
        if proposal.id in seen:
            raise ValueError(f"Proposal {proposal.id!r} is listed twice.")
        if isinstance(proposal.cost, bool) or not isinstance(proposal.cost, int):
            raise ValueError(f"Proposal {proposal.id!r} must cost a whole number.")
        if proposal.cost < 0:
            raise ValueError(f"Proposal {proposal.id!r} cannot cost less than nothing.")
        seen.add(proposal.id)
    clean = [frozenset(ballot) for ballot in ballots]
    for number, chosen in enumerate(clean, start=1):
        if not chosen <= seen:
            unknown = sorted(chosen - seen)[0]
            raise ValueError(f"Ballot {number} names {unknown!r}, which is not a proposal.")
    return list(proposals), clean


def share_out(
    *,
    proposals: Sequence[Proposal],
    ballots: Sequence[Collection[str]],
    budget: int,
    rule: Rule | str,
) -> Outcome:
    """Choose which proposals to fund with ``budget`` under ``rule``.

    ``ballots``: the proposals each voter approved (ids). Voters who approved nothing still
    count for equal shares (their share goes unspent), as in Pabulib. Raises UnsupportedRule
    for a rule we do not know, ValueError for a ballot naming an unknown proposal, a repeated
    proposal id, or a negative or fractional cost or budget.

    Guarantees: ``spent <= budget``; ``selected`` is in the order the rule chose; every proposal
    has a Verdict. Proposals nobody voted for never win. Ties: see the module docstring.
    """
    try:
        chosen_rule = Rule(rule)
    except ValueError:
        raise UnsupportedRule(rule) from None
    proposal_list, clean = _check(proposals, ballots, budget)
    counted = Counter(chain.from_iterable(clean))
    votes = {p.id: counted[p.id] for p in proposal_list}
    ranked = sorted(
        range(len(proposal_list)),
        key=lambda i: tie_order(proposal_list[i], votes[proposal_list[i].id], i),
    )
    order = [proposal_list[i] for i in ranked]
    if chosen_rule is Rule.GREEDY:
        return _greedy(order, clean, votes, budget)
    return _equal_shares(order, clean, votes, budget)


def _greedy(
    order: list[Proposal], ballots: list[frozenset[str]], votes: dict[str, int], budget: int
) -> Outcome:
    from coproduce.budgets.rules import counting  # numpy: see _equal_shares

    selected = counting.greedy([(p.id, p.cost) for p in order], ballots, votes, budget)
    chosen = set(selected)
    verdicts: dict[str, Verdict] = {}
    left = budget
    for rank, proposal in enumerate(order, start=1):
        n = votes[proposal.id]
        base = {"cost": proposal.cost, "votes": n, "rank": rank, "budget": budget}
        if proposal.id in chosen:
            verdicts[proposal.id] = Verdict(
                proposal.id,
                True,
                n,
                WON,
                base | {"left_before": left, "left_after": left - proposal.cost},
            )
            left -= proposal.cost
        elif n == 0:
            verdicts[proposal.id] = Verdict(proposal.id, False, n, NO_VOTES, base)
        elif proposal.cost > budget:
            verdicts[proposal.id] = Verdict(proposal.id, False, n, COSTS_MORE_THAN_BUDGET, base)
        else:
            verdicts[proposal.id] = Verdict(
                proposal.id, False, n, NOT_ENOUGH_LEFT, base | {"left_before": left}
            )
    spent = budget - left
    return Outcome(selected, verdicts, spent, budget, Rule.GREEDY.value)


def _money(value: Fraction) -> int:
    return int(value)  # rounds down: never promise more than there was


def _per_person(value: Fraction) -> float:
    return round(float(value), 2)


def _equal_shares(
    order: list[Proposal], ballots: list[frozenset[str]], votes: dict[str, int], budget: int
) -> Outcome:
    # counting imports numpy (about 8 MiB); only a count of a round's results needs it, so a
    # web worker that never counts one never loads it (issue 19: a worker under 150 MiB).
    from coproduce.budgets.rules import counting

    result = counting.equal_shares_add1([(p.id, p.cost) for p in order], ballots, votes, budget)
    verdicts: dict[str, Verdict] = {}
    cost = {p.id: p.cost for p in order}
    rounds = {pid: n for n, pid in enumerate(result.selected, start=1)}
    for proposal in order:
        n = votes[proposal.id]
        base = {"cost": proposal.cost, "votes": n, "budget": budget}
        if proposal.id in rounds:
            payment = result.payments[proposal.id]
            verdicts[proposal.id] = Verdict(
                proposal.id,
                True,
                n,
                WON,
                base
                | {
                    "round": rounds[proposal.id],
                    "share": _per_person(result.share),
                    "most_paid_by_one": _per_person(payment.most),
                    "paid_in_full_by": payment.paid_in_full,
                    "paid_all_they_had": payment.paid_all,
                },
            )
        elif n == 0:
            verdicts[proposal.id] = Verdict(proposal.id, False, n, NO_VOTES, base)
        elif proposal.cost > budget:
            verdicts[proposal.id] = Verdict(proposal.id, False, n, COSTS_MORE_THAN_BUDGET, base)
        else:
            verdicts[proposal.id] = Verdict(
                proposal.id,
                False,
                n,
                TOO_FEW_SUPPORTERS_MONEY,
                base
                | {
                    "share": _per_person(result.share),
                    "supporters_money": _money(result.money_left[proposal.id]),
                    "supporters_money_at_start": _money(result.share * n),
                },
            )
    spent = sum(cost[pid] for pid in result.selected)
    return Outcome(
        list(result.selected),
        verdicts,
        spent,
        budget,
        Rule.EQUAL_SHARES.value,
        _per_person(result.share),
    )
