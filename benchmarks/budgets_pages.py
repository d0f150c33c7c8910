"""Server time and query counts of the sharing-out pages on a large round, and the time to
work out its result.

    .venv/bin/python benchmarks/budgets_pages.py
    .venv/bin/python benchmarks/budgets_pages.py --voters 50000 --proposals 200 --rule greedy
    script/with-postgres .venv/bin/python benchmarks/budgets_pages.py

A round for the whole borough is made with `--proposals` eligible proposals and `--voters`
ballots (each choosing a few proposals, popular ones more often), its result is worked out
through the service (the rules, the result lines, and a project for each winner), and then
the result page, the CSV, the round page, a proposal page and the list of rounds are each
asked for `--asks` times after one warm-up, as a visitor and signed in.
A result never changes once worked out, so its part of the page is rendered once per
language and cached: "result, first" is the page with the cache emptied before each ask
(as the first visitor after the result sees it), "result page" as everyone after sees it.
Target (issue 14): result page median under 100 ms.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100.0
LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--voters", type=int, default=50_000)
    parser.add_argument("--proposals", type=int, default=200)
    parser.add_argument(
        "--rule", choices=["greedy", "equalshares/add1"], default="equalshares/add1"
    )
    parser.add_argument("--asks", type=int, default=30)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _time(client, url: str, asks: int, *, cold: bool = False) -> tuple[list[float], int]:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times, queries = [], 0
    for _ in range(asks):
        if cold:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            begun = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - begun) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        queries = len(captured)
    return sorted(times), queries


def _make_round(args):
    from django.contrib.auth.models import Permission
    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.budgets.models import Ballot, BallotChoice, Proposal, Round, RoundOwner

    rng = random.Random(args.seed)
    officer = User.objects.create(email="bench-officer@example.org", display_name="Officer")
    officer.user_permissions.add(Permission.objects.get(codename="run_rounds"))
    today = timezone.localdate()
    budget_round = Round.objects.create(
        title="Borough budget",
        purpose="A large round for the benchmark.",
        budget=1_000_000,
        unit="pounds",
        borough_wide=True,
        who_may_propose=Round.WhoMayPropose.ANYONE,
        who_may_vote=Round.WhoMayVote.ANYONE,
        ballot=Round.Ballot.APPROVAL,
        rule=args.rule,
        proposals_from=today - timedelta(days=60),
        proposals_until=today - timedelta(days=40),
        voting_from=today - timedelta(days=20),
        voting_until=today - timedelta(days=1),
        result_by=today + timedelta(days=7),
        created_by=officer,
    )
    RoundOwner.objects.create(budget_round=budget_round, user=officer)
    proposals = Proposal.objects.bulk_create(
        [
            Proposal(
                budget_round=budget_round,
                title=f"Proposal number {n} for the borough",
                description="Something many people in the borough asked for. " * 3,
                theme="spaces",
                cost=rng.randrange(5_000, 80_000, 500),
                status=Proposal.Status.ELIGIBLE,
            )
            for n in range(args.proposals)
        ]
    )
    # Popularity falls off with rank, as in real rounds; each voter chooses 1 to 10.
    weights = [1 / (rank + 5) for rank in range(len(proposals))]
    rng.shuffle(weights)
    ballots = Ballot.objects.bulk_create(
        [Ballot(budget_round=budget_round) for _ in range(args.voters)], batch_size=5_000
    )
    choices = []
    for ballot in ballots:
        picked = set(rng.choices(proposals, weights=weights, k=rng.randint(1, 10)))
        choices.extend(BallotChoice(ballot=ballot, proposal=p) for p in picked)
    BallotChoice.objects.bulk_create(choices, batch_size=10_000)
    return officer, budget_round, proposals, len(choices)


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from coproduce.accounts.models import User
    from coproduce.budgets.services import result_work_out

    settings.ALLOWED_HOSTS = ["testserver"]
    # The tests' settings cache nothing; production's default is a cache in each process.
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": LOCMEM}}
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    officer, budget_round, proposals, choices = _make_round(args)
    print(f"database        {connection.vendor}")
    print(
        f"round           {args.proposals} proposals, {args.voters:,} ballots, "
        f"{choices:,} choices, rule {args.rule} (made in {time.perf_counter() - started:.1f} s)"
    )
    started = time.perf_counter()
    result = result_work_out(budget_round=budget_round, by=officer)
    print(
        f"work out        {time.perf_counter() - started:.2f} s "
        f"({result.lines.filter(selected=True).count()} chosen, each made a project)"
    )
    visitor, member = Client(), Client()
    member.force_login(User.objects.create(email="bench-resident@example.org"))
    pages = [
        ("result, first", f"/sharing-out/rounds/{budget_round.pk}/result/"),
        ("result page", f"/sharing-out/rounds/{budget_round.pk}/result/"),
        ("result csv", f"/sharing-out/rounds/{budget_round.pk}/result.csv"),
        ("round page", f"/sharing-out/rounds/{budget_round.pk}/"),
        ("proposal page", f"/sharing-out/proposals/{proposals[0].pk}/"),
        ("list of rounds", "/sharing-out/"),
    ]
    worst = 0.0
    for name, client in (("visitor", visitor), ("signed in", member)):
        for what, url in pages:
            times, queries = _time(client, url, args.asks, cold=what == "result, first")
            median = statistics.median(times)
            if what == "result page":
                worst = max(worst, median)
            print(
                f"{name:<9} {what:<14} median {median:6.1f} ms, "
                f"p95 {times[int(len(times) * 0.95) - 1]:6.1f} ms, queries {queries}"
            )
    verdict = "meets" if worst < TARGET_MS else "MISSES"
    print(f"result page median {worst:.1f} ms {verdict} the {TARGET_MS:.0f} ms target")


if __name__ == "__main__":
    main()
