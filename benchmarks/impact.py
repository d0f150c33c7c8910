"""Server time of the impact pages (issue 18): the public borough page, the busiest ward's
public page and the officers' borough page.

    .venv/bin/python benchmarks/impact.py --database /tmp/impact-large.sqlite3
        (a copy of the large borough: cp /work/bench/large.sqlite3 /tmp/impact-large.sqlite3)
    .venv/bin/python benchmarks/impact.py --size medium   (builds a medium borough first)
    script/with-postgres .venv/bin/python benchmarks/impact.py --size large

With `--database`, that SQLite file is migrated and used; a demo borough of `--size` is built
in it first when it has no wards (and kept there for the next run). Without it, the
DATABASE_URL database (or a new SQLite file) is used the same way. The pages keep their
counts in the shared cache per ward and day; the tests' settings have no cache, so here the
default cache is a local-memory one, as on a single server (a shared cache such as Redis adds
one round trip). Each page is timed once with an empty cache (every count worked out), then,
after one warm-up, `--runs` times. Target: median under 100 ms.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="A SQLite copy of a demo borough to use.")
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
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


def _borough(size: str) -> float:
    from coproduce.demo import services as demo_services
    from coproduce.demo.sizes import SIZES
    from coproduce.places.models import Ward

    if Ward.objects.exists():
        return 0.0
    begun = time.perf_counter()
    ctx = demo_services.demo_context(size=SIZES[size], seed=1, write=lambda line: None)
    demo_services.demo_build(ctx)
    return time.perf_counter() - begun


def _busiest_ward():
    from django.db.models import Count

    from coproduce.places.models import Ward

    return Ward.objects.annotate(n=Count("profiles")).order_by("-n", "pk").first()


def _officer():
    from coproduce.accounts.models import User
    from coproduce.accounts.roles import Role
    from coproduce.accounts.services import user_set_roles

    person = User.objects.filter(is_active=True).order_by("pk").first()
    return user_set_roles(user=person, roles=[Role.OFFICER])


def _cold(client, url: str) -> float:
    from django.core.cache import cache

    cache.clear()
    begun = time.perf_counter()
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return (time.perf_counter() - begun) * 1000


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from coproduce.people.models import Profile
    from coproduce.testing.timing import time_page

    settings.ALLOWED_HOSTS = ["testserver"]
    override_settings(
        CACHES={
            **settings.CACHES,
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        }
    ).enable()
    call_command("migrate", verbosity=0)
    built = _borough(args.size)
    ward = _busiest_ward()
    visitor, officer = Client(), Client()
    officer.force_login(_officer())
    pages = [
        ("public borough", visitor, reverse("impact:borough")),
        ("public ward", visitor, reverse("impact:ward", args=[ward.pk])),
        ("officer borough", officer, reverse("impact:officer_borough")),
    ]
    print(f"database        {connection.vendor}")
    print(f"borough         {Profile.objects.count():,} profiles; built in {built:.0f} s")
    print(f"ward            {ward.name}")
    medians = []
    for name, client, url in pages:
        cold = _cold(client, url)
        times, queries = time_page(client, url, args.runs)
        medians.append(statistics.median(times))
        print(f"{name:15s} {_figures(times)}, {queries} queries; cold (no cache) {cold:7.1f} ms")
    met = max(medians) < TARGET_MS
    print(f"target          {'met' if met else 'MISSED'} (median < {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main()
