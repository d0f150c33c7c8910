"""One ballot per person per choice, however many times it is sent at once, against a real
server.

On PostgreSQL (and SQLite in a file) the requests go to pytest-django's live server, whose
threads each have their own database connection. An in-memory SQLite database is shared by
the live server's threads through one connection, which cannot show real concurrency, so
there the test is skipped (test_choices_services checks the unique constraint on SQLite).
Run it on PostgreSQL with `script/with-postgres .venv/bin/pytest <this file>`.
"""

import http.client
import secrets
import threading
from urllib.parse import urlencode, urlsplit

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Ballot, BallotMark
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.testing.sessions import session_for

from .factories import ChoiceFactory, EventFactory

SENDS = 50
# Requests the live server works on at once, each holding a database connection (the
# PostgreSQL of script/with-postgres allows 100); the rest wait in the listen queue, as behind
# a WSGI server with a pool of threads (the same as test_concurrency.py).
WORKERS = 32


def _send_all(base_url: str, path: str, session: str, bodies: list[dict]) -> list[int]:
    """POST every body at once, a thread and a connection each; the status of each answer."""
    parts = urlsplit(base_url)
    statuses = [0] * len(bodies)
    barrier = threading.Barrier(len(bodies))

    def send(index: int, body: dict) -> None:
        token = secrets.token_hex(16)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"sessionid={session}; csrftoken={token}",
        }
        client = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        barrier.wait()
        try:
            client.request(
                "POST",
                path,
                body=urlencode({**body, "csrfmiddlewaretoken": token}),
                headers=headers,
            )
            response = client.getresponse()
            response.read()
            statuses[index] = response.status
        except (OSError, http.client.HTTPException):
            statuses[index] = 0
        finally:
            client.close()

    threads = [
        threading.Thread(target=send, args=(n, b), daemon=True) for n, b in enumerate(bodies)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.fixture
def pooled_live_server(live_server):
    """The live server working on at most WORKERS requests at a time, with a listen queue
    long enough for every send to connect at once (Django's is 10)."""
    httpd = live_server.thread.httpd
    slots = threading.BoundedSemaphore(WORKERS)
    original = httpd.process_request_thread

    def in_turn(request, client_address):
        with slots:
            original(request, client_address)

    httpd.process_request_thread = in_turn
    httpd.socket.listen(SENDS + 50)
    yield live_server
    del httpd.process_request_thread
    httpd.socket.listen(httpd.request_queue_size)


@pytest.mark.postgresql_only
@pytest.mark.django_db(transaction=True)
def test_fifty_ballots_at_once_from_one_person_leave_one(request):
    """50 simultaneous votes by one person leave one ballot, whole, from one of the sends."""
    request.getfixturevalue("settings").RATELIMIT_ENABLE = False
    live_server = request.getfixturevalue("pooled_live_server")
    event = EventFactory()
    voter = UserFactory()
    rsvp_join(event=event, user=voter)
    choice = ChoiceFactory(event=event, dots=3, most_on_one=2)
    a, b, c = choice.options.all()
    # Each send spreads the dots differently, so a ballot mixing two sends would show.
    spreads = [
        {a.pk: 2, b.pk: 1},
        {b.pk: 2, c.pk: 1},
        {c.pk: 2},
        {a.pk: 1, b.pk: 1, c.pk: 1},
        {a.pk: 1},
    ]
    bodies = [
        {f"option_{pk}": str(n) for pk, n in spreads[i % len(spreads)].items()}
        for i in range(SENDS)
    ]
    statuses = _send_all(
        live_server.url, reverse("gatherings:choice", args=[choice.pk]), session_for(voter), bodies
    )
    assert statuses.count(302) == SENDS, statuses
    assert Ballot.objects.filter(choice=choice, user=voter).count() == 1
    marks = dict(BallotMark.objects.filter(ballot__choice=choice).values_list("option_id", "dots"))
    assert marks in spreads
