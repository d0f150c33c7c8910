"""CPU time and queries per request for the pages benchmarks/locustfile.py asks (issue 19 item 3).

    .venv/bin/python benchmarks/page_cpu.py --database-url sqlite:////tmp/pages-medium.sqlite3
    .venv/bin/python benchmarks/page_cpu.py --database-url ... --only "map features" --profile

Throughput on this machine is shared with other work, so wall-clock figures are noisy; the
CPU time of this one process much less so. Runs the production settings (DEBUG off, so the cached
template loader; the project's cache) in-process with Django's test Client, which goes
through the whole middleware stack but not the network or gunicorn. Each page is asked a
few times to warm caches, then --rounds rounds of --repeat requests; printed per page:
milliseconds of CPU per request (time.process_time) in the quickest round, and the queries
one request makes. The same ids as load.py: random projects, places, groups and events, the
busiest project, the borough's map box. The database is only read (no write pages are
asked), so the seeded borough can be reused. The sample may pick an event visitors may not
open (a 404, printed): load.py's sample does the same.
--profile prints cProfile's top functions for the chosen pages (use with --only).
"""

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _setup(database_url: str) -> None:
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "coproduce.settings.production",
            "SECRET_KEY": "benchmark-only-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,testserver",
            "HTTPS": "false",
            "RATELIMIT_ENABLE": "false",
            "STAFF_TWO_FACTOR_REQUIRED": "false",
        }
    )
    import django

    django.setup()


def _sample() -> dict:
    from benchmarks.load import SAMPLE_CODE

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(SAMPLE_CODE, {})
    return json.loads(out.getvalue())


def _quarter(sample: dict, corner: int) -> str:
    west, south, east, north = sample["bbox_numbers"]
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    x0, x1 = (west, mid_x) if corner % 2 == 0 else (mid_x, east)
    y0, y1 = (south, mid_y) if corner < 2 else (mid_y, north)
    return f"{x0:.5f},{y0:.5f},{x1:.5f},{y1:.5f}"


def _pages(sample: dict) -> list[tuple[str, str, object]]:
    """(name, who, a function giving the next path), as in locustfile.py."""
    pick = random.choice
    return [
        ("home", "visitor", lambda: "/"),
        ("projects list", "visitor", lambda: f"/projects/?page={random.randint(1, 5)}"),
        ("a project", "visitor", lambda: f"/projects/{pick(sample['projects'])}/"),
        ("the busiest project", "visitor", lambda: f"/projects/{sample['busy_project']}/"),
        ("map page", "visitor", lambda: "/map/"),
        (
            "map features wide",
            "visitor",
            lambda: f"/api/map/features?bbox={sample['bbox']}&zoom=13",
        ),
        (
            "map features quarter",
            "visitor",
            lambda: f"/api/map/features?bbox={_quarter(sample, random.randint(0, 3))}&zoom=14",
        ),
        ("places list", "visitor", lambda: f"/map/?layers=places&page={random.randint(1, 20)}"),
        ("a place", "visitor", lambda: f"/places/{pick(sample['places'])}/"),
        ("groups list", "visitor", lambda: f"/groups/?page={random.randint(1, 5)}"),
        ("a group", "visitor", lambda: f"/groups/{pick(sample['groups'])}/"),
        ("events list", "visitor", lambda: "/gatherings/"),
        ("an event", "visitor", lambda: f"/gatherings/events/{pick(sample['events'])}/"),
        ("search", "visitor", lambda: f"/search/?q={pick(sample['words'])}"),
        ("sign in (form)", "visitor", lambda: "/account/sign-in/"),
        ("your page", "resident", lambda: "/your-page/"),
        ("a project (signed in)", "resident", lambda: f"/projects/{pick(sample['projects'])}/"),
        ("map page (signed in)", "resident", lambda: "/map/"),
        ("events list (signed in)", "resident", lambda: "/gatherings/"),
        (
            "an event (signed in)",
            "resident",
            lambda: f"/gatherings/events/{pick(sample['events'])}/",
        ),
        ("projects list (officer)", "officer", lambda: "/projects/"),
        *[
            (f"staff: {path}", "officer", lambda path=path: path)
            for path in ["/insights/", "/insights/groups/", "/impact/officers/", "/on-behalf/"]
        ],
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--repeat", type=int, default=20, help="requests a round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds; the best is printed")
    parser.add_argument("--only", default="", help="pages whose name contains this")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url (a seeded borough) or DATABASE_URL")
    _setup(args.database_url)
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    random.seed(args.seed)
    sample = _sample()
    users = get_user_model().objects
    clients = {"visitor": Client()}
    for who in ("resident", "officer"):
        clients[who] = Client()
        clients[who].force_login(users.get(email=f"{who}@demo.northbrook.invalid"))
    print(f"{'page':34} {'CPU ms':>7} {'queries':>7}")
    total = 0.0
    for name, who, path in _pages(sample):
        if args.only and args.only not in name:
            continue
        client = clients[who]
        for _ in range(3):
            answer = client.get(path())
            if answer.status_code != 200:
                print(f"{name}: HTTP {answer.status_code} for {path()}", file=sys.stderr)
        with CaptureQueriesContext(connection) as queries:
            client.get(path())
        # Counted now: the next request's request_started signal empties the log.
        query_count = len(queries)
        # The best of a few rounds: another process on the same cores slows a round (shared
        # caches, frequency), never speeds it, so the quickest is the page's own cost.
        rounds = []
        profiler = cProfile.Profile() if args.profile else None
        for _ in range(args.rounds):
            paths = [path() for _ in range(args.repeat)]
            start = time.process_time()
            if profiler:
                profiler.enable()
            for each in paths:
                client.get(each)
            if profiler:
                profiler.disable()
            rounds.append((time.process_time() - start) * 1000 / args.repeat)
        ms = min(rounds)
        total += ms
        print(f"{name[:34]:34} {ms:7.1f} {query_count:7d}")
        if profiler:
            stats = pstats.Stats(profiler, stream=sys.stdout)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(25)
    print(f"{'sum of the pages above':34} {total:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
