"""Time to share out a budget: greedy and the Method of Equal Shares (add1), large rounds.

    .venv/bin/python benchmarks/share_out.py                      # 50,000 voters, 200 proposals
    .venv/bin/python benchmarks/share_out.py --voters 100000 --proposals 300 --repeat 3
    .venv/bin/python benchmarks/share_out.py --reference          # also time pabutools alone

The round is synthetic but shaped like Warsaw's (Pabulib): proposals cost between about
5,000 and 800,000 (log-normal), the budget buys about a fifth of the total cost, each voter
approves 1 to 15 proposals (most approve 3 to 8) and some proposals are far more popular than
others (log-normal popularity), so approval counts run from a few dozen to a third of voters.
Target (issue 14): under 5 s each for 50,000 voters and 200 proposals.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coproduce.budgets.rules import Proposal, Rule, share_out  # noqa: E402  (no Django)

TARGET_S = 5.0


def synthetic_round(
    voters: int, proposals: int, seed: int
) -> tuple[list[Proposal], list[list[str]], int]:
    """Proposals, ballots and budget for a Warsaw-like round."""
    rng = np.random.default_rng(seed)
    costs = np.clip(np.round(rng.lognormal(11.3, 1.0, proposals), -2), 5_000, 800_000)
    items = [Proposal(str(1000 + n), int(cost)) for n, cost in enumerate(costs)]
    budget = int(costs.sum() // 5)
    popularity = rng.lognormal(0.0, 0.9, proposals)
    popularity /= popularity.sum()
    sizes = np.clip(rng.poisson(5.5, voters), 1, 15)
    ballots = []
    ids = np.array([p.id for p in items])
    for size in sizes:
        chosen = rng.choice(proposals, size=int(size), replace=False, p=popularity)
        ballots.append(ids[chosen].tolist())
    return items, ballots, budget


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--voters", type=int, default=50_000)
    parser.add_argument("--proposals", type=int, default=200)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--reference",
        action="store_true",
        help="also time pabutools on its own (slow: one count of equal shares only)",
    )
    args = parser.parse_args()
    items, ballots, budget = synthetic_round(args.voters, args.proposals, args.seed)
    votes = sorted((sum(1 for b in ballots if p.id in b) for p in items), reverse=True)
    print(
        f"{args.voters:,} voters, {args.proposals} proposals, budget {budget:,}; "
        f"approvals per proposal: most {votes[0]:,}, median {votes[len(votes) // 2]:,}, "
        f"least {votes[-1]:,}"
    )
    worst = 0.0
    for rule in Rule:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            outcome = share_out(proposals=items, ballots=ballots, budget=budget, rule=rule)
            times.append(time.perf_counter() - start)
        worst = max(worst, statistics.median(times))
        extra = f", share per voter {outcome.share_per_voter}" if outcome.share_per_voter else ""
        print(
            f"{rule.value:<18} median {statistics.median(times):.2f} s, max {max(times):.2f} s "
            f"({len(outcome.selected)} chosen, spent {outcome.spent:,} of {budget:,}{extra})"
        )
    if args.reference:
        from coproduce.budgets.rules import reference

        order = [(p.id, p.cost) for p in items]
        counts = {p.id: 0 for p in items}
        clean = [frozenset(b) for b in ballots]
        for ballot in clean:
            for item_id in ballot:
                counts[item_id] += 1
        start = time.perf_counter()
        reference.greedy(order, clean, counts, budget)
        print(f"pabutools greedy    {time.perf_counter() - start:.2f} s")
        from fractions import Fraction

        start = time.perf_counter()
        reference.equal_shares_at(order, clean, counts, Fraction(budget, len(clean)))
        print(f"pabutools one count of equal shares {time.perf_counter() - start:.2f} s")
    verdict = "under" if worst < TARGET_S else "OVER"
    print(f"slowest median {worst:.2f} s: {verdict} the {TARGET_S:.0f} s target")
    return 0 if worst < TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
