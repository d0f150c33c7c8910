"""Shapes shared by the counting paths, and the exact replay of who paid what.

Pure: no Django, no pabutools.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

# (proposal id, cost), in tie order: more votes, cheaper, listed first.
Items = Sequence[tuple[str, int]]
Ballots = Sequence[frozenset[str]]


@dataclass(frozen=True)
class Payment:
    """How the supporters of one winner paid for it (equal shares)."""

    most: Fraction  # what each supporter who could afford it paid
    paid_in_full: int  # supporters who paid ``most``
    paid_all: int  # supporters who had less and paid all they had left


@dataclass(frozen=True)
class Counted:
    """One finished count of equal shares: winners in order and the money behind them."""

    selected: tuple[str, ...]
    share: Fraction  # each voter's share in the count that was kept
    payments: dict[str, Payment]
    money_left: dict[str, Fraction]  # losers: what their supporters had left at the end


def water_level(cost: Fraction | int, budgets: list[tuple[Fraction, int]]) -> Fraction | None:
    """The payment ``t`` with sum(min(b, t) * n) == cost over (budget, number) pairs.

    ``budgets`` sorted from poorest up. None when all of them together cannot pay.
    """
    left = Fraction(cost)
    payers = sum(n for _, n in budgets)
    for budget, n in budgets:
        if payers == 0:
            break
        level = left / payers
        if level <= budget:
            return level
        left -= budget * n
        payers -= n
    return Fraction(0) if left <= 0 else None


def replay_payments(
    items: Items, ballots: Ballots, selected: Sequence[str], share: Fraction
) -> Counted:
    """Replay the payments for ``selected`` (in order) with ``share`` per voter, exactly.

    Voters who approved the same winners hold the same money throughout, so they are counted
    together.
    """
    cost = dict(items)
    winners = list(selected)
    winner_set = set(winners)
    patterns: Counter[frozenset[str]] = Counter(ballot & winner_set for ballot in ballots)
    budget_of = dict.fromkeys(patterns, share)
    payments: dict[str, Payment] = {}
    for winner in winners:
        holders = sorted(
            ((budget_of[p], n, p) for p, n in patterns.items() if winner in p),
            key=lambda entry: entry[0],
        )
        level = water_level(cost[winner], [(b, n) for b, n, _ in holders])
        if level is None:  # cannot happen for a winner; keep the replay honest anyway
            raise ArithmeticError(f"{winner} could not be paid for by its supporters.")
        paid_all = 0
        for b, n, pattern in holders:
            if b <= level:
                budget_of[pattern] = Fraction(0)
                if b < level:
                    paid_all += n
            else:
                budget_of[pattern] = b - level
        supporters = sum(n for _, n, _ in holders)
        payments[winner] = Payment(level, supporters - paid_all, paid_all)
    money: defaultdict[str, Fraction] = defaultdict(Fraction)
    for ballot in ballots:
        left = budget_of[ballot & winner_set]
        if left:
            for item_id in ballot - winner_set:
                money[item_id] += left
    money_left = {item_id: money[item_id] for item_id, _ in items if item_id not in winner_set}
    return Counted(tuple(winners), share, payments, money_left)
