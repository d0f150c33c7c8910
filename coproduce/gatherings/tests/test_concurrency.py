"""No overbooking when 200 people ask for the last 10 places at once, against a real server.

On PostgreSQL (and SQLite in a file) the requests go to pytest-django's live server, whose
threads each have their own database connection. An in-memory SQLite database is shared by
the live server's threads through one connection, which cannot show real concurrency; there
the test runs the burst of the benchmark (benchmarks/gatherings_rsvp.py), which serves the app
from its own process on its own SQLite file, and checks the figures it reports.

The burst itself (`prepare_burst`, `fire`, `burst_figures`) is in
coproduce/testing/gatherings_burst.py, shared with the benchmark, so the test and the benchmark
send the same requests and check the same things.
"""

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection

from coproduce.testing.gatherings_burst import (
    PEOPLE,
    PLACES_LEFT,
    TAKEN,
    burst_figures,
    fire,
    prepare_burst,
)

ROOT = Path(__file__).resolve().parents[3]
# Requests the live server works on at once. Each holds a database connection while it
# runs, and the PostgreSQL of script/with-postgres allows 100; the rest wait their turn in
# the listen queue, as they would behind a WSGI server with a pool of threads.
WORKERS = 32


def _in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.fixture
def pooled_live_server(live_server):
    """The live server working on at most WORKERS requests at a time, with a listen queue
    long enough for every person to connect at once (Django's is 10)."""
    httpd = live_server.thread.httpd
    slots = threading.BoundedSemaphore(WORKERS)
    original = httpd.process_request_thread

    def in_turn(request, client_address):
        with slots:
            original(request, client_address)

    httpd.process_request_thread = in_turn
    httpd.socket.listen(PEOPLE + 50)
    yield live_server
    del httpd.process_request_thread
    httpd.socket.listen(httpd.request_queue_size)


def _burst_in_own_process(tmp_path: Path) -> dict:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "gatherings_rsvp.py"),
            "--burst-only",
            "--json",
            "--database-url",
            f"sqlite:///{tmp_path / 'burst.sqlite3'}",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        print(result.stderr[-5000:])  # shown by pytest if an assertion below fails
    lines = result.stdout.strip().splitlines()
    assert lines, f"the benchmark reported nothing (exit {result.returncode}):\n{result.stderr}"
    return json.loads(lines[-1])


@pytest.mark.django_db(transaction=True)
def test_last_ten_places_go_to_ten_of_two_hundred_asking_at_once(request, tmp_path):
    """200 people asking at once for the last 10 places: 10 get one, 190 wait, none fail."""
    if _in_memory_sqlite():
        found = _burst_in_own_process(tmp_path)
    else:
        server = request.getfixturevalue("pooled_live_server")
        event, resident_ids, sessions = prepare_burst()
        answers, _wall = fire(server.url, event.pk, sessions)
        found = burst_figures(event.pk, resident_ids, answers)

    assert found["statuses"] == {"302": PEOPLE}, found
    assert found["redirected_to_event"] == PEOPLE, found
    assert found["burst_confirmed"] == PLACES_LEFT, found
    assert found["burst_waiting"] == PEOPLE - PLACES_LEFT, found
    assert found["burst_rows"] == PEOPLE, found
    assert found["confirmed_count"] == found["confirmed_rows"] == TAKEN + PLACES_LEFT, found
    assert found["waiting_count"] == found["waiting_rows"] == PEOPLE - PLACES_LEFT, found
    assert found["told"] == PEOPLE, found
