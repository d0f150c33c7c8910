"""An event and a booking for the same room and time, sent at once: exactly one wins, and
the other is refused with the clash named (ADR 22).

Each thread has its own database connection. On PostgreSQL (and SQLite in a file) they truly
run together: the room's row lock (and on PostgreSQL the exclusion constraint behind it), or
SQLite's write lock, decides. In-memory SQLite shares one cache between threads, which answers
"table is locked" at once rather than waiting; there the test runs the benchmark
(benchmarks/room_calendar.py) on its own SQLite file, which makes the same checks with six
calls at once per slot.
"""

import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection

from coproduce.bookings import services as bookings
from coproduce.bookings.models import Booking
from coproduce.gatherings.models import Event

from .factories import NOW, at, organiser
from .rooms import event_in, room_at_building

ROUNDS = 6
ROOT = Path(__file__).resolve().parents[3]


def _in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_event_and_booking_for_one_room_at_once_exactly_one_wins(tmp_path):
    """Six rounds of an event and a booking sent together: one wins each, the other is told."""
    if _in_memory_sqlite():
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "room_calendar.py"),
                "--database-url",
                f"sqlite:///{tmp_path / 'rooms.sqlite3'}",
                "--rounds",
                str(ROUNDS),
                "--quiet",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return
    room = room_at_building()
    organisers = [organiser() for _ in range(ROUNDS)]
    bookers = [organiser() for _ in range(ROUNDS)]
    outcomes: dict[int, list[str]] = {n: [] for n in range(ROUNDS)}
    refusals: list[str] = []

    def starts(n: int):
        return at(17, 18) + timedelta(days=n)

    def put_on_event(n: int, start: threading.Barrier):
        try:
            start.wait()
            event_in(
                room, organisers[n], starts_at=starts(n), ends_at=starts(n) + timedelta(hours=2)
            )
            outcomes[n].append("event")
        except bookings.SlotTaken as refusal:
            refusals.append(str(refusal))
            outcomes[n].append("event refused")
        except Exception as error:  # a lock timeout or deadlock would show here
            outcomes[n].append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    def book(n: int, start: threading.Barrier):
        try:
            start.wait()
            bookings.booking_request(
                room=room,
                starts_at=starts(n) + timedelta(hours=1),
                ends_at=starts(n) + timedelta(hours=3),
                purpose="Choir",
                requested_by=bookers[n],
                now=NOW,
            )
            outcomes[n].append("booking")
        except bookings.SlotTaken as refusal:
            refusals.append(str(refusal))
            outcomes[n].append("booking refused")
        except Exception as error:
            outcomes[n].append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    for n in range(ROUNDS):
        start = threading.Barrier(2)
        # Which is started first alternates, so both orders are tried.
        pair = [put_on_event, book] if n % 2 else [book, put_on_event]
        threads = [threading.Thread(target=send, args=(n, start)) for send in pair]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    for seen in outcomes.values():
        assert sorted(seen) in (["booking", "event refused"], ["booking refused", "event"]), seen
    confirmed = Booking.objects.filter(room=room, status=Booking.Status.CONFIRMED)
    assert confirmed.count() == ROUNDS
    assert Booking.objects.filter(room=room).count() == ROUNDS  # nothing half-written
    events = Event.objects.all()
    assert events.count() == sum("event" in seen for seen in outcomes.values())
    assert all(event.room_booking.status == Booking.Status.CONFIRMED for event in events)
    assert len(refusals) == ROUNDS
    assert all(r.startswith(f"The {room.place.name} is booked from ") for r in refusals)
