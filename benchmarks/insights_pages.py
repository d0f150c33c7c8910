"""Server time of the "who is not yet connected" pages on the large borough.

    .venv/bin/python benchmarks/insights_pages.py --keep var/bench-large.sqlite3
    script/with-postgres .venv/bin/python benchmarks/insights_pages.py

The borough is seeded (`seed_demo --if-empty`; `large` is 100,000 people). Each page is
asked for by an officer, after one request of each page to load the code and templates:
--cold-runs times with an empty cache (cold, as when the counts are made again after a
change, once INSIGHTS_SETTLE_SECONDS has passed), then --runs times with the cache filled
(warm). The benchmark caches in local memory, as the site does by default (the test settings
cache nothing). Target (issue 15): under 200 ms.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 200.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--keep", help="SQLite file to seed once and reuse.")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cold-runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.keep or not os.environ.get("DATABASE_URL"):
            path = Path(args.keep).resolve() if args.keep else Path(folder) / "bench.sqlite3"
            os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings
    from django.urls import reverse

    from coproduce.accounts.models import User
    from coproduce.accounts.roles import Role
    from coproduce.groups.models import Membership
    from coproduce.people.models import Profile
    from coproduce.places.models import Ward

    settings.ALLOWED_HOSTS = ["testserver"]
    # The test settings cache nothing; the site caches in local memory by default (or in
    # CACHE_URL). Measure with a real cache, so "warm" means what it says.
    override_settings(
        CACHES={
            **settings.CACHES,
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": "insights-bench",
            },
        }
    ).enable()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", size=args.size, if_empty=True, no_progress=True, stdout=StringIO())
    print(f"database        {connection.vendor}")
    print(f"seed (if empty) {time.perf_counter() - started:.1f} s")
    profiles, memberships = Profile.objects.count(), Membership.objects.count()
    print(f"profiles        {profiles:,}, memberships {memberships:,}")
    officer = User.objects.filter(groups__name=str(Role.OFFICER), is_active=True).first()
    if officer is None:
        raise SystemExit("The demo borough has no officer to sign in as.")
    client = Client()
    client.force_login(officer)
    ward = Ward.objects.order_by("pk").first()
    pages = {
        "overview": reverse("insights:overview"),
        "ward": reverse("insights:ward", args=[ward.pk]),
        "groups": reverse("insights:groups"),
        "go-to people": reverse("insights:go_to_people"),
        "csv": reverse("insights:people_by_ward_csv"),
    }
    for url in pages.values():  # the process's first requests load templates and code
        status = client.get(url).status_code
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
    failed = cold_failed = False
    for name, url in pages.items():
        cold = []
        for _run in range(args.cold_runs):
            cache.clear()  # as after a change, once settled: every count is worked out again
            begun = time.perf_counter()
            client.get(url)
            cold.append((time.perf_counter() - begun) * 1000)
        warm = []
        for _run in range(args.runs):
            begun = time.perf_counter()
            client.get(url)
            warm.append((time.perf_counter() - begun) * 1000)
        median, p95 = statistics.median(warm), _percentile(warm, 0.95)
        failed |= median > TARGET_MS
        cold_failed |= statistics.median(cold) > TARGET_MS
        print(
            f"{name:14s} cold median {statistics.median(cold):7.1f} ms (max {max(cold):7.1f})"
            f"   warm median {median:7.1f} ms   p95 {p95:7.1f} ms"
        )
    print("target          warm median under 200 ms:", "missed" if failed else "met")
    print("                cold median under 200 ms:", "missed" if cold_failed else "met")


if __name__ == "__main__":
    main()
