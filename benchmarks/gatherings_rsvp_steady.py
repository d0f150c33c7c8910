"""Places at events: the RSVPs a second that a warm, deployed app keeps up (issue 19, item 4).

    .venv/bin/python benchmarks/gatherings_rsvp_steady.py --database-url postgres://... \
        --seconds 15                                   # against gunicorn, as deployed

Where benchmarks/gatherings_rsvp.py sends one burst (and so counts each worker's cold start),
this measures the steady rate. --clients (16) clients each post the RSVP form again and
again, each time as another of --people (3000) signed-in residents, to one event with
--capacity (1000) places, so both places and the waiting list are given. The first two
requests per client are a warm-up, not timed. Prints RSVPs a second over the timed part and
the latency; then checks the event's counts against its rows, that everyone who was answered
has exactly one row, and that each was told. Every name it makes is its own, so it can run
again on the same database (a scratch one: it is migrated and rows are added). The server is
coproduce/testing/servers.py's (gunicorn with the production settings and its WEB_*
variables, or runserver), with rate limits off and emails queued. Target (issue 19): 200 a
second. Exit status 1 if any check fails.
"""

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

from gatherings_rsvp import DeployedServer, _percentile, use_environment

from coproduce.testing.servers import SERVERS


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="Default: $DATABASE_URL, else a temporary file.")
    parser.add_argument("--seconds", type=float, default=15, help="Timed part, in seconds.")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--people", type=int, default=3000, help="Residents who may ask.")
    parser.add_argument("--capacity", type=int, default=1000, help="The event's places.")
    parser.add_argument("--server", choices=SERVERS, default="gunicorn")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-rsvp-steady-") as folder:
        use_environment(args.database_url, Path(folder))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", interactive=False, verbosity=0)
        print(f"database   {connection.vendor}", flush=True)
        found = steady(
            args, Path(folder), lambda *parts: print(*parts, flush=True), server=args.server
        )
    if found:
        print("FAILED:", *found, sep="\n  ", file=sys.stderr)
        return 1
    print("OK")
    return 0


def steady(args, folder: Path, say, *, server: str) -> list[str]:
    """RSVPs a second that a warm server keeps up, from --clients clients."""
    import http.client
    import threading
    from urllib.parse import urlsplit

    from django.db import connection, transaction
    from django.urls import reverse

    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.gatherings import kinds
    from coproduce.gatherings.models import Rsvp
    from coproduce.gatherings.tests.factories import EventFactory, organiser
    from coproduce.notifications.models import Notification
    from coproduce.testing.sessions import session_for

    run = f"{int(time.time())}-{os.getpid()}"  # addresses no earlier run has used
    say(f"preparing  {args.people} residents and an event with {args.capacity} places")
    with transaction.atomic():
        # Every name is this run's own, so (c) can run again on the same database.
        runs_it = organiser(password=None, email=f"steady-{run}-organiser@bench.invalid")
        event = EventFactory(
            capacity=args.capacity,
            access_provisions=["step_free", "bsl"],
            created_by=runs_it,
            organisers=[runs_it],
            place__name=f"Steady hall {run}",
            place__ward__name=f"Steady ward {run}",
        )
        residents = [
            UserFactory(password=None, email=f"steady-{run}-{n}@bench.invalid")
            for n in range(args.people)
        ]
        sessions = [session_for(person) for person in residents]
    connection.close()
    app = DeployedServer(server, folder / "server.log")
    name = app.name
    parts = urlsplit(app.url)
    path = reverse("gatherings:rsvp", args=[event.pk])
    event_url = reverse("gatherings:event", args=[event.pk])
    state = {"next": 0, "timed_from": float("inf"), "deadline": float("inf")}
    lock = threading.Lock()
    answered: list[int] = []  # indexes of residents answered with the redirect to the event
    timed: list[float] = []  # latency, ms, of answers begun in the timed part
    problems: list[str] = []
    warm_up = 2 * args.clients

    def client(number: int) -> None:
        token = secrets.token_hex(16)
        connection_ = None
        while True:
            with lock:
                index, state["next"] = state["next"], state["next"] + 1
                if index >= len(sessions) or time.monotonic() > state["deadline"]:
                    return
                if index == warm_up:
                    state["timed_from"] = time.monotonic()
                    state["deadline"] = state["timed_from"] + args.seconds
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"sessionid={sessions[index]}; csrftoken={token}",
            }
            began = time.monotonic()
            try:
                if connection_ is None:
                    connection_ = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
                connection_.request("POST", path, body=_steady_form(index, token), headers=headers)
                response = connection_.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    problems.append(f"resident {index}: no answer ({error!r})")
                return
            location = response.getheader("Location", "")
            with lock:
                if response.status == 302 and location.endswith(event_url):
                    answered.append(index)
                    if began >= state["timed_from"]:
                        timed.append((time.monotonic() - began) * 1000)
                else:
                    problems.append(f"resident {index}: {response.status} {body[:200]!r}")
            if response.getheader("Connection", "").lower() == "close":
                connection_.close()
                connection_ = None

    app.start()
    try:
        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        ended = time.monotonic()
    finally:
        app.stop()
    if not timed:
        return [*problems[:10], "no RSVP was answered in the timed part"]
    seconds = min(ended, state["deadline"]) - state["timed_from"]
    say(
        f"steady     {args.clients} clients, {name}: {len(timed)} RSVPs answered in "
        f"{seconds:.1f} s after a warm-up of {warm_up}: {len(timed) / seconds:.0f} a second"
    )
    say(
        f"latency    median {statistics.median(timed):.0f} ms, "
        f"p95 {_percentile(timed, 0.95):.0f} ms, max {max(timed):.0f} ms"
    )
    event.refresh_from_db()
    rows = Rsvp.objects.filter(event=event)
    ids = [residents[i].pk for i in answered]
    confirmed = rows.filter(status=Rsvp.Status.CONFIRMED).count()
    waiting = rows.filter(status=Rsvp.Status.WAITING).count()
    told = Notification.objects.filter(kind=kinds.EVENT_PLACE.slug, recipient_id__in=ids).count()
    say(
        f"places     {len(answered)} answered: {confirmed} confirmed, {waiting} waiting; "
        f"event counts {event.confirmed_count} / {event.waiting_count}; told {told}"
    )
    expected_confirmed = min(args.capacity, len(answered))
    checks = {
        "confirmed rows": (confirmed, expected_confirmed),
        "confirmed count": (event.confirmed_count, expected_confirmed),
        "waiting rows": (waiting, len(answered) - expected_confirmed),
        "waiting count": (event.waiting_count, len(answered) - expected_confirmed),
        "rows of the residents answered": (rows.filter(user_id__in=ids).count(), len(ids)),
        "residents told": (told, len(ids)),
    }
    return problems[:10] + [
        f"{name_} is {got}, not {want}" for name_, (got, want) in checks.items() if got != want
    ]


def _steady_form(index: int, token: str) -> str:
    from urllib.parse import urlencode

    asked = [("access_requests", "step_free"), ("access_note", "I use a wheelchair.")]
    return urlencode([("csrfmiddlewaretoken", token), *(asked if index % 10 == 0 else [])])


if __name__ == "__main__":
    sys.exit(main())
