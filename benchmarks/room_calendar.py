"""One calendar per room: events and bookings of one room sent at once (ADR 22).

    .venv/bin/python benchmarks/room_calendar.py                 # temporary SQLite file
    .venv/bin/python benchmarks/room_calendar.py --keep /tmp/rooms.sqlite3
    script/with-postgres .venv/bin/python benchmarks/room_calendar.py

The script migrates the database, makes a room that books straight away (open 08:00 to 22:00
every day) and, for each of --rounds slots, starts --per-round threads at once, half putting
on an event in the room and half booking it, all over overlapping times and each on its
own database connection, through the services the pages call. Then it checks, in the
database: exactly one winner per slot (one confirmed booking; an event only if an event
won), every loser refused with the clash named ("The ... is booked from ..."), no error other
than a refusal, no event without its booking and no booking without its event (nothing
half-written). It prints how long a winning and a refused call took. Exit status 1 if any
check fails.
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="Default: $DATABASE_URL, else a temporary file.")
    parser.add_argument("--keep", help="SQLite: use (and keep) this file.")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--per-round", type=int, default=6, help="2 to 8; half events, half bookings."
    )
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-rooms-") as folder:
        if args.keep:
            os.environ["DATABASE_URL"] = f"sqlite:///{Path(args.keep).resolve()}"
        elif args.database_url:
            os.environ["DATABASE_URL"] = args.database_url
        elif not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{folder}/rooms.sqlite3"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.local"
        os.environ["DEBUG"] = "0"
        os.environ["CONN_MAX_AGE"] = "0"
        os.environ["TASKS_BACKEND"] = "django_tasks.backends.dummy.DummyBackend"
        return run(args)


def say(args, *parts) -> None:
    if not args.quiet:
        print(*parts, flush=True)


def prepare(people: int):
    from coproduce.accounts.models import User
    from coproduce.accounts.roles import Role
    from coproduce.bookings.models import AvailabilityWindow, BookableRoom, BookableSpace
    from coproduce.places.models import Place, Ward

    stamp = time.time_ns()
    ward = Ward.objects.create(name=f"Bench ward {stamp}", slug=f"bench-ward-{stamp}")
    building = Place.objects.create(
        name=f"Bench hall {stamp}",
        kind=Place.Kind.BUILDING,
        ward=ward,
        latitude=51.5,
        longitude=-0.1,
    )
    room_place = Place.objects.create(
        name="Main hall",
        kind=Place.Kind.ROOM,
        building=building,
        ward=ward,
        latitude=51.5,
        longitude=-0.1,
    )
    space = BookableSpace.objects.create(place=building, auto_approve=True)
    room = BookableRoom.objects.create(space=space, place=room_place, capacity=80)
    AvailabilityWindow.objects.create(
        space=space,
        weekdays=list(range(7)),
        opens="08:00",
        closes="22:00",
        valid_from=datetime.now(UTC).date(),
    )
    from django.contrib.auth.models import Group

    organisers = Group.objects.filter(name__in=[str(Role.RESIDENT), str(Role.ORGANISER)])
    users = []
    for n in range(people):
        user = User.objects.create_user(f"bench-rooms-{stamp}-{n}@example.org", None)
        user.groups.add(*organisers)
        users.append(user)
    return room, users


def run(args) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", interactive=False, verbosity=0)
    vendor = connection.vendor
    per_round = min(max(2, args.per_round), 8)
    room, users = prepare(per_round)
    connection.close()

    from coproduce.bookings import services as bookings
    from coproduce.bookings.models import Booking
    from coproduce.gatherings.models import Event
    from coproduce.gatherings.services import events

    first = datetime.combine(
        (datetime.now(UTC) + timedelta(days=30)).date(), datetime.min.time(), tzinfo=UTC
    ) + timedelta(hours=12)
    results: list[tuple[int, str, str, float]] = []
    lock = threading.Lock()

    def send(n: int, who: int, start: threading.Barrier) -> None:
        from django.db import connection as own

        # Every start within 105 minutes of the first, every call two hours: all overlap.
        starts_at = first + timedelta(days=n, minutes=15 * who)
        ends_at = starts_at + timedelta(hours=2)
        kind = "event" if who % 2 == 0 else "booking"
        try:
            start.wait()
            began = time.perf_counter()
            try:
                if kind == "event":
                    events.event_create(
                        title=f"Bench event {n}-{who}",
                        summary="A benchmark event.",
                        kind="meet_up",
                        starts_at=starts_at,
                        ends_at=ends_at,
                        by=users[who],
                        place=room.space.place,
                        room=room,
                    )
                else:
                    bookings.booking_request(
                        room=room,
                        starts_at=starts_at,
                        ends_at=ends_at,
                        purpose="Bench",
                        requested_by=users[who],
                    )
                outcome = "won"
            except bookings.SlotTaken as refusal:
                outcome = f"refused: {refusal}"
            except Exception as error:  # a lock timeout or a deadlock shows here
                outcome = f"error: {type(error).__name__}: {error}"
            with lock:
                results.append((n, kind, outcome, (time.perf_counter() - began) * 1000))
        finally:
            own.close()

    began = time.perf_counter()
    for n in range(args.rounds):
        start = threading.Barrier(per_round)
        threads = [threading.Thread(target=send, args=(n, who, start)) for who in range(per_round)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    elapsed = time.perf_counter() - began

    found: list[str] = []
    for n in range(args.rounds):
        outcomes = [r for r in results if r[0] == n]
        won = [r for r in outcomes if r[2] == "won"]
        if len(won) != 1:
            found.append(f"slot {n}: {len(won)} winners: {outcomes}")
        for _n, _kind, outcome, _ms in outcomes:
            if outcome != "won" and not outcome.startswith("refused: The Main hall is booked from"):
                found.append(f"slot {n}: {outcome}")
    confirmed = Booking.objects.filter(room=room, status=Booking.Status.CONFIRMED).count()
    if confirmed != args.rounds:
        found.append(f"{confirmed} confirmed bookings for {args.rounds} slots")
    if Booking.objects.filter(room=room).count() != confirmed:
        found.append("a refused booking was stored")
    held = Event.objects.filter(room_booking__room=room)
    won_events = sum(1 for r in results if r[1] == "event" and r[2] == "won")
    if (
        held.count() != won_events
        or Event.objects.filter(title__startswith="Bench event")
        .exclude(room_booking__room=room)
        .exists()
    ):
        found.append("an event without its booking, or a refused event stored")
    overlapping = [
        (a, b)
        for a, b in zip(
            list(Booking.objects.filter(room=room, status="confirmed").order_by("starts_at")),
            list(Booking.objects.filter(room=room, status="confirmed").order_by("starts_at"))[1:],
            strict=False,
        )
        if b.starts_at < a.ends_at
    ]
    if overlapping:
        found.append(f"{len(overlapping)} overlapping confirmed bookings")

    def figures(rows):
        times = sorted(r[3] for r in rows)
        if len(times) < 2:
            return "n/a"
        p95 = statistics.quantiles(times, n=20, method="inclusive")[-1]
        return f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms"

    say(args, f"database: {vendor}")
    say(
        args,
        f"{args.rounds} slots x {per_round} at once ({per_round // 2 + per_round % 2} events, "
        f"{per_round // 2} bookings each) in {elapsed:.2f} s; events won {won_events}, "
        f"bookings won {args.rounds - won_events}",
    )
    say(args, "winning call:", figures([r for r in results if r[2] == "won"]))
    say(args, "refused call:", figures([r for r in results if r[2].startswith("refused")]))
    if found:
        print("FAILED:", *found, sep="\n  ", file=sys.stderr)
        return 1
    say(args, "checks: one winner per slot, clashes named, nothing half-written: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
