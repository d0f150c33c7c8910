"""Server time of a ward's "you said, we did" page with 20,000 council responses.

    .venv/bin/python benchmarks/yousaid.py
    cp /work/bench/large.sqlite3 /tmp/yousaid-large.sqlite3
    .venv/bin/python benchmarks/yousaid.py --db /tmp/yousaid-large.sqlite3
    script/with-postgres .venv/bin/python benchmarks/yousaid.py

With --db, an SQLite copy of the large demo borough is migrated and used (its 24 wards); else a
fresh database gets 24 wards of its own. The benchmark adds 20,000 responses spread over the
wards (a third done, some overdue, some about a service) with their history, then asks for one
ward's list (first page, a later page, only overdue ones) as a visitor through the Django test
client, after one warm-up ask. Target (issue 17): median under 50 ms.
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
    parser.add_argument("--responses", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", help="an SQLite file to use (a copy of the large borough)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.db:
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(args.db).resolve()}"
        elif not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _figures(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(int(len(times) * 0.95) - 1, 0)]
    return f"median {statistics.median(times):6.1f} ms, p95 {p95:6.1f} ms"


def _seed(count: int):
    from datetime import timedelta

    from django.utils import timezone

    from coproduce.accounts.models import User
    from coproduce.directory.models import Service
    from coproduce.places.models import Ward
    from coproduce.yousaid.models import CouncilResponse, ResponseChange

    rng = random.Random(17)
    wards = list(Ward.objects.order_by("pk"))
    if not wards:
        wards = Ward.objects.bulk_create(
            Ward(name=f"Bench ward {n}", slug=f"bench-ward-{n}") for n in range(24)
        )
    services = list(Service.objects.order_by("pk").values_list("pk", flat=True)[:200])
    # A second run on the same copy starts again from the same 20,000 (no pile of earlier
    # runs' responses, and the benchmark's officer is made once).
    CouncilResponse.objects.filter(written_by__email="bench-yousaid@example.org").delete()
    officer = User.objects.filter(email="bench-yousaid@example.org").first()
    officer = officer or User.objects.create_user(email="bench-yousaid@example.org", password=None)
    today = timezone.localdate()
    statuses = ["planned", "in_progress", "done", "done", "not_doing"]
    made = []
    for n in range(count):
        status = rng.choice(statuses)
        due = today + timedelta(days=rng.randint(-200, 200))
        made.append(
            CouncilResponse(
                source=rng.choice(["survey", "conversation", "feedback"]),
                item_id=rng.randint(1, 5_000),
                item_title=f"What would make the high street better? {n}",
                ward=wards[n % len(wards)],
                service_id=rng.choice(services) if services and n % 3 == 0 else None,
                heard="People want more benches and better lighting by the bus station.",
                will_change="We will put in ten benches and brighter lights on the main path.",
                due_on=due,
                status=status,
                did_change="Ten benches are in." if status == "done" else "",
                done_on=due if status == "done" else None,
                not_doing_reason="No money this year." if status == "not_doing" else "",
                written_by=officer,
                owner=officer,
            )
        )
    responses = CouncilResponse.objects.bulk_create(made, batch_size=2_000)
    ResponseChange.objects.bulk_create(
        (ResponseChange(response=r, kind="recorded", by=officer) for r in responses),
        batch_size=2_000,
    )
    return wards[0]


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from coproduce.testing.timing import time_page
    from coproduce.yousaid.models import CouncilResponse

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    begun = time.perf_counter()
    ward = _seed(args.responses)
    seeded = time.perf_counter() - begun
    in_ward = CouncilResponse.objects.filter(ward=ward).count()
    url = reverse("yousaid:ward", args=[ward.slug])
    visitor = Client()
    first, queries = time_page(visitor, url, args.runs)
    later, _ = time_page(visitor, f"{url}?page=10", args.runs)
    overdue, _ = time_page(visitor, f"{url}?status=overdue", args.runs)
    ward_page, ward_queries = time_page(visitor, reverse("site:ward_detail", args=[ward.slug]), 5)
    median = max(statistics.median(first), statistics.median(later), statistics.median(overdue))
    print(f"database        {connection.vendor}")
    print(f"responses       {args.responses:,} ({in_ward:,} in the ward), seeded in {seeded:.1f} s")
    print(f"ward list       {_figures(first)} first page, {queries} queries")
    print(f"ward list       {_figures(later)} page 10")
    print(f"ward list       {_figures(overdue)} overdue only")
    print(f"ward page       {_figures(ward_page)} (with its panel, 5 asks), {ward_queries} queries")
    print(f"target          {'met' if median < TARGET_MS else 'MISSED'} (median < 50 ms)")


if __name__ == "__main__":
    main()
