"""The rest of the programme: the Work Shop, evening meet-ups, online talks, Good for Nothing
hack weekends, the practitioners' forum and an Open Space on the food strategy."""

from datetime import timedelta

from coproduce.gatherings.models import Event, Series

from .cast import Cast, crowd_for
from .dates import LONDON, at, months, nth_weekday, on_or_after
from .gathering import ONLINE, Gathering, make_event
from .programme_words import ACCESS_NOTES, FULL_WORKSHOP, ONLINE_TALKS, WORK_SHOP
from .venues import Venues

Kind = Event.Kind


def plan_programme(ctx, rng, cast: Cast, venues: Venues, series, scale: int) -> list[Gathering]:
    today = ctx.now.astimezone(LONDON).date()
    crowd = crowd_for(scale)
    gatherings = _work_shop(ctx, rng, cast, venues, series["work_shop"], scale)
    gatherings += _meet_ups(ctx, rng, cast, venues, series["meet_ups"])
    for number, day in enumerate(
        on_or_after(today - timedelta(days=270 - 42 * n), 2) for n in range(9)
    ):
        topic = ONLINE_TALKS[number % len(ONLINE_TALKS)]
        done = at(day, 13, 30) <= ctx.now
        gatherings.append(
            Gathering(
                event=Event(
                    title=f"Coproduction in an hour: {topic}",
                    summary="A lunchtime talk online, with time for questions.",
                    kind=Kind.TALK,
                    starts_at=at(day, 12, 30),
                    ends_at=at(day, 13, 30),
                    online_url=ONLINE.format(f"coproduction-in-an-hour-{number + 1}"),
                    access_provisions=["bsl"],
                    created_by_id=cast.officer,
                ),
                organisers=cast.named(cast.officer),
                going=rng.randint(15, 40) * crowd if done else rng.randint(5, 15) * crowd,
                pool=cast.engaged,
            )
        )
    hack_organisers = cast.named(cast.organiser)
    for offset, challenges in [
        (-150, "Healthwatch, the council website, and parks and open spaces"),
        (63, "Love Your Space, the food strategy and the youth panel"),
    ]:
        saturday = on_or_after(today + timedelta(days=offset), 5, days=2)
        done = offset < 0
        gatherings.append(
            Gathering(
                event=make_event(
                    title=f"Good for Nothing hack weekend, {saturday:%B %Y}",
                    summary="Give a weekend of your skills to local causes. Food provided.",
                    description=f"This time: {challenges}. Less talking, more doing.",
                    kind=Kind.HACK_DAY,
                    series=series["hack"],
                    starts_at=at(saturday, 9, 30),
                    ends_at=at(saturday + timedelta(days=1), 17),
                    place=venues.hack,
                    online_url="" if venues.hack else ONLINE.format("good-for-nothing"),
                    capacity=60,
                    access_provisions=["creche", "quiet_room", "dietary"],
                    created_by_id=cast.organiser,
                ),
                organisers=hack_organisers,
                going=rng.randint(40, 60) if done else rng.randint(25, 45),
                pool=cast.engaged,
            )
        )
    forum = [
        Event(
            title="Coproduction Practitioners' Forum, online",
            summary="Practitioners share what works. The agenda is open to delegates.",
            kind=Kind.FORUM,
            series=series["forum"],
            starts_at=at(on_or_after(today - timedelta(days=120), 3), 10),
            ends_at=at(on_or_after(today - timedelta(days=120), 3), 12, 30),
            online_url=ONLINE.format("practitioners-forum"),
            capacity=100,
            agenda_open=True,
            access_provisions=["bsl"],
            created_by_id=cast.officer,
        ),
        make_event(
            title="Coproduction Practitioners' Forum, hosted by Northbrook",
            summary="Northbrook hosts the forum. The agenda is open: add an item.",
            description="We have added two items about coproduction in the council.",
            kind=Kind.FORUM,
            series=series["forum"],
            starts_at=at(on_or_after(today + timedelta(days=35), 3), 10),
            ends_at=at(on_or_after(today + timedelta(days=35), 3), 12, 30),
            place=venues.council,
            online_url="" if venues.council else ONLINE.format("practitioners-forum"),
            capacity=60,
            agenda_open=True,
            access_provisions=["bsl", "hearing_loop", "large_print", "dietary"],
            created_by_id=cast.officer,
        ),
    ]
    gatherings += [
        Gathering(
            event=event,
            organisers=cast.named(cast.officer),
            going=rng.randint(30, 50) if number == 0 else rng.randint(25, 40),
            pool=cast.engaged,
            must=cast.named(cast.organiser) if number == 1 else [],
        )
        for number, event in enumerate(forum)
    ]
    thursday = on_or_after(today + timedelta(days=45), 3)
    gatherings.append(
        Gathering(
            event=make_event(
                title="Open Space: what should the food strategy do first?",
                summary="No agenda: bring the question you want to work on.",
                description="Growers, shops, schools and residents set the agenda on the day.",
                kind=Kind.OPEN_SPACE,
                starts_at=at(thursday, 10),
                ends_at=at(thursday, 12, 30),
                place=venues.hack or venues.council,
                online_url="" if venues.hack or venues.council else ONLINE.format("food"),
                capacity=40,
                agenda_open=True,
                access_provisions=["creche", "quiet_room"],
                created_by_id=cast.officer,
            ),
            organisers=cast.named(cast.officer, cast.organiser),
            going=rng.randint(12, 25),
            pool=cast.engaged,
        )
    )
    return gatherings


def _work_shop(ctx, rng, cast: Cast, venues: Venues, series: Series, scale: int):
    """Two seasons, one past and one to come, three days a week (an evening, a lunchtime
    and a Saturday morning). The first workshop to come is full, with a waiting list."""
    today = ctx.now.astimezone(LONDON).date()
    gatherings: list[Gathering] = []
    resident_past = resident_next = False
    # Each season has its own titles: nothing in the shop is called the same twice.
    shuffled = {kind: rng.sample(spec[3], len(spec[3])) for kind, spec in WORK_SHOP.items()}
    full = next(t for t in WORK_SHOP[Kind.WORKSHOP][3] if t[0] == FULL_WORKSHOP)
    others = [t for t in shuffled[Kind.WORKSHOP] if t != full]
    half = len(others) // 2 + 1
    for season, offset in enumerate((-190, 20)):
        thursday = on_or_after(today + timedelta(days=offset), 3, days=3)
        titles = {kind: listed[season::2] for kind, listed in shuffled.items()}
        # The full workshop is the first to come.
        titles[Kind.WORKSHOP] = [full, *others[half:]] if season else others[:half]
        for week in range(2 + scale):
            if week:
                thursday = on_or_after(thursday + timedelta(weeks=1), 3, days=3)
            for days, kind in enumerate(WORK_SHOP):
                (sh, sm), (eh, em), capacity, _options = WORK_SHOP[kind]
                day = thursday + timedelta(days=days)
                title, summary = titles[kind][week % len(titles[kind])]
                offered = {Kind.TALK: ["hearing_loop"], Kind.WORKSHOP: ["creche"]}.get(kind, [])
                if kind == Kind.TALK and week == 1:
                    offered = [*offered, "bsl"]
                event = make_event(
                    title=title,
                    summary=summary,
                    kind=kind,
                    series=series,
                    group=series.group,
                    starts_at=at(day, sh, sm),
                    ends_at=at(day, eh, em),
                    place=venues.shop,
                    online_url="" if venues.shop else ONLINE.format("work-shop"),
                    capacity=capacity,
                    access_provisions=offered,
                    created_by_id=cast.officer,
                )
                done = event.ends_at <= ctx.now
                g = Gathering(
                    event=event,
                    organisers=cast.named(cast.officer, cast.organiser),
                    going=rng.randint(capacity // 2, capacity)
                    if done
                    else rng.randint(capacity // 5, capacity * 3 // 4),
                    pool=cast.engaged,
                )
                if not done and kind == Kind.WORKSHOP and title == FULL_WORKSHOP:
                    g.going, g.waiting = capacity, rng.randint(3, 6)
                elif done and kind == Kind.TALK and not resident_past:
                    g.must, resident_past = cast.named(cast.resident), True
                elif not done and kind == Kind.WORKSHOP and not resident_next:
                    g.must, resident_next = cast.named(cast.resident), True
                    if cast.resident is not None:
                        g.asks[cast.resident] = (["creche"], ACCESS_NOTES["creche"][0])
                gatherings.append(g)
    return gatherings


def _meet_ups(ctx, rng, cast: Cast, venues: Venues, series: Series) -> list[Gathering]:
    """First Wednesday of every month, 6 to 8pm, at each hub (more hubs on bigger boroughs).
    The next one at the first hub is cancelled."""
    hubs = venues.hubs or [venues.council]
    gatherings = []
    cancelled = False
    for year, month in months(ctx.now.astimezone(LONDON).date()):
        day = on_or_after(nth_weekday(year, month + 1, 2, 1), 2)
        for hub in hubs:
            where = f" at {hub.name}" if hub is not None and len(hubs) > 1 else ""
            event = make_event(
                title=f"Evening meet-up{where}, {day:%B %Y}",
                summary="Less talking, more doing. Drop in between 6 and 8pm.",
                kind=Kind.MEET_UP,
                series=series,
                starts_at=at(day, 18),
                ends_at=at(day, 20),
                place=hub,
                online_url="" if hub else ONLINE.format("meet-up"),
                created_by_id=cast.organiser,
            )
            done = event.ends_at <= ctx.now
            if not done and not cancelled:
                cancelled = True
                event.status = Event.Status.CANCELLED
                event.cancel_reason = "A burst pipe at the venue. See you next month."
                event.sequence = 1
            gatherings.append(
                Gathering(
                    event=event,
                    organisers=cast.named(cast.organiser),
                    going=rng.randint(6, 20) if done else rng.randint(2, 8),
                    pool=cast.engaged,
                    must=cast.named(cast.resident) if done and month % 4 == 0 else [],
                )
            )
    return gatherings
