"""The rules as pabutools counts them: the reference every other path is checked against.

Pure: no Django. Exact (gmpy2 fractions inside pabutools). Slow on large rounds (see
docs/adr/0016-sharing-out-rules.md for the figures), so ``share_out`` uses it for small rounds
and ``coproduce.budgets.rules.counting`` for large ones; tests and ``benchmarks/pabulib_exact.py``
check the two agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from pabutools.election import (
    ApprovalBallot,
    ApprovalProfile,
    Cost_Sat,
    Instance,
    Project,
)
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares
from pabutools.tiebreaking import TieBreakingRule

from coproduce.budgets.rules.shapes import Ballots, Counted, Items, replay_payments


def _tie_breaking(items: Items) -> TieBreakingRule:
    # ``items`` arrive already in tie order (more votes, cheaper, listed first).
    position = {item_id: n for n, (item_id, _cost) in enumerate(items)}
    return TieBreakingRule(lambda _instance, _profile, project: position[project.name])


def _election(
    items: Items, ballots: Ballots, votes: dict[str, int], budget: int | Fraction
) -> tuple[Instance, ApprovalProfile, dict[str, Project]]:
    projects = {
        item_id: Project(item_id, cost) for item_id, cost in items if votes[item_id] > 0 and cost
    }
    instance = Instance(projects.values(), budget_limit=budget)
    profile = ApprovalProfile(
        [
            ApprovalBallot(projects[item_id] for item_id in ballot if item_id in projects)
            for ballot in ballots
        ],
        instance=instance,
    )
    return instance, profile, projects


def _free(items: Items, votes: dict[str, int]) -> list[str]:
    # pabutools gives a free proposal no satisfaction under cost utilities (greedy puts it
    # last, equal shares never picks it); we fund every free proposal somebody voted for,
    # first. Same in ``counting``.
    return [item_id for item_id, cost in items if cost == 0 and votes[item_id] > 0]


def greedy(items: Items, ballots: Ballots, votes: dict[str, int], budget: int) -> list[str]:
    """Most votes first, skipping what no longer fits; proposals without votes never win."""
    instance, profile, _ = _election(items, ballots, votes, budget)
    chosen = greedy_utilitarian_welfare(
        instance, profile, sat_class=Cost_Sat, tie_breaking=_tie_breaking(items)
    )
    return _free(items, votes) + [project.name for project in chosen]


def equal_shares_at(
    items: Items, ballots: Ballots, votes: dict[str, int], share: Fraction
) -> list[str]:
    """One count of the Method of Equal Shares (cost utilities) with ``share`` per voter."""
    instance, profile, _ = _election(items, ballots, votes, share * len(ballots))
    chosen = method_of_equal_shares(
        instance, profile, sat_class=Cost_Sat, tie_breaking=_tie_breaking(items)
    )
    return _free(items, votes) + [project.name for project in chosen]


def equal_shares_add1(
    items: Items, ballots: Sequence[frozenset[str]], votes: dict[str, int], budget: int
) -> Counted:
    """Method of Equal Shares completed by raising each voter's share one unit at a time.

    As pabutools' ``voter_budget_increment=1`` and the equalshares.net "add1" completion:
    stop at the first count that spends more than ``budget`` (keep the one before) or that
    leaves nothing else that fits.
    """
    cost = dict(items)
    supported = [item_id for item_id, _ in items if votes[item_id] > 0]
    if not ballots:
        return replay_payments(items, ballots, [], Fraction(0))
    share = Fraction(budget, len(ballots))
    chosen = equal_shares_at(items, ballots, votes, share)
    while True:
        spent = sum(cost[item_id] for item_id in chosen)
        if all(
            spent + cost[item_id] > budget for item_id in supported if item_id not in set(chosen)
        ):
            break
        bigger = equal_shares_at(items, ballots, votes, share + 1)
        if sum(cost[item_id] for item_id in bigger) > budget:
            break
        share, chosen = share + 1, bigger
    return replay_payments(items, ballots, chosen, share)
