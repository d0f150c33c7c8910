"""200 people asking at once for the last 10 places at an event: the burst, sent and checked.

Shared by the concurrency test (coproduce/gatherings/tests/test_concurrency.py) and the
benchmark (benchmarks/gatherings_rsvp.py), so both send the same requests and check the same
things. The client side is plain standard library: one thread and one connection per person,
released together by a barrier, each posting the RSVP form with a session cookie and the CSRF
token as a browser would.
"""

import http.client
import secrets
import threading
import time
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.db import transaction
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings import kinds
from coproduce.gatherings.models import Event, Rsvp
from coproduce.gatherings.services import rsvps
from coproduce.gatherings.tests.factories import EventFactory, organiser
from coproduce.notifications.models import Notification

from .sessions import session_for

PEOPLE = 200
PLACES_LEFT = 10
TAKEN = 2  # places already taken before the burst: the event has TAKEN + PLACES_LEFT


@dataclass(frozen=True)
class Answer:
    status: int  # 0: no answer at all
    location: str
    seconds: float  # from the barrier's release to the whole answer read
    error: str = ""  # what went wrong, when the answer was not a redirect


def prepare_burst(people: int = PEOPLE) -> tuple[Event, list[int], list[str]]:
    """An event with TAKEN of its TAKEN + PLACES_LEFT places taken, offering step-free access
    and a BSL interpreter, and `people` signed-in residents: (event, their ids, sessions)."""
    with transaction.atomic():
        event = EventFactory(
            capacity=TAKEN + PLACES_LEFT,
            access_provisions=["step_free", "bsl"],
            organisers=[organiser(password=None)],
        )
        # No passwords: nobody signs in with one here, and hashing 200 takes minutes outside
        # the test settings' fast hasher.
        for _ in range(TAKEN):
            rsvps.rsvp_join(event=event, user=UserFactory(password=None))
        residents = UserFactory.create_batch(people, password=None)
        sessions = [session_for(person) for person in residents]
    event.refresh_from_db()
    return event, [person.pk for person in residents], sessions


def _form(index: int, token: str) -> str:
    """The RSVP form as a browser sends it; one person in ten asks for access support."""
    if index % 10 == 0:
        asked = [("access_requests", "step_free"), ("access_note", "I use a wheelchair.")]
    else:
        asked = [("access_note", "")]
    return urlencode([("csrfmiddlewaretoken", token), *asked])


def fire(base_url: str, event_pk: int, sessions: list[str], *, timeout: float = 120.0):
    """POST the RSVP form once per session, all at once: a thread and a connection each,
    released together by a barrier. Returns (answers in session order, wall time in s)."""
    parts = urlsplit(base_url)
    path = reverse("gatherings:rsvp", args=[event_pk])
    answers: list[Answer | None] = [None] * len(sessions)
    barrier = threading.Barrier(len(sessions) + 1)  # and this thread, to start the clock

    def ask(index: int, session: str) -> None:
        token = secrets.token_hex(16)  # 32 characters: a valid unmasked CSRF secret
        body = _form(index, token)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"sessionid={session}; csrftoken={token}",
        }
        client = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        barrier.wait()
        began = time.perf_counter()
        try:
            client.request("POST", path, body=body, headers=headers)
            response = client.getresponse()
            raw = response.read()
            took = time.perf_counter() - began
            problem = raw[:300].decode("utf-8", "replace") if response.status >= 400 else ""
            location = response.getheader("Location", "")
            answers[index] = Answer(response.status, location, took, problem)
        except (OSError, http.client.HTTPException) as error:
            answers[index] = Answer(0, "", time.perf_counter() - began, repr(error))
        finally:
            client.close()

    threads = [
        threading.Thread(target=ask, args=(n, session), daemon=True)
        for n, session in enumerate(sessions)
    ]
    for thread in threads:
        thread.start()
    barrier.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return [a for a in answers if a is not None], time.perf_counter() - began


def burst_figures(event_pk: int, resident_ids: list[int], answers: list[Answer]) -> dict:
    """What the server answered and what it stored, as plain data (the benchmark prints it
    as JSON for the test on in-memory SQLite)."""
    event = Event.objects.get(pk=event_pk)
    rows = Rsvp.objects.filter(event_id=event_pk)
    burst = rows.filter(user_id__in=resident_ids)
    event_url = reverse("gatherings:event", args=[event_pk])
    return {
        "requests": len(answers),
        "statuses": {str(k): n for k, n in sorted(Counter(a.status for a in answers).items())},
        "errors": [a.error for a in answers if a.error][:5],
        "redirected_to_event": sum(1 for a in answers if a.location.endswith(event_url)),
        "burst_confirmed": burst.filter(status=Rsvp.Status.CONFIRMED).count(),
        "burst_waiting": burst.filter(status=Rsvp.Status.WAITING).count(),
        "burst_rows": burst.count(),
        "capacity": event.capacity,
        "confirmed_count": event.confirmed_count,
        "waiting_count": event.waiting_count,
        "confirmed_rows": rows.filter(status=Rsvp.Status.CONFIRMED).count(),
        "waiting_rows": rows.filter(status=Rsvp.Status.WAITING).count(),
        # Nothing half-written: each person was told of their place, in the same commit.
        "told": Notification.objects.filter(
            kind=kinds.EVENT_PLACE.slug, recipient_id__in=resident_ids
        ).count(),
    }
