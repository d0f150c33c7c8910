"""Places at the events for demo people: waiting lists, "bring a friend", access support
asked for, and who came to the past ones. The events are saved here too, once their counts
of places are known."""

import random
from datetime import timedelta

from django.db.models import F

from coproduce.demo.context import BATCH_SIZE, DemoContext, remembered
from coproduce.gatherings.models import Event, Rsvp

from .dates import DAY
from .gathering import Gathering
from .programme_words import ACCESS_NOTES, OTHER_NOTES


def save_events_and_places(ctx, rng, gatherings: list[Gathering]) -> list[Rsvp]:
    rsvps: list[Rsvp] = []
    for g in gatherings:
        rsvps += _places(ctx, rng, g)
    events = [g.event for g in gatherings]
    Event.objects.bulk_create(events, batch_size=BATCH_SIZE)
    through = Event.organisers.through
    through.objects.bulk_create(
        [through(event_id=g.event.pk, user_id=p) for g in gatherings for p in g.organisers],
        batch_size=BATCH_SIZE,
    )
    ctx.remember(events)
    Rsvp.objects.bulk_create(rsvps, batch_size=BATCH_SIZE)
    ctx.remember(rsvps)
    Rsvp.objects.filter(pk__in=remembered(Rsvp)).update(created_at=F("queued_at"))
    # As if each was made when it was announced (and never in the future).
    for event in events:
        event.created_at = min(
            event.starts_at - timedelta(days=rng.randint(21, 60)),
            ctx.now - timedelta(hours=rng.randint(1, 72)),
        )
    Event.objects.bulk_update(events, ["created_at"], batch_size=BATCH_SIZE)
    return rsvps


def _places(ctx: DemoContext, rng: random.Random, g: Gathering) -> list[Rsvp]:
    """Places for one event, first come first served, with the event's counts to match."""
    event = g.event
    must = list(dict.fromkeys(g.must))
    if event.capacity is not None:
        event.capacity = max(event.capacity, len(must))
    going = g.going if event.capacity is None else min(g.going, event.capacity)
    going = max(going, len(must))
    gave_up = rng.randint(0, max(1, going // 10))
    wanted = going - len(must) + g.waiting + gave_up
    taken = set(must)
    pool = [p for p in rng.sample(g.pool, min(len(g.pool), wanted + len(must))) if p not in taken]
    drawn = pool[:wanted]
    confirmed = must + drawn[: going - len(must)]
    waiting = drawn[going - len(must) : going - len(must) + g.waiting]
    cancelled = drawn[going - len(must) + len(waiting) :]
    first = min(
        event.starts_at - timedelta(days=rng.randint(21, 50)),
        ctx.now - timedelta(days=rng.randint(3, 10)),
    )
    last = min(event.starts_at - timedelta(hours=1), ctx.now - timedelta(minutes=10))
    first = min(first, last - timedelta(days=1))
    times = sorted(first + (last - first) * rng.random() for _ in confirmed + waiting + cancelled)
    # People who gave up a place did so while places were left: their times are among the
    # confirmed ones; the waiting list joined last.
    head = len(confirmed) + len(cancelled)
    left = set(rng.sample(range(head), len(cancelled)))
    ordered = [(p, Rsvp.Status.CONFIRMED) for p in confirmed]
    ordered.reverse()
    gone = [(p, Rsvp.Status.CANCELLED) for p in cancelled]
    sequence = [gone.pop() if i in left else ordered.pop() for i in range(head)]
    sequence += [(p, Rsvp.Status.WAITING) for p in waiting]
    past = event.ends_at <= ctx.now
    recorded = past and ctx.now - event.ends_at > timedelta(days=2)
    if recorded:
        event.attendance_recorded_at = event.ends_at + timedelta(hours=rng.randint(2, 40))
    offered = event.access_provisions
    rows, holders = [], []
    for (person, status), queued in zip(sequence, times, strict=True):
        asks, note = g.asks.get(person, ([], ""))
        if person not in g.asks:
            if offered and rng.random() < 0.12:
                asks = [rng.choice(offered)]
                note = rng.choice(ACCESS_NOTES[asks[0]]) if rng.random() < 0.6 else ""
            elif rng.random() < 0.03:
                note = rng.choice(OTHER_NOTES)
        invited_by = None
        if holders and person not in taken and rng.random() < 0.08:
            invited_by = rng.choice(holders)  # "bring a friend": by someone with a place
        attended = None
        if recorded and status == Rsvp.Status.CONFIRMED:
            attended = person in taken or rng.random() < 0.85
        reminded = status == Rsvp.Status.CONFIRMED and queued < event.starts_at - DAY
        rows.append(
            Rsvp(
                event=event,
                user_id=person,
                status=status,
                queued_at=queued,
                access_requests=asks,
                access_note=note,
                invited_by_id=invited_by,
                attended=attended,
                reminder_sent_at=event.starts_at - DAY if past and reminded else None,
            )
        )
        if status == Rsvp.Status.CONFIRMED:
            holders.append(person)
            if attended is not False:
                g.came.append(person)
    g.confirmed = holders
    g.holders = holders + waiting
    event.confirmed_count, event.waiting_count = len(holders), len(waiting)
    return rows
