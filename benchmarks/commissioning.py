"""Server time of a service choice panel's score sheet (and a member's page once scores are
unsealed, and the public page), on the large borough.

    cp /work/bench/large.sqlite3 /tmp/commissioning-large.sqlite3
    .venv/bin/python benchmarks/commissioning.py --database /tmp/commissioning-large.sqlite3
    .venv/bin/python benchmarks/commissioning.py            # an empty database instead
    script/with-postgres .venv/bin/python benchmarks/commissioning.py

The database is migrated, then gets one more panel: 8 criteria, 3 bids and 15 members (one
with a declared interest in one bid), every member's scores with reasons, all submitted.
Each page is asked for through the Django test client after one warm-up ask and timed.
Target (issue 17): the score sheet's median under 50 ms.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="An SQLite file (a copy of the large borough).")
    parser.add_argument("--members", type=int, default=15)
    parser.add_argument("--bids", type=int, default=3)
    parser.add_argument("--criteria", type=int, default=8)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.database:
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(args.database).resolve()}"
        elif not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _figures(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    return f"median {statistics.median(times):6.1f} ms, p95 {p95:6.1f} ms"


def _seed(args):
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.commissioning.models import (
        Bid,
        Criterion,
        Declaration,
        Member,
        Panel,
        Score,
    )

    rng = random.Random(17)
    stamp = int(time.time())
    officer = User.objects.create_user(email=f"bench-officer-{stamp}@example.org", password=None)
    officer.groups.add(Group.objects.get(name="officer"))
    panel = Panel.objects.create(
        title="Youth services for the next three years",
        why="Contracts end.",
        budget="About £450,000 a year.",
        timetable="Decided in May.",
        status=Panel.Status.PUBLISHED,
        published_at=timezone.now(),
        created_by=officer,
    )
    panel.officers.add(officer)
    weights = [100 // args.criteria] * args.criteria
    weights[0] += 100 - sum(weights)
    criteria = [
        Criterion.objects.create(panel=panel, title=f"Criterion {n}", weight=w, position=n)
        for n, w in enumerate(weights, start=1)
    ]
    bids = [
        Bid.objects.create(panel=panel, bidder=f"Bidder {n}", public_summary="Youth clubs.")
        for n in range(args.bids)
    ]
    people = User.objects.bulk_create(
        User(email=f"bench-member-{stamp}-{n}@example.org", display_name=f"Member {n}")
        for n in range(args.members)
    )
    members = Member.objects.bulk_create(
        Member(
            panel=panel,
            user=person,
            status=Member.Status.ACTIVE,
            joined_at=timezone.now(),
            submitted_at=timezone.now(),
        )
        for person in people
    )
    declarations, scores = [], []
    for n, member in enumerate(members):
        for b, bid in enumerate(bids):
            interest = n == 0 and b == 0
            declarations.append(
                Declaration(member=member, bid=bid, has_interest=interest, details="x" * interest)
            )
            if interest:
                continue
            scores.extend(
                Score(
                    member=member,
                    bid=bid,
                    criterion=criterion,
                    score=rng.randint(0, 5),
                    reason="They go out to the estates and open late on Fridays.",
                )
                for criterion in criteria
            )
    Declaration.objects.bulk_create(declarations)
    Score.objects.bulk_create(scores)
    return panel, officer, people[1], len(scores)


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from coproduce.accounts.models import User
    from coproduce.commissioning.models import Score
    from coproduce.testing.timing import time_page

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    panel, officer, member, scores = _seed(args)
    officer_client, member_client, visitor = Client(), Client(), Client()
    officer_client.force_login(officer)
    member_client.force_login(member)
    sheet, sheet_queries = time_page(
        officer_client, reverse("commissioning:sheet", args=[panel.pk]), args.runs
    )
    mine, mine_queries = time_page(
        member_client, reverse("commissioning:score", args=[panel.pk]), args.runs
    )
    public, public_queries = time_page(
        visitor, reverse("commissioning:detail", args=[panel.pk]), args.runs
    )
    print(
        f"database        {connection.vendor}, {User.objects.count():,} accounts, "
        f"{Score.objects.count():,} scores in all"
    )
    print(
        f"panel           {args.members} members, {args.bids} bids, {args.criteria} criteria, "
        f"{scores} scores"
    )
    print(f"score sheet     {_figures(sheet)} as the running officer, {sheet_queries} queries")
    print(f"member's page   {_figures(mine)} after submitting, {mine_queries} queries")
    print(f"public page     {_figures(public)} as a visitor, {public_queries} queries")
    met = statistics.median(sheet) < TARGET_MS
    print(f"target          {'met' if met else 'MISSED'} (score sheet median < 50 ms)")


if __name__ == "__main__":
    main()
