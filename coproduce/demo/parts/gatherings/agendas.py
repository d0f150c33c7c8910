"""Open agendas: items delegates suggest and the interest shown in them, laid out on a past
Open Space's board or in a past forum's running order."""

from datetime import timedelta

from coproduce.demo.context import BATCH_SIZE
from coproduce.gatherings.models import AgendaInterest, AgendaItem, Event

from .cast import Cast
from .dates import LONDON, at
from .gathering import Gathering
from .programme_words import FOOD_ITEMS, FORUM_ITEMS, OPEN_SPACE_ITEMS, PAST_FORUM_ITEMS, ROOMS

Kind = Event.Kind


def make_agendas(ctx, rng, cast: Cast, gatherings: list[Gathering]) -> list[AgendaItem]:
    """Suggestions on every open agenda, with interest; past Open Space has a board."""
    items: list[AgendaItem] = []
    interests: list[AgendaInterest] = []
    for g in gatherings:
        if not g.event.agenda_open:
            continue
        event, past = g.event, g.event.ends_at <= ctx.now
        if event.kind == Kind.OPEN_SPACE:
            texts, layout = (OPEN_SPACE_ITEMS, "board") if past else (FOOD_ITEMS, "open")
        else:
            texts, layout = (PAST_FORUM_ITEMS, "agenda") if past else (FORUM_ITEMS, "open")
        people = g.holders or g.organisers
        made = []
        for number, (title, description) in enumerate(texts):
            by = rng.choice(people) if people else None
            if layout == "open" and event.kind == Kind.FORUM and number < 2:
                by = cast.officer or by  # the host's own two items
            elif layout == "open" and event.kind == Kind.FORUM and number == 2:
                by = cast.organiser or by
            backers = [by] if by is not None else []
            others = [p for p in people if p != by]
            backers += rng.sample(others, rng.randint(0, min(10, len(others))))
            item = AgendaItem(
                event=event,
                title=title,
                description=description,
                proposed_by_id=by,
                interest_count=len(backers),
            )
            made.append((item, backers))
        _lay_out(event, [m[0] for m in made], layout)
        for item, backers in made:
            items.append(item)
            interests += [AgendaInterest(item=item, user_id=p) for p in backers]
    AgendaItem.objects.bulk_create(items, batch_size=BATCH_SIZE)
    AgendaInterest.objects.bulk_create(interests, batch_size=BATCH_SIZE)
    for item in items:
        item.created_at = min(item.event.starts_at, ctx.now) - timedelta(days=rng.randint(1, 14))
    AgendaItem.objects.bulk_update(items, ["created_at"], batch_size=BATCH_SIZE)
    for interest in interests:
        interest.created_at = interest.item.created_at + timedelta(hours=rng.randint(0, 20))
    AgendaInterest.objects.bulk_update(interests, ["created_at"], batch_size=BATCH_SIZE)
    ctx.remember(items)
    ctx.remember(interests)
    return items


def _lay_out(event: Event, items: list[AgendaItem], layout: str) -> None:
    """The board: most interest first into rooms and slots; one left over, one withdrawn.
    An agenda: one item after another in the main room."""
    day = event.starts_at.astimezone(LONDON).date()
    if layout == "board":
        slots = [(at(day, 10, 30), at(day, 11, 15)), (at(day, 11, 30), at(day, 12, 15))]
        cells = [(room, slot) for slot in slots for room in ROOMS]
        ranked = sorted(items, key=lambda i: -i.interest_count)
        ranked[-1].status = AgendaItem.Status.WITHDRAWN
        for item, (room, (start, end)) in zip(ranked[:-2], cells, strict=False):
            item.status = AgendaItem.Status.SCHEDULED
            item.room, item.slot_starts_at, item.slot_ends_at = room, start, end
    elif layout == "agenda":
        start = event.starts_at + timedelta(minutes=15)
        for item in items:
            item.status = AgendaItem.Status.SCHEDULED
            item.room, item.slot_starts_at = "Main room", start
            item.slot_ends_at = start = start + timedelta(minutes=30)
