"""Concurrent bookings of one room against a running server: exactly one confirmed per slot.

    .venv/bin/python benchmarks/bookings_load.py                  # temporary SQLite file
    .venv/bin/python benchmarks/bookings_load.py --kill           # SIGKILL mid-load, restart
    script/with-postgres .venv/bin/python benchmarks/bookings_load.py [--kill]

The script migrates the database, makes an auto-approve room open 08:00 to 22:00 UTC-ish
(06:00 to 23:00 London) every day and ten residents with sessions, starts the app server
(`manage.py runserver --noreload`, threaded) in a subprocess, and fires all requests at once:
by default 20 slots x 10 requests (two in ten shifted half an hour, overlapping partially).
With --kill the server is killed with SIGKILL once a third of the answers are in, and started
again; requests that got no answer are sent again. Then it checks, in the database: exactly
one confirmed booking per slot, no two confirmed bookings overlap, every booking answered 201
is stored as asked, and each has its notification (nothing half-written). It also times the
month view of availability (target < 20 ms) on the load room and on a room with 300 bookings.
Exit status 1 if any check fails.
"""

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

from gatherings_rsvp import use_environment

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MONTH_TARGET_MS = 20.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="Default: $DATABASE_URL, else a temporary file.")
    parser.add_argument("--slots", type=int, default=20)
    parser.add_argument("--per-slot", type=int, default=10)
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--kill", action="store_true", help="SIGKILL the server mid-load.")
    parser.add_argument(
        "--clients",
        type=int,
        help="Simultaneous connections. Default: one per request on SQLite; 80 on PostgreSQL, "
        "whose default max_connections is 100 and each request thread holds one.",
    )
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--server-log", help="Keep the server's log in this file.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="coproduce-bookings-") as folder:
        # As in production: no debug pages, no query log. (Error pages would need
        # collectstatic; any error is in the server's log, printed on failure.)
        use_environment(args.database_url, Path(folder))
        # runserver starts a thread per request; a persistent connection would outlive its
        # thread and pile up past PostgreSQL's max_connections. Production runs a WSGI server
        # with a fixed number of threads, where CONN_MAX_AGE pays off.
        os.environ["CONN_MAX_AGE"] = "0"
        # A few accounts send every request: this measures throughput, not the limits.
        os.environ["RATELIMIT_ENABLE"] = "0"
        return run(args, Path(folder))


def say(args, *parts) -> None:
    if not args.quiet:
        print(*parts, flush=True)


def run(args, folder: Path) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    vendor = connection.vendor
    room, sessions = prepare(args.users)
    connection.close()

    from coproduce.testing import bookings_load as load

    first_day = (datetime.now(UTC) + timedelta(days=20)).date()
    asks = load.plan(
        first_day=first_day, slots=args.slots, per_slot=args.per_slot, sessions=sessions
    )
    server = Server(Path(args.server_log) if args.server_log else folder / "server.log")
    server.start()
    answers = 0
    answers_lock = threading.Lock()
    killed = threading.Event()

    def on_answer(_status: int) -> None:
        nonlocal answers
        with answers_lock:
            answers += 1
            due = args.kill and not killed.is_set() and answers >= len(asks) // 3
            if due:
                killed.set()
        if due:
            server.kill()
            threading.Thread(target=server.start, daemon=True).start()

    began = time.perf_counter()
    clients = args.clients or (len(asks) if vendor == "sqlite" else min(80, len(asks)))
    outcomes = load.fire(server.url, room.pk, asks, on_answer=on_answer, clients=clients)
    elapsed = time.perf_counter() - began
    server.stop()

    found = load.problems(outcomes, room.pk)
    statuses: dict[int, int] = {}
    for outcome in outcomes:
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
    retried = sum(1 for o in outcomes if o.attempts > 1)
    from coproduce.bookings.models import Booking

    confirmed = Booking.objects.filter(room=room, status="confirmed").count()
    say(args, f"database: {vendor}; server restarts after SIGKILL: {server.kills}")
    say(
        args,
        f"requests: {len(asks)} ({args.slots} slots x {args.per_slot}) from {clients} "
        f"simultaneous clients in {elapsed:.2f} s "
        f"= {len(asks) / elapsed:.0f} a second; answers {dict(sorted(statuses.items()))}; "
        f"sent again after no answer: {retried}",
    )
    say(args, f"confirmed bookings: {confirmed} (slots: {args.slots})")

    month_ms = time_month(room, first_day)
    busy_ms = time_month(busy_room(room), first_day)
    for label, timings in (("load room", month_ms), ("room with 300 bookings", busy_ms)):
        p95 = statistics.quantiles(timings, n=20)[-1]
        say(
            args,
            f"month availability, {label}: median {statistics.median(timings):.2f} ms, "
            f"p95 {p95:.2f} ms, max {max(timings):.2f} ms (target < {MONTH_TARGET_MS:.0f} ms)",
        )
        if statistics.median(timings) >= MONTH_TARGET_MS:
            found.append(f"month availability median over target for the {label}")
    if found:
        print("FAILED:", *found, sep="\n  ", file=sys.stderr)
        log = server.log_path.read_text(errors="replace").splitlines()
        print("Last lines of the server's log:", *log[-120:], sep="\n", file=sys.stderr)
        return 1
    say(args, "OK: exactly one confirmed booking per slot, none overlap, none lost.")
    return 0


def prepare(users: int):
    """An auto-approve room open every day, and signed-in residents."""
    from coproduce.accounts.models import User
    from coproduce.bookings.models import AvailabilityWindow, BookableRoom, BookableSpace
    from coproduce.places.models import Place, Ward
    from coproduce.testing.sessions import session_for

    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
    ward, _ = Ward.objects.get_or_create(slug="bench-ward", defaults={"name": "Bench ward"})
    manager = User.objects.create_user(email=f"manager-{stamp}@bench.invalid", password=None)
    hall = Place.objects.create(
        kind=Place.Kind.BUILDING, name=f"Bench hall {stamp}", ward=ward, latitude=51.5,
        longitude=-0.1,
    )  # fmt: skip
    room_place = Place.objects.create(
        kind=Place.Kind.ROOM, name="Main hall", building=hall, ward=ward, latitude=51.5,
        longitude=-0.1,
    )  # fmt: skip
    space = BookableSpace.objects.create(place=hall, manager=manager, auto_approve=True)
    room = BookableRoom.objects.create(space=space, place=room_place, capacity=100)
    AvailabilityWindow.objects.create(
        space=space, weekdays=list(range(7)), opens=clock(6), closes=clock(23),
        valid_from=date(2020, 1, 1),
    )  # fmt: skip
    people = [
        User.objects.create_user(email=f"resident-{stamp}-{n}@bench.invalid", password=None)
        for n in range(users)
    ]
    return room, [session_for(person) for person in people]


def busy_room(room):
    """A second room of the same space with 300 confirmed bookings in the month."""
    from coproduce.bookings.models import BookableRoom, Booking
    from coproduce.places.models import Place

    place = Place.objects.create(
        kind=Place.Kind.ROOM, name="Busy room", building=room.space.place,
        ward=room.space.place.ward, latitude=51.5, longitude=-0.1,
    )  # fmt: skip
    busy = BookableRoom.objects.create(space=room.space, place=place, capacity=10)
    first = (datetime.now(UTC) + timedelta(days=20)).replace(day=1, hour=7, minute=0)
    first = first.replace(second=0, microsecond=0)
    bookings = []
    for day in range(28):
        for slot in range(11):
            start = first + timedelta(days=day, hours=1 + slot, minutes=10)
            bookings.append(
                Booking(room=busy, starts_at=start, ends_at=start + timedelta(minutes=40),
                        purpose="Busy", status="confirmed")
            )  # fmt: skip
    Booking.objects.bulk_create(bookings[:300])
    return busy


def time_month(room, day: date, runs: int = 200) -> list[float]:
    """Milliseconds to work out one room's month, queries included, over many runs."""
    from coproduce.bookings import selectors

    selectors.room_month(room, day.year, day.month)  # warm the connection
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        selectors.room_month(room, day.year, day.month)
        timings.append((time.perf_counter() - began) * 1000)
    return timings


class Server:
    """manage.py runserver (threaded, no autoreload) on a free port, as a process group."""

    def __init__(self, log_path: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log_path = log_path
        self.log = open(log_path, "ab")  # noqa: SIM115
        self.process: subprocess.Popen | None = None
        self.kills = 0
        self._ready = threading.Event()

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._ready.clear()
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks",
             f"127.0.0.1:{self.port}"],
            cwd=ROOT, stdout=self.log, stderr=self.log, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url()}/healthz", timeout=2) as response:
                    if response.status == 200:
                        self._ready.set()
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("The server did not start; see server.log.")

    def kill(self) -> None:
        if self.process is not None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self.kills += 1

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        self.log.close()


if __name__ == "__main__":
    sys.exit(main())
