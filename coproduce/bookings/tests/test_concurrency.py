"""No two confirmed bookings of one room overlap under concurrent requests to a real server.

On PostgreSQL (and SQLite in a file) the requests go to pytest-django's live server, whose
threads each have their own database connection. An in-memory SQLite database is shared by
the live server's threads through one connection, which cannot show real concurrency; there
the test runs the load benchmark, at a smaller size, against its own server and SQLite file.
"""

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.db import connection

from coproduce.accounts.tests.factories import UserFactory
from coproduce.testing import bookings_load as load
from coproduce.testing.sessions import session_for

from .factories import open_room

ROOT = Path(__file__).resolve().parents[3]
SLOTS, PER_SLOT, USERS = 12, 10, 8


def _in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_no_overlapping_confirmed_bookings_under_concurrent_requests(request, tmp_path):
    """120 simultaneous requests for 12 overlapping slots confirm exactly one per slot."""
    if _in_memory_sqlite():
        result = subprocess.run(
            [
                sys.executable,
                str(ROOT / "benchmarks" / "bookings_load.py"),
                "--database-url",
                f"sqlite:///{tmp_path / 'load.sqlite3'}",
                "--slots",
                str(SLOTS),
                "--per-slot",
                str(PER_SLOT),
                "--users",
                str(USERS),
                "--quiet",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return
    # Eight people send 120 requests: this tests overlaps, not the limits on requests.
    request.getfixturevalue("settings").RATELIMIT_ENABLE = False
    live_server = request.getfixturevalue("live_server")
    room = open_room(auto_approve=True)
    sessions = [session_for(UserFactory()) for _ in range(USERS)]
    asks = load.plan(
        first_day=(datetime.now(UTC) + timedelta(days=20)).date(),
        slots=SLOTS,
        per_slot=PER_SLOT,
        sessions=sessions,
    )
    # Fewer connections than PostgreSQL's default limit of 100, with room for the test's own.
    outcomes = load.fire(live_server.url, room.pk, asks, clients=48)
    assert load.problems(outcomes, room.pk) == []
    assert sum(1 for o in outcomes if o.status == 201) == SLOTS
