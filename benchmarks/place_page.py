"""Server time and query counts of a place's page on the large borough.

    .venv/bin/python benchmarks/place_page.py --keep var/bench-large.sqlite3
    script/with-postgres .venv/bin/python benchmarks/place_page.py

The borough is seeded if empty (`seed_demo --if-empty`). The "what happens here" panels
(events, groups, services, projects, bookable rooms) are registered as their apps'
AppConfig.ready() registers them. Then 200 place pages are asked for, the busiest places
first (most events, groups, services, projects and rooms), as a visitor and signed in, each
after one warm-up ask. Target (issue 16): median under 30 ms; the same number of queries
whatever the place holds.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 30.0


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


def _time(client, url: str) -> tuple[float, float, int]:
    """Wall-clock and CPU milliseconds of one ask (after a warm-up), and its query count.

    CPU time is this process's own: on a shared, busy machine the wall clock also counts
    the time spent waiting for a processor, and CPU time shows what the page itself costs
    (SQLite runs in this process, so its work is counted too)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        begun, begun_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        took = (time.perf_counter() - begun) * 1000
        took_cpu = (time.process_time() - begun_cpu) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return took, took_cpu, len(queries)


def _register_panels() -> None:
    from coproduce.bookings.place_panel import rooms_panel
    from coproduce.common import panels
    from coproduce.directory.place_panel import services_panel
    from coproduce.gatherings.place_panel import events_panel
    from coproduce.groups.place_panel import groups_panel
    from coproduce.projects.place_panel import projects_panel

    for panel in (events_panel, groups_panel, services_panel, projects_panel, rooms_panel):
        panels.register("place", panel)  # once, however often


def _busiest(limit: int) -> list[int]:
    """Listed places by how much happens at them (counted per table, not over joins)."""
    from coproduce.bookings.models import BookableRoom
    from coproduce.directory.models import ServiceAtLocation
    from coproduce.gatherings.models import Event
    from coproduce.groups.models import Organisation
    from coproduce.places.models import Place
    from coproduce.projects.models import Project

    score: Counter[int] = Counter()
    building_of = dict(
        Place.objects.filter(building__isnull=False).values_list("pk", "building_id")
    )
    for model, field in (
        (Event, "place_id"),
        (Organisation, "base_id"),
        (ServiceAtLocation, "place_id"),
        (Project, "place_id"),
        (BookableRoom, "place_id"),
    ):
        for pk in model.objects.filter(**{f"{field}__isnull": False}).values_list(field, flat=True):
            score[building_of.get(pk, pk)] += 1
    listed = set(Place.objects.filter(is_listed=True).values_list("pk", flat=True))
    return [pk for pk, _n in score.most_common() if pk in listed][:limit]


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from coproduce.accounts.models import User
    from coproduce.places.models import Place

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", size=args.size, if_empty=True, no_progress=True, stdout=StringIO())
    _register_panels()
    print(f"database        {connection.vendor}")
    print(f"seed (if empty) {time.perf_counter() - started:.1f} s")
    print(f"places          {Place.objects.count():,}")

    busiest = _busiest(args.pages // 2)
    others = list(Place.objects.filter(is_listed=True).values_list("pk", flat=True))
    rng = random.Random(1)
    pages = busiest + rng.sample(others, args.pages - len(busiest))
    visitor, member = Client(), Client()
    member.force_login(User.objects.filter(email__startswith="resident-").first())
    worst = None
    for name, client in (("visitor", visitor), ("signed in", member)):
        for what, pks in (("busiest half", busiest), ("all asked", pages)):
            results = [_time(client, f"/places/{pk}/") for pk in pks]
            times = sorted(t for t, _c, _q in results)
            cpu = sorted(c for _t, c, _q in results)
            queries = sorted({q for _t, _c, q in results})
            median = statistics.median(times)
            worst = max(worst or 0.0, median)
            print(
                f"{name:<9} {what:<12} median {median:5.1f} ms, "
                f"p95 {times[int(len(times) * 0.95) - 1]:5.1f} ms, "
                f"CPU median {statistics.median(cpu):5.1f} ms, queries {queries}"
            )
    verdict = "under" if worst < TARGET_MS else "OVER"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"worst median {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target "
        f"(load average {load:.1f} on {os.cpu_count()} processors)"
    )


if __name__ == "__main__":
    main()
