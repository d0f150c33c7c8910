"""Server time and payload of the map API on the large demo borough, and the map page's weight.

    .venv/bin/python benchmarks/map_api.py                      # temporary SQLite file
    .venv/bin/python benchmarks/map_api.py --database-url postgres://...
    .venv/bin/python benchmarks/map_api.py --keep var/bench-large.sqlite3   # reuse a seeded file
    script/with-postgres .venv/bin/python benchmarks/map_api.py   # a throwaway PostgreSQL

The borough is seeded (`seed_demo --if-empty`) and then asked for many viewports: the whole
borough at every zoom from 10 to 19, and screen-sized views (1280 x 800 pixels) at random
places and zooms, with and without filters. Server time is the time Django takes to answer
one request in this process (middleware, query, JSON), measured on the second and later
asks so that a cold cache does not count. Targets (issue 3): median < 30 ms, p95 < 80 ms,
largest payload < 150 KB; the map page's own JavaScript and CSS < 150 KB compressed.
"""

import argparse
import gzip
import os
import random
import re
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = (1280, 800)
TARGETS = {"median_ms": 30.0, "p95_ms": 80.0, "payload_kb": 150.0, "page_kb": 150.0}
FILTERS = [
    {},
    {"layers": "places"},
    {"layers": "people"},
    {"kind": "green_space"},
    {"step_free": "1"},
    {"open_now": "1"},
    {"q": "library"},
    {"skill": "first-aid"},
    {"kind": "building", "step_free": "1", "open_now": "1"},
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument(
        "--database-url", help="Default: $DATABASE_URL if set, else a temporary SQLite file."
    )
    parser.add_argument("--keep", help="SQLite file to seed once and reuse on later runs.")
    parser.add_argument("--requests", type=int, default=600, help="Random viewports to ask.")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        if args.database_url:
            os.environ["DATABASE_URL"] = args.database_url
        elif os.environ.get("DATABASE_URL") and not args.keep:
            pass  # for example under script/with-postgres
        else:
            path = Path(args.keep).resolve() if args.keep else Path(folder) / "bench.sqlite3"
            os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        # Test settings: DEBUG off (no query log slowing each request) and static files found
        # without collectstatic; the database is the one chosen above.
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args)


def run(args) -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from coproduce.places.models import Place, Ward

    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("seed_demo", size=args.size, if_empty=True, no_progress=True, stdout=StringIO())
    print(f"database        {connection.vendor}")
    print(f"seed (if empty) {time.perf_counter() - started:.1f} s")
    print(f"places          {Place.objects.exclude(kind='room').count():,} (rooms not counted)")

    client = Client()
    borough = _borough_bbox(Ward)
    views = _viewports(random.Random(args.seed), borough, args.requests)
    times, sizes, clustered = [], [], 0
    for params in views:
        client.get("/api/map/features", params)  # warm: the first ask fills caches
        begun = time.perf_counter()
        response = client.get("/api/map/features", params)
        times.append((time.perf_counter() - begun) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{params} answered {response.status_code}: {response.content!r}")
        sizes.append(len(response.content) / 1024)
        clustered += b'"cluster": true' in response.content or b'"cluster":true' in response.content
    times.sort()
    figures = {
        "median_ms": statistics.median(times),
        "p95_ms": times[int(len(times) * 0.95) - 1],
        "payload_kb": max(sizes),
        "page_kb": _page_weight(client),
    }
    print(f"requests        {len(times)} ({clustered} with clusters)")
    print(
        f"server time     median {figures['median_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms,"
        f" max {times[-1]:.1f} ms"
    )
    print(f"payload         median {statistics.median(sizes):.1f} KB, max {max(sizes):.1f} KB")
    print(f"map page JS+CSS {figures['page_kb']:.1f} KB gzipped")
    missed = [name for name, limit in TARGETS.items() if figures[name] >= limit]
    print("targets         " + ("all met" if not missed else "MISSED: " + ", ".join(missed)))
    connection.close()
    if missed:
        sys.exit(1)


def _borough_bbox(ward_model) -> tuple[float, float, float, float]:
    points = [
        point for ward in ward_model.objects.all() for point in ward.boundary["coordinates"][0]
    ]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def _viewports(rng: random.Random, borough, count: int) -> list[dict]:
    from coproduce.common.webmercator import from_unit, to_unit

    west, south, east, north = borough
    views = []
    for zoom in range(10, 20):  # the whole borough at every zoom
        for filters in FILTERS:
            views.append({"bbox": f"{west},{south},{east},{north}", "zoom": zoom, **filters})
    for _ in range(count):
        zoom = rng.randint(11, 19)
        lat, lon = rng.uniform(south, north), rng.uniform(west, east)
        x, y = to_unit(lat, lon)
        half_w, half_h = (n / 2 / (256 * 2**zoom) for n in SCREEN)
        top, left = from_unit(x - half_w, y - half_h)
        bottom, right = from_unit(x + half_w, y + half_h)
        bbox = f"{left:.5f},{bottom:.5f},{right:.5f},{top:.5f}"
        views.append({"bbox": bbox, "zoom": zoom, **rng.choice(FILTERS)})
    return views


def _page_weight(client) -> float:
    """Gzipped size of every script and stylesheet the map page loads (tiles excluded)."""
    from django.contrib.staticfiles import finders

    html = client.get("/map/").content.decode()
    total = 0
    for url in re.findall(r'(?:src|href)="(/static/[^"]+\.(?:m?js|css))"', html):
        path = finders.find(url.removeprefix("/static/"))
        total += len(gzip.compress(Path(path).read_bytes(), compresslevel=9))
    # Files that scripts import (GOV.UK Frontend's bundle, imported by init.mjs).
    for module in re.findall(r'src="/static/([^"]+\.mjs)"', html):
        source = Path(finders.find(module)).read_text()
        for imported in re.findall(r'from "([^"]+)"', source):
            target = (Path("/") / Path(module).parent / imported).resolve().relative_to("/")
            found = finders.find(str(target))
            if found:
                total += len(gzip.compress(Path(found).read_bytes(), compresslevel=9))
    branding = client.get("/branding.css").content
    total += len(gzip.compress(branding, compresslevel=9))
    return total / 1024


if __name__ == "__main__":
    main()
