"""The Coproduction Action Learning Set's sessions: the second Tuesday of each month."""

from coproduce.gatherings.models import Event, Series

from .cast import Cast
from .dates import LONDON, at, months, nth_weekday
from .gathering import ONLINE, Gathering, make_event
from .set_words import SET_DESCRIPTION, SET_THEMES
from .venues import Venues

Kind = Event.Kind


def plan_learning_set(ctx, rng, cast: Cast, venues: Venues, series: Series) -> list[Gathering]:
    """A session a month, but not in August; one month in the middle is Open Space."""
    days = [
        nth_weekday(year, month + 1, 1, 2)
        for year, month in months(ctx.now.astimezone(LONDON).date())
        if month + 1 != 8
    ]
    past = [d for d in days if at(d, 12, 30) <= ctx.now]
    open_space = past[len(past) // 2] if len(past) >= 3 else None
    gatherings = []
    for number, day in enumerate(days):
        start, end = at(day, 10), at(day, 12, 30)
        done = end <= ctx.now
        theme = SET_THEMES[number % len(SET_THEMES)]
        hybrid = number % 3 == 1
        common = {
            "series": series,
            "starts_at": start,
            "ends_at": end,
            "place": venues.council,
            "online_url": ONLINE.format("action-learning-set")
            if hybrid or venues.council is None
            else "",
            "created_by_id": cast.officer,
        }
        if day == open_space:
            event = make_event(
                title=f"Coproduction Action Learning Set, {day:%B %Y}: Open Space",
                summary="No agenda this time: a completely Open Space session.",
                description=(
                    "You take responsibility for getting out of the session what you need. "
                    "Suggest a topic, put it on the board, and go to the ones you care about. "
                    "We agreed a barrier-busting session on access to affordable space."
                ),
                kind=Kind.OPEN_SPACE,
                capacity=40,
                agenda_open=True,
                access_provisions=["hearing_loop", "quiet_room"],
                **common,
            )
            going = rng.randint(18, 28)
            pool = cast.engaged
        else:
            event = make_event(
                title=f"Coproduction Action Learning Set, {day:%B %Y}",
                summary=f"{theme}, then treatments: bring a project, or help with someone else's.",
                description=SET_DESCRIPTION,
                kind=Kind.ACTION_LEARNING_SET,
                capacity=25,
                access_provisions=["hearing_loop", "large_print"],
                **common,
            )
            going = rng.randint(12, 20) if done else rng.randint(2, 6)
            pool = cast.practitioners
        gatherings.append(
            Gathering(
                event=event,
                organisers=cast.named(cast.organiser, cast.officer),
                going=going,
                pool=pool,
            )
        )
    upcoming = [g for g in gatherings if g.event.ends_at > ctx.now]
    if upcoming:
        upcoming[0].going = rng.randint(8, 14)
    return gatherings
