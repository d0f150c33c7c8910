"""Server time and query counts of the project list and project page on the large borough.

    .venv/bin/python benchmarks/projects.py --keep var/bench-large.sqlite3
    script/with-postgres .venv/bin/python benchmarks/projects.py

The borough is seeded (`seed_demo --if-empty`, 10,000 projects and about a million
interactions on `large`). Then the list (filters, sorts, deep pages) and 200 project pages
(the busiest first) are asked for, as a visitor and signed in, each after one warm-up ask.
Targets (issue 5): median under 50 ms, and the same number of queries whatever the data.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--keep", help="SQLite file to seed once and reuse.")
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.keep or not os.environ.get("DATABASE_URL"):
            path = Path(args.keep).resolve() if args.keep else Path(folder) / "bench.sqlite3"
            os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _time(client, url: str, params: dict | None = None) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        begun = time.perf_counter()
        response = client.get(url, params)
        took = (time.perf_counter() - begun) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} {params} answered {response.status_code}")
    return took, len(queries)


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from coproduce.accounts.models import User
    from coproduce.discussion.models import Comment
    from coproduce.projects.models import Appreciation, Contribution, Follow, Project

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", size=args.size, if_empty=True, no_progress=True, stdout=StringIO())
    interactions = Appreciation.objects.count() + Follow.objects.count()
    interactions += Contribution.objects.count() + Comment.objects.count()
    print(f"database        {connection.vendor}")
    print(f"seed (if empty) {time.perf_counter() - started:.1f} s")
    print(f"projects        {Project.objects.count():,}, interactions {interactions:,}")

    rng = random.Random(1)
    visitor, member = Client(), Client()
    member.force_login(User.objects.filter(email__startswith="resident-").first())
    list_params = [
        {},
        {"sort": "appreciated"},
        {"status": "active"},
        {"theme": "food"},
        {"q": "orchard"},
        {"page": "200"},
        {"status": "completed", "sort": "appreciated"},
    ]
    busiest = list(
        Project.objects.annotate(n=Count("appreciations"))
        .order_by("-n")
        .values_list("pk", flat=True)[: args.pages // 2]
    )
    others = list(Project.objects.values_list("pk", flat=True))
    pages = busiest + rng.sample(others, args.pages - len(busiest))
    for name, client in (("visitor", visitor), ("signed in", member)):
        lists = [_time(client, "/projects/", p) for p in list_params for _ in range(3)]
        details = [_time(client, f"/projects/{pk}/") for pk in pages]
        for what, results in (("list", lists), ("project page", details)):
            times = sorted(t for t, _q in results)
            queries = {q for _t, q in results}
            print(
                f"{name:<9} {what:<13} median {statistics.median(times):5.1f} ms, "
                f"p95 {times[int(len(times) * 0.95) - 1]:5.1f} ms, queries {sorted(queries)}"
            )


if __name__ == "__main__":
    main()
