"""Time the limits add to a request (coproduce/common/limits.py).

    .venv/bin/python benchmarks/ratelimit.py
    .venv/bin/python benchmarks/ratelimit.py --rows 100000 --tries 2000
    script/with-postgres .venv/bin/python benchmarks/ratelimit.py --database-url "$DATABASE_URL"
    LIMITS_CACHE_URL=redis://127.0.0.1:6379/2 .venv/bin/python benchmarks/ratelimit.py

Sets up a temporary SQLite database (WAL, as in production's embedded mode), migrates it (which
makes the limits' cache table), fills the table with --rows counts of other people, then times
--tries counted tries as a view's decorator makes them (each one an add and an increment in
the shared cache), spread over 200 people, so that each is what one request pays. The same
is then timed for a whole request through Django's test Client, with and without the limit, on
a view that does nothing else. Target (issue 13): the limiter adds under 2 ms (median).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 2.0
PEOPLE = 200


def _figures(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    return f"median {statistics.median(times):.3f} ms, p95 {p95:.3f} ms, max {times[-1]:.3f} ms"


def _fill(rows: int) -> None:
    """Counts of other people, as a busy day leaves them in the table."""
    from django.core.cache import caches

    cache = caches["limits"]
    batch = 1000
    for start in range(0, rows, batch):
        cache.set_many({f"rl:other:{n}": n for n in range(start, min(start + batch, rows))}, 3600)


def _whole_requests(tries: int) -> tuple[list[float], list[float]]:
    """A do-nothing view answered through the whole stack, without and with the limit."""
    from django.http import HttpResponse
    from django.test import Client, override_settings
    from django.urls import path

    from coproduce.common.limits import limited

    def plain(request):
        return HttpResponse("ok")

    class Urls:
        urlpatterns = [
            path("plain/", plain),
            path("limited/", limited("comment", methods=("GET",))(plain)),
        ]

    client = Client()
    timings: dict[str, list[float]] = {"plain": [], "limited": []}
    with override_settings(ROOT_URLCONF=Urls):
        for n in range(tries):
            for name in ("plain", "limited"):
                ip = f"10.0.{n % PEOPLE // 250}.{n % PEOPLE % 250}"
                started = time.perf_counter()
                response = client.get(f"/{name}/", REMOTE_ADDR=ip)
                timings[name].append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"/{name}/ answered {response.status_code}")
    return timings["plain"], timings["limited"]


def run(args) -> float:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser

    # WhiteNoise looks for collected static files, which this benchmark does not need.
    warnings.filterwarnings("ignore", message="No directory at")
    from django.db import connection
    from django.test import RequestFactory

    from coproduce.common import limits

    settings.ALLOWED_HOSTS = ["*"]
    # High enough that no try is refused: this times the counting, not the refusal.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": f"{args.tries * 10}/h"}
    begun = time.perf_counter()
    call_command("migrate", verbosity=0)
    backend = settings.CACHES["limits"]["BACKEND"].rsplit(".", 1)[-1]
    print(
        f"database: {connection.vendor}, limits cache: {backend}, "
        f"migrated in {time.perf_counter() - begun:.1f} s"
    )
    begun = time.perf_counter()
    _fill(args.rows)
    print(f"{args.rows:,} other counts in the cache, made in {time.perf_counter() - begun:.1f} s")

    factory = RequestFactory()
    requests = []
    for n in range(PEOPLE):
        request = factory.post("/", REMOTE_ADDR=f"198.51.{n // 250}.{n % 250}")
        request.user = AnonymousUser()
        requests.append(request)
    for request in requests[:10]:  # warm up: prepared statements, imports
        limits.check(request, "comment")
    times = []
    for n in range(args.tries):
        started = time.perf_counter()
        limits.check(requests[n % PEOPLE], "comment")
        times.append((time.perf_counter() - started) * 1000)
    median = statistics.median(times)
    print(f"{args.tries} counted tries: {_figures(times)} (target median < {TARGET_MS:.0f} ms)")

    plain, limited = _whole_requests(min(args.tries, 1000))
    added = statistics.median(limited) - statistics.median(plain)
    print(f"whole request, no limit: {_figures(plain)}")
    print(f"whole request, limited: {_figures(limited)}")
    print(f"added by the limit, median: {added:.3f} ms")
    return max(median, added)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--tries", type=int, default=2000)
    parser.add_argument("--database-url", help="Use this database instead of a temporary one.")
    args = parser.parse_args()
    if args.rows < 0 or args.tries < 1:
        print("--rows must be at least 0 and --tries at least 1", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        # Production's settings but for the secret and HTTPS: the shared database cache
        # unless LIMITS_CACHE_URL names another.
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.local"
        os.environ["DEBUG"] = "0"
        os.environ["LOG_LEVEL"] = "ERROR"
        os.environ["RATELIMIT_ENABLE"] = "1"
        median = run(args)
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
