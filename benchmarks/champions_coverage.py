"""Server time and query counts of the street champions coverage pages on the large borough.

    .venv/bin/python benchmarks/champions_coverage.py --keep var/bench-champions.sqlite3
    script/with-postgres .venv/bin/python benchmarks/champions_coverage.py

Seeds only what coverage reads (wards, streets, people with their streets, demo accounts)
and then the champions demo part, unless the database already has them. Then the public
page (every ward, one ward, deep pages), the officer page and both CSV files are each asked
for several times after a warm-up. Target (issue 15): under 200 ms.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 200.0
NEEDED = ("wards", "streets", "people", "demo_accounts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--keep", help="SQLite file to seed once and reuse.")
    parser.add_argument("--runs", type=int, default=10)
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


def _seed(size_name: str) -> None:
    from coproduce.champions.models import StreetChampion
    from coproduce.demo import services as demo_services
    from coproduce.demo.parts import PARTS
    from coproduce.demo.parts import champions as demo_champions
    from coproduce.demo.sizes import SIZES
    from coproduce.people.models import Profile

    ctx = demo_services.demo_context(size=SIZES[size_name], seed=1, write=lambda line: None)
    if not Profile.objects.exists():
        without = frozenset(part.name for part in PARTS if part.name not in NEEDED)
        demo_services.demo_build(ctx, without=without)
    if not StreetChampion.objects.exists():
        demo_champions.build(ctx)


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Permission
    from django.db import connection
    from django.test import Client

    from coproduce.accounts.models import User
    from coproduce.champions.models import StreetChampion
    from coproduce.people.models import Profile
    from coproduce.places.models import Street, Ward

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    _seed(args.size)
    print(f"database        {connection.vendor}")
    print(f"seed (if empty) {time.perf_counter() - started:.1f} s")
    covered = StreetChampion.objects.filter(ended_at__isnull=True).values("street").distinct()
    print(
        f"people {Profile.objects.count():,}, streets {Street.objects.count():,}, "
        f"covered {covered.count():,}"
    )
    officer, _ = User.objects.get_or_create(email="bench-officer@example.org")
    officer.user_permissions.add(Permission.objects.get(codename="approve_champion"))
    visitor, staff = Client(), Client()
    staff.force_login(officer)
    ward = Ward.objects.order_by("pk").values_list("slug", flat=True).first()
    cases = [
        ("public", visitor, "/street-champions/", {}),
        ("public ward", visitor, "/street-champions/", {"ward": ward}),
        ("public page 30", visitor, "/street-champions/", {"page": "30", "sort": "people"}),
        ("public csv", visitor, "/street-champions/coverage.csv", {}),
        ("officer", staff, "/street-champions/officer/coverage/", {}),
        ("officer csv", staff, "/street-champions/officer/coverage.csv", {}),
    ]
    for name, client, url, params in cases:
        results = [_time(client, url, params) for _ in range(args.runs)]
        times = sorted(t for t, _q in results)
        queries = sorted({q for _t, q in results})
        median = statistics.median(times)
        verdict = "ok" if median < TARGET_MS else "SLOW"
        print(
            f"{name:<15} median {median:6.1f} ms, max {times[-1]:6.1f} ms, "
            f"queries {queries} {verdict}"
        )


if __name__ == "__main__":
    main()
