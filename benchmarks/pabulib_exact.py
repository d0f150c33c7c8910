"""Do we pick what the cities picked? Every Pabulib file in a folder, counted by its own rule.

    .venv/bin/python benchmarks/pabulib_exact.py                   # /work/shared/data/pabulib
    .venv/bin/python benchmarks/pabulib_exact.py --dir OTHER/FOLDER --no-reference

For each ``.pb`` file: the rule its META names, applied to its VOTES by ``share_out``, must
choose exactly the projects its ``selected`` column marks. Unless --no-reference, the same
election is also counted by pabutools alone (``rules.reference``) and must agree with our
fast counting. Exits 1 if any file disagrees or cannot be read.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coproduce.budgets.pabulib import PabulibError, read  # noqa: E402  (no Django)
from coproduce.budgets.rules import (  # noqa: E402
    Proposal,
    Rule,
    UnsupportedRule,
    reference,
    share_out,
    tie_order,
)

DEFAULT_DIR = Path("/work/shared/data/pabulib")


def _reference(election) -> list[str]:
    proposals = [Proposal(p.id, p.cost) for p in election.projects]
    ballots = [frozenset(vote.approved) for vote in election.votes]
    votes = {p.id: 0 for p in proposals}
    for ballot in ballots:
        for item_id in ballot:
            votes[item_id] += 1
    ranked = sorted(
        range(len(proposals)), key=lambda i: tie_order(proposals[i], votes[proposals[i].id], i)
    )
    items = [(proposals[i].id, proposals[i].cost) for i in ranked]
    if Rule(election.rule) is Rule.GREEDY:
        return reference.greedy(items, ballots, votes, election.budget)
    return list(reference.equal_shares_add1(items, ballots, votes, election.budget).selected)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--no-reference", action="store_true", help="skip pabutools (faster)")
    args = parser.parse_args()
    files = sorted(args.dir.glob("*.pb"))
    if not files:
        print(f"No .pb files in {args.dir}")
        return 1
    header = f"{'file':<62} {'rule':<17} {'voters':>7} {'ours == city':>12} {'time':>8}"
    if not args.no_reference:
        header += f" {'pabutools == ours':>17} {'pabutools':>9}"
    print(header)
    agree = 0
    failures = 0
    for path in files:
        try:
            election = read(path)
            started = time.perf_counter()
            outcome = share_out(
                proposals=[Proposal(p.id, p.cost) for p in election.projects],
                ballots=[vote.approved for vote in election.votes],
                budget=election.budget,
                rule=election.rule or "",
            )
            took = time.perf_counter() - started
        except (PabulibError, UnsupportedRule) as problem:
            print(f"{path.name:<62} cannot count: {problem}")
            failures += 1
            continue
        official = election.official
        same = official is not None and set(official) == set(outcome.selected)
        agree += same
        failures += not same
        row = (
            f"{path.name:<62} {election.rule:<17} {len(election.votes):>7,} "
            f"{'yes' if same else 'NO':>12} {took * 1000:>6.0f}ms"
        )
        if not args.no_reference:
            started = time.perf_counter()
            checked = _reference(election)
            slow = time.perf_counter() - started
            matches = checked == outcome.selected
            failures += not matches
            row += f" {'yes' if matches else 'NO':>17} {slow * 1000:>7.0f}ms"
        print(row)
    print(f"{agree} of {len(files)} elections picked exactly as the city did.")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
