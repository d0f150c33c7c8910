"""The treatments at each session of the learning set, and their four columns: who is
affected, resources, the action plan and the barriers."""

from datetime import datetime, timedelta

from coproduce.demo.context import BATCH_SIZE, DemoContext
from coproduce.gatherings.models import Action, Barrier, Column, ColumnNote, Treatment

from .cast import Cast
from .dates import LONDON
from .gathering import Gathering
from .report_backs import make_report_backs
from .set_words import (
    ACTIONS,
    BARRIERS,
    OWNER_NAMES,
    QUESTIONS,
    RESIDENTS_ACTION,
    RESOURCES,
    SPACE_BARRIERS,
    WHO,
)
from .treated import Treated


def make_treatments(ctx, rng, cast: Cast, learning, plan, themes) -> dict[str, int]:
    """The treatments at each session, their four columns, and the report-backs on them."""
    treated: list[list[Treated]] = []
    last_of: dict[tuple, Treated] = {}
    for number, (g, chosen) in enumerate(zip(learning, plan, strict=True)):
        here = [
            Treated(
                Treatment(
                    event=g.event,
                    project_id=b.project_id,
                    title=b.title[:150],
                    summary=b.summary,
                    question=rng.choice(QUESTIONS),
                    presenter_id=b.presenter,
                    status=status,
                ),
                b,
                last_of.get(b.key),  # as the service does: the last one accepted in the set
            )
            for b, status in chosen
        ]
        for item in here:
            if item.treatment.status == Treatment.Status.ACCEPTED:
                last_of[item.brought.key] = item
                if item.follows is not None:
                    item.follows.followed_at = number
        treated.append(here)
    everything = [item for here in treated for item in here]
    rows = [item.treatment for item in everything]
    Treatment.objects.bulk_create(rows)
    for item in everything:
        item.treatment.follows = item.follows.treatment if item.follows else None
        item.treatment.created_at = min(  # put forward a few days or weeks before
            item.treatment.event.starts_at - timedelta(days=rng.randint(3, 20)),
            ctx.now - timedelta(hours=rng.randint(1, 48)),
        )
    Treatment.objects.bulk_update(rows, ["created_at", "follows"], batch_size=BATCH_SIZE)
    ctx.remember(rows)
    when: dict[int, datetime] = {}
    notes, actions, barriers = [], [], []
    done = [n for n, g in enumerate(learning) if g.event.ends_at <= ctx.now]
    for number in done:
        g, space_named, resident_done = learning[number], False, number != done[-1]
        for item in treated[number]:
            if item.treatment.status != Treatment.Status.ACCEPTED:
                continue
            new = item.follows is None
            made = _columns(rng, cast, g, item, themes, space=new and not space_named)
            space_named = space_named or new
            if not resident_done and cast.resident is not None:
                # The demo resident took something on at the last session, still to do.
                resident_done = True
                made[1].append(
                    Action(
                        treatment=item.treatment,
                        text=RESIDENTS_ACTION,
                        owner_id=cast.resident,
                        due_on=ctx.now.astimezone(LONDON).date() + timedelta(days=6),
                        added_by_id=cast.resident,
                    )
                )
            for column in made:
                for i, row in enumerate(column):
                    when[id(row)] = g.event.starts_at + timedelta(minutes=20 + i)
            notes += made[0]
            item.actions, item.barriers = made[1], made[2]
            actions += made[1]
            barriers += made[2]
    reports, reminders = make_report_backs(rng, learning, treated, done, themes, when)
    for made in (notes, actions, barriers, reports, reminders):
        _save(ctx, made, when)
    return {
        "action learning treatments": len(rows),
        "actions": len(actions),
        "barriers": len(barriers),
        "report-backs": len(reports),
    }


def _save(ctx: DemoContext, rows: list, when: dict[int, datetime]) -> None:
    """bulk_create stamps every row "now": put back when each was really made."""
    if not rows:
        return
    model = type(rows[0])
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for row in rows:
        row.created_at = when[id(row)]
    model.objects.bulk_update(rows, ["created_at"], batch_size=BATCH_SIZE)
    ctx.remember(rows)


def _columns(rng, cast: Cast, g: Gathering, item: Treated, themes, *, space: bool):
    """Who is affected, resources, the action plan and barriers for one treatment."""
    t, presenter = item.treatment, item.brought.presenter
    helpers = g.came or g.confirmed or [presenter]
    hands = helpers + cast.named(cast.organiser, cast.officer)
    notes = [
        ColumnNote(treatment=t, column=column, text=text, added_by_id=rng.choice(hands))
        for column, texts in ((Column.WHO, WHO), (Column.RESOURCES, RESOURCES))
        for text in rng.sample(texts, rng.randint(3, 5))
    ]
    others = [p for p in helpers if p != presenter]
    actions = []
    for text in rng.sample(ACTIONS, rng.randint(2, 4)):
        owner, owner_name, r = presenter, "", rng.random()
        if 0.45 <= r < 0.7 and others:
            owner = rng.choice(others)
        elif 0.7 <= r < 0.9:
            owner, owner_name = None, rng.choice(OWNER_NAMES)
        elif r >= 0.9 and cast.officer is not None:
            owner = cast.officer
        actions.append(
            Action(
                treatment=t,
                text=text,
                owner_id=owner,
                owner_name=owner_name,
                due_on=g.day + timedelta(days=rng.randint(7, 35)),
                added_by_id=rng.choice(hands),
            )
        )
    wordings = rng.sample(BARRIERS, rng.randint(1, 3))
    if space:
        # The set's standing barrier-busting theme, affordable space, in one of its wordings.
        rest = [w for w in wordings if w[1] != "space"][:2]
        wordings = [(rng.choice(SPACE_BARRIERS), "space"), *rest]
    barriers = [
        Barrier(
            treatment=t,
            text=text,
            theme=themes[key] if key else None,
            added_by_id=rng.choice(hands),
        )
        for text, key in wordings
    ]
    return notes, actions, barriers
