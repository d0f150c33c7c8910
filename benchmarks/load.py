"""Mixed load on the production server: visitors, residents and officers (issue 19, item 3).

    .venv/bin/python benchmarks/load.py --database-url sqlite:////tmp/load-medium.sqlite3 \
        --run-time 10                                    # a quick run on the medium borough
    script/with-postgres .venv/bin/python benchmarks/load.py     # after seeding that database

Use a scratch copy of a seeded demo borough: residents write (RSVPs, appreciations and
comments), so the database changes. Starts gunicorn with the production settings
(deploy/gunicorn.conf.py, 3 workers of 4 threads unless WEB_CONCURRENCY or WEB_THREADS say
otherwise; a generated SECRET_KEY; plain HTTP; rate limits off, as a few demo accounts send
thousands of requests), then runs locust headless (benchmarks/locustfile.py) at 1, 8 and
16 users in turn, each for --run-time seconds. Users ask again as soon as answered, so 16
users means 16 requests at once. Prints, per concurrency: each page's requests, p50 and p95
in ms (locust rounds these above 100 ms), requests a second and failures, and the load
average; signing in (slow by design: the password hash) is listed apart. Exits 1 on any
answer of 500 or more, or a server error in the server's log.

Targets (issue 19): every page p50 under 50 ms at 1 user; every list page over 200 requests
a second at 16 users (that is, the whole mix: locust runs them together), p95 under 250 ms.
The client shares the machine's cores with the server, so throughput here is a floor.
"""

import argparse
import csv
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
STAFF_CANDIDATES = [
    "/insights/",
    "/insights/groups/",
    "/impact/officers/",
    "/discussion/moderation/",
    "/on-behalf/",
]
SAMPLE_CODE = r"""
import json, sys
import django
django.setup()
from django.db.models import Count
from datetime import timedelta
from django.utils import timezone
from coproduce.gatherings.models import Event
from coproduce.groups.models import Organisation
from coproduce.places.models import Place, Ward
from coproduce.projects.models import Project

shown = Project.objects.filter(is_hidden=False).order_by("?")
projects = list(shown.values_list("pk", flat=True)[:200])
busy = (
    Project.objects.filter(is_hidden=False).annotate(n=Count("comments"))
    .order_by("-n").values_list("pk", flat=True).first()
)
listed = Place.objects.filter(is_listed=True).exclude(kind="room").order_by("?")
places = list(listed.values_list("pk", flat=True)[:200])
open_groups = Organisation.objects.filter(is_listed=True).order_by("?")
groups = list(open_groups.values_list("slug", flat=True)[:100])
# Events anyone may open (not kept unlisted), and of those, future ones taking places.
from coproduce.gatherings.unlisted import exclude_unlisted
open_events = exclude_unlisted(Event.objects.all())
events = list(open_events.order_by("?").values_list("pk", flat=True)[:200])
future = list(
    open_events.filter(starts_at__gt=timezone.now() + timedelta(days=1))
    .exclude(status=Event.Status.CANCELLED)
    .order_by("?").values_list("pk", flat=True)[:100]
)
lats = [w for w in Ward.objects.values_list("centre_latitude", "centre_longitude") if w[0]]
south, north = min(w[0] for w in lats) - 0.01, max(w[0] for w in lats) + 0.01
west, east = min(w[1] for w in lats) - 0.01, max(w[1] for w in lats) + 0.01
json.dump({
    "projects": projects, "busy_project": busy, "places": places, "groups": groups,
    "events": events, "future_events": future or events,
    "bbox_numbers": [west, south, east, north],
    "bbox": f"{west:.5f},{south:.5f},{east:.5f},{north:.5f}",
    "words": ["garden", "library", "youth", "repair", "food", "walk", "community"],
}, sys.stdout)
"""


def _env(args) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "coproduce.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "HTTPS": "false",
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "WEB_BIND": f"127.0.0.1:{args.port}",
        "STAFF_TWO_FACTOR_REQUIRED": "false",
        "RATELIMIT_ENABLE": "false",
        "PYTHONPATH": str(ROOT),
    }


def _wait_until_up(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"The server stopped at start (exit {server.returncode}).")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("The server did not come up within two minutes.")


def _staff_pages(port: int, email: str, password: str) -> list[str]:
    """The candidate staff pages this officer may open (200 once signed in)."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    base = f"http://127.0.0.1:{port}"
    with opener.open(f"{base}/account/sign-in/", timeout=30) as page:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.read().decode())
    form = {"csrfmiddlewaretoken": token.group(1) if token else "", "username": email}
    form["password"] = password
    opener.open(f"{base}/account/sign-in/", urlencode(form).encode(), timeout=30).read()
    found = []
    for path in STAFF_CANDIDATES:
        try:
            with opener.open(base + path, timeout=60) as answer:
                if answer.status == 200 and "sign-in" not in answer.url:
                    found.append(path)
        except HTTPError:
            continue
    return found


def _run_locust(args, users: int, sample: Path, prefix: Path) -> list[dict]:
    command = [
        str(VENV / "locust"),
        "-f",
        str(ROOT / "benchmarks" / "locustfile.py"),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{args.run_time}s",
        "--host",
        f"http://127.0.0.1:{args.port}",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
    ]
    subprocess.run(
        command,
        env={**os.environ, "LOAD_SAMPLE": str(sample)},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=open(f"{prefix}_locust.log", "w", encoding="utf-8"),  # noqa: SIM115
    )
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        return list(csv.DictReader(stats))


def _failures(prefix: Path) -> tuple[int, list[str]]:
    server_errors, lines = 0, []
    with open(f"{prefix}_failures.csv", encoding="utf-8") as failures:
        for row in csv.DictReader(failures):
            lines.append(f"  {row['Name']}: {row['Error']} x{row['Occurrences']}")
            if "5xx" in row["Error"] or "50" in row["Error"][:8]:
                server_errors += int(row["Occurrences"])
    return server_errors, lines


def _table(users: int, rows: list[dict]) -> None:
    load = os.getloadavg()
    print(f"\n{users} user(s) at once; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'page':40} {'requests':>8} {'p50 ms':>7} {'p95 ms':>7} {'req/s':>7} {'fails':>6}")
    rows = sorted(rows, key=lambda row: (row["Name"] == "Aggregated", row["Name"]))
    for row in rows:
        name = "all pages together" if row["Name"] == "Aggregated" else row["Name"]
        print(
            f"{name[:40]:40} {row['Request Count']:>8} {row['50%']:>7} {row['95%']:>7} "
            f"{float(row['Requests/s']):>7.1f} {row['Failure Count']:>6}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--users", default="1,8,16", help="concurrency levels, in turn")
    parser.add_argument("--run-time", type=int, default=30, help="seconds at each level")
    parser.add_argument("--port", type=int, default=8797)
    args = parser.parse_args()
    if not args.database_url:
        parser.error("give --database-url (a scratch copy of a seeded borough) or DATABASE_URL")
    env = _env(args)
    python = str(VENV / "python")
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    sampled = subprocess.run([python, "-c", SAMPLE_CODE], cwd=ROOT, env=env, capture_output=True)
    if sampled.returncode:
        raise SystemExit(f"Could not read ids from the database:\n{sampled.stderr.decode()}")
    sample = json.loads(sampled.stdout)
    sample["resident"] = "resident@demo.northbrook.invalid"
    sample["officer"] = "officer@demo.northbrook.invalid"
    work = Path(tempfile.mkdtemp(prefix="coproduce-load-"))
    log_path = work / "server.log"
    with open(log_path, "w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [
                str(VENV / "gunicorn"),
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "--access-logfile",
                "/dev/null",
                "coproduce.wsgi:application",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server_errors = 0
    try:
        _wait_until_up(server, args.port)
        password = os.environ.get("DEMO_PASSWORD", "coproduce-demo")
        sample["staff_pages"] = _staff_pages(args.port, sample["officer"], password) or ["/"]
        (work / "sample.json").write_text(json.dumps(sample))
        print(
            f"database {args.database_url.split('://')[0]}, run {args.run_time} s per level; "
            f"officer pages: {', '.join(sample['staff_pages'])}"
        )
        for users in (int(n) for n in args.users.split(",")):
            prefix = work / f"u{users}"
            rows = _run_locust(args, users, work / "sample.json", prefix)
            _table(users, rows)
            errors, lines = _failures(prefix)
            server_errors += errors
            if lines:
                print("failures:", *lines, sep="\n")
    finally:
        server.terminate()
        server.wait(timeout=30)
    # Django logs each 500 so (a refused page's 403 logs a traceback too, so not that).
    if "Internal Server Error" in log_path.read_text(encoding="utf-8"):
        print(f"The server's log has a server error: {log_path}", file=sys.stderr)
        return 1
    if server_errors:
        print(f"{server_errors} answers of 500 or more.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
