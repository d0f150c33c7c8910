"""Each list page alone at 16 at once, for visitors and for a signed-in resident (issue 19).

    .venv/bin/python benchmarks/list_pages.py --database-url postgres://... --seconds 10
    CACHE_URL=redis://127.0.0.1:6379/1 .venv/bin/python benchmarks/list_pages.py ...

The target "every list page over 200 requests a second at 16 at once" is about one page at a
time, which benchmarks/load.py's mix cannot show. This starts gunicorn with the production
settings (coproduce/testing/servers.py: deploy/gunicorn.conf.py, WEB_CONCURRENCY and
WEB_THREADS as set), then sends each list page --clients at once for --seconds, after a
second's warm-up, first as a visitor, then as a resident of the seeded borough (a session
made in the store, so no slow sign-in). The client is wrk (Debian: apt-get install wrk), a
small C program, so that the client takes little of the two cores the server needs. Printed
per page and reader: requests a second, p50 and p95 in ms, and answers that were not 200.
The database is only read. Exit status 1 if any answer was not 200.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

from gatherings_rsvp import DeployedServer, use_environment

PAGES = {
    "home": "/",
    "projects list": "/projects/",
    "places list": "/map/?layers=places",
    "map page": "/map/",
    "groups list": "/groups/",
    "events list": "/gatherings/",
    "services list": "/services/",
    "news list": "/news/",
    "stories list": "/stories/",
}
RESIDENT = "resident@demo.northbrook.invalid"

# wrk's own summary as JSON: its --latency table has no 95th percentile.
REPORT = """
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50": %.2f, "p95": %.2f, "bad": %d}\\n',
    summary.requests, seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    bad))
end
"""


def _wrk(url: str, *, clients: int, seconds: int, cookie: str, script: Path) -> dict:
    command = ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds}s", "-s", str(script)]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    finished = subprocess.run(
        [*command, url], capture_output=True, text=True, check=False, timeout=seconds + 60
    )
    if finished.returncode != 0:
        raise SystemExit(f"wrk failed: {finished.stderr.strip()}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="a seeded borough (default: $DATABASE_URL)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("This benchmark needs wrk: apt-get install wrk", file=sys.stderr)
        return 2
    if not (args.database_url or os.environ.get("DATABASE_URL")):
        print("Give --database-url: a borough seeded by benchmarks/seed_demo.py", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="coproduce-lists-") as folder:
        use_environment(args.database_url, Path(folder))
        return run(args, Path(folder))


def run(args, folder: Path) -> int:
    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.conf import settings
    from django.db import connection

    from coproduce.accounts.models import User
    from coproduce.testing.sessions import session_for

    resident = User.objects.filter(email=RESIDENT).first()
    if resident is None:
        print(f"No {RESIDENT} here: seed the borough first.", file=sys.stderr)
        return 2
    readers = {"visitor": "", "resident": f"{settings.SESSION_COOKIE_NAME}={session_for(resident)}"}
    connection.close()
    script = folder / "report.lua"
    script.write_text(REPORT)
    server = DeployedServer("gunicorn", folder / "server.log")
    server.start()
    print(f"{server.name}, {args.clients} at once, {args.seconds} s a page")
    print(f"{'page':<16} {'reader':<9} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'not 200':>8}")
    bad = 0
    try:
        for name, path in PAGES.items():
            for reader, cookie in readers.items():
                url = server.url + path
                _wrk(url, clients=args.clients, seconds=1, cookie=cookie, script=script)
                figures = _wrk(
                    url, clients=args.clients, seconds=args.seconds, cookie=cookie, script=script
                )
                rate = figures["requests"] / figures["seconds"]
                bad += figures["bad"]
                print(
                    f"{name:<16} {reader:<9} {rate:>7.0f} {figures['p50']:>7.1f}"
                    f" {figures['p95']:>7.1f} {figures['bad']:>8}",
                    flush=True,
                )
    finally:
        server.stop()
    if bad:
        # The folder goes when the run ends, so the server's last words are shown here.
        log = (folder / "server.log").read_text(encoding="utf-8", errors="replace")
        print(log[-3000:], file=sys.stderr)
        print(f"FAILED: {bad} answers were not 200 (the server's log is above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
