"""Concurrent booking requests against a running server, and the checks of what it stored.

Shared by the load benchmark (benchmarks/bookings_load.py) and the concurrency test. Plain
standard library on the client side: threads and http.client, a session cookie and the
CSRF token sent as a cookie and header pair, as a browser's script would. The sessions come
from `coproduce.testing.sessions.session_for`.
"""

import http.client
import itertools
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from queue import Empty, Queue
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Ask:
    slot: int  # requests with the same slot number all overlap each other
    start: datetime
    end: datetime
    session: str


@dataclass
class Outcome:
    ask: Ask
    status: int
    body: dict = field(default_factory=dict)
    attempts: int = 1


def plan(
    *,
    first_day: date,
    slots: int,
    per_slot: int,
    sessions: list[str],
    opens_hour: int = 8,
    closes_hour: int = 22,
) -> list[Ask]:
    """`per_slot` requests for each slot: most for the exact hour, a fifth shifted by half
    an hour (overlapping it partially). Slots are two hours apart, so each slot's requests
    overlap each other and no other slot's; all fall within opens_hour to closes_hour UTC."""
    asks: list[Ask] = []
    per_day = (closes_hour - opens_hour) // 2
    for slot in range(slots):
        day = first_day + timedelta(days=slot // per_day)
        start = datetime(day.year, day.month, day.day, opens_hour, tzinfo=UTC) + timedelta(
            hours=2 * (slot % per_day)
        )
        for n in range(per_slot):
            shift = timedelta(minutes=30) if n % 5 == 4 else timedelta(0)
            asks.append(
                Ask(
                    slot,
                    start + shift,
                    start + shift + timedelta(hours=1),
                    sessions[(slot * per_slot + n) % len(sessions)],
                )
            )
    return asks


def _post(base_url: str, room_id: int, ask: Ask, timeout: float) -> tuple[int, dict]:
    parts = urlsplit(base_url)
    token = secrets.token_hex(16)  # 32 characters: a valid unmasked CSRF secret
    body = json.dumps(
        {"start": ask.start.isoformat(), "end": ask.end.isoformat(), "purpose": "Load test"}
    )
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request(
            "POST",
            f"/bookings/rooms/{room_id}/book",
            body=body,
            headers={
                "Content-Type": "application/json",
                "Cookie": f"sessionid={ask.session}; csrftoken={token}",
                "X-CSRFToken": token,
                "Host": f"{parts.hostname}:{parts.port}",
            },
        )
        response = connection.getresponse()
        raw = response.read()
        try:
            data = json.loads(raw)
        except ValueError:
            data = {"raw": raw[:200].decode("utf-8", "replace")}
        return response.status, data
    finally:
        connection.close()


def fire(
    base_url: Callable[[], str] | str,
    room_id: int,
    asks: list[Ask],
    *,
    retry_for: float = 60.0,
    timeout: float = 60.0,
    on_answer: Callable[[int], None] | None = None,
    clients: int | None = None,
) -> list[Outcome]:
    """Send every ask at once: `clients` threads (default one per ask), released together
    by a barrier, each sending asks from a shared queue until none are left.

    A request that gets no answer (the server was killed, or is restarting) is sent again
    until it gets one or `retry_for` seconds pass; its outcome is then status 0.
    """
    outcomes: list[Outcome | None] = [None] * len(asks)
    clients = min(clients or len(asks), len(asks))
    barrier = threading.Barrier(clients)
    queue: Queue[tuple[int, Ask]] = Queue()
    for item in enumerate(asks):
        queue.put(item)

    def send(index: int, ask: Ask) -> None:
        deadline = time.monotonic() + retry_for
        attempts = 0
        while True:
            attempts += 1
            url = base_url() if callable(base_url) else base_url
            try:
                status, data = _post(url, room_id, ask, timeout)
            except OSError as error:
                if time.monotonic() > deadline:
                    outcomes[index] = Outcome(ask, 0, {"error": repr(error)}, attempts)
                    return
                time.sleep(0.05)
                continue
            outcomes[index] = Outcome(ask, status, data, attempts)
            if on_answer is not None:
                on_answer(status)
            return

    def client() -> None:
        barrier.wait()
        while True:
            try:
                index, ask = queue.get_nowait()
            except Empty:
                return
            send(index, ask)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [o for o in outcomes if o is not None]


def problems(outcomes: list[Outcome], room_id: int) -> list[str]:
    """Everything wrong with what the server answered and stored. Empty when all is well."""
    from coproduce.bookings.models import Booking
    from coproduce.notifications.models import Notification

    found: list[str] = []
    bad = [o for o in outcomes if o.status not in (201, 409)]
    for outcome in bad[:5]:
        found.append(f"unexpected answer {outcome.status}: {outcome.body}")
    if len(bad) > 5:
        found.append(f"... and {len(bad) - 5} more unexpected answers")
    confirmed = list(
        Booking.objects.filter(room_id=room_id, status=Booking.Status.CONFIRMED).order_by(
            "starts_at"
        )
    )
    for before, after in itertools.pairwise(confirmed):
        if after.starts_at < before.ends_at:
            found.append(f"bookings {before.pk} and {after.pk} overlap")
    by_slot: dict[int, list[Outcome]] = {}
    for outcome in outcomes:
        by_slot.setdefault(outcome.ask.slot, []).append(outcome)
    for slot, group in sorted(by_slot.items()):
        start = min(o.ask.start for o in group)
        end = max(o.ask.end for o in group)
        count = sum(1 for b in confirmed if b.starts_at < end and start < b.ends_at)
        if count != 1:
            found.append(f"slot {slot} has {count} confirmed bookings, not 1")
    stored = {b.pk: b for b in confirmed}
    for outcome in outcomes:
        if outcome.status != 201:
            continue
        booking = stored.get(outcome.body.get("id"))
        if booking is None:
            found.append(f"acknowledged booking {outcome.body} is not stored as confirmed")
        elif (booking.starts_at, booking.ends_at) != (outcome.ask.start, outcome.ask.end):
            found.append(f"booking {booking.pk} has other times than were asked")
    # Nothing half-written: each confirmed booking's requester was told, in the same commit.
    requesters = {b.requested_by_id for b in confirmed}
    told = Notification.objects.filter(
        kind="booking_update", title="Your booking is confirmed", recipient_id__in=requesters
    ).count()
    if told != len(confirmed):
        found.append(f"{len(confirmed)} confirmed bookings but only {told} notifications")
    return found
