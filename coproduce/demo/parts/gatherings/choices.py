"""Choices put to the room: the latest evening meet-up that has happened selected future
projects by a closed dot vote, and the learning set chose which barrier to bust next.

Made through the gatherings services (they send nothing), so ballots, room counts and the
recorded count agree as they would on the live site; then the times are put back to the
evening itself, since the services stamp "now".
"""

from datetime import timedelta

from coproduce.demo.context import DemoContext
from coproduce.gatherings.models import (
    Ballot,
    BallotMark,
    Barrier,
    Choice,
    ChoiceOption,
    Event,
    Rsvp,
    Treatment,
)
from coproduce.gatherings.selectors import project_candidates
from coproduce.gatherings.services import choices as services
from coproduce.projects.models import Project
from coproduce.projects.selectors import shown_projects

from .cast import Cast

PROJECTS_PUT = 5
BARRIERS_PUT = 4


def make_choices(ctx: DemoContext, rng, cast: Cast) -> dict[str, int]:
    """The meet-up's dot vote and the learning set's barrier choice; how many of each made."""
    if cast.organiser is None:
        return {}
    made = []
    meet_up = _latest_past(ctx, Event.Kind.MEET_UP)
    if meet_up is not None:
        choice = _projects_vote(rng, cast, meet_up)
        if choice is not None:
            made.append(choice)
    session = _latest_past(ctx, Event.Kind.ACTION_LEARNING_SET, with_barriers=True)
    if session is not None:
        choice = _barrier_vote(rng, cast, session)
        if choice is not None:
            made.append(choice)
    for choice in made:
        _back_to_the_evening(choice)
        ctx.remember([choice])
        ctx.remember(ChoiceOption.objects.filter(choice=choice))
        ctx.remember(Ballot.objects.filter(choice=choice))
        ctx.remember(BallotMark.objects.filter(ballot__choice=choice))
    return {
        "choices at meetings": len(made),
        "votes at meetings": Ballot.objects.filter(choice__in=made).count(),
    }


def _latest_past(ctx: DemoContext, kind: str, *, with_barriers: bool = False) -> Event | None:
    events = Event.objects.filter(
        kind=kind,
        status=Event.Status.SCHEDULED,
        ends_at__lte=ctx.now,
        organisers__isnull=False,
        confirmed_count__gte=2,
    ).order_by("-starts_at")
    for event in events[:12]:
        if not with_barriers or len(_barriers_before(event)) >= 2:
            return event
    return None


def _barriers_before(event: Event) -> list[Barrier]:
    """Barriers the set named up to this session that were still in the way at it."""
    return list(
        Barrier.objects.filter(
            treatment__event__series_id=event.series_id,
            treatment__event__starts_at__lte=event.starts_at,
            treatment__status=Treatment.Status.ACCEPTED,
        )
        .exclude(busted_at__lte=event.ends_at)
        .order_by("-treatment__event__starts_at", "pk")[:BARRIERS_PUT]
    )


def _host(cast: Cast, event: Event):
    return event.organisers.filter(pk=cast.organiser).first() or event.organisers.first()


def _voters(event: Event) -> list:
    return [
        rsvp.user
        for rsvp in Rsvp.objects.filter(
            event=event, status=Rsvp.Status.CONFIRMED, user__is_active=True
        )
        .select_related("user")
        .order_by("pk")
    ]


def _projects_vote(rng, cast: Cast, event: Event) -> Choice | None:
    projects = list(project_candidates(event))
    if len(projects) < PROJECTS_PUT:
        more = (
            shown_projects()
            .filter(status__in=(Project.Status.IDEA, Project.Status.FORMING))
            .exclude(pk__in=[p.pk for p in projects])
        )
        projects += list(more.order_by("pk")[: PROJECTS_PUT - len(projects)])
    projects = rng.sample(projects, min(len(projects), PROJECTS_PUT))
    if len(projects) < 3:
        return None
    host = _host(cast, event)
    choice = services.choice_create(
        event=event,
        by=host,
        question="Which projects should we take on next?",
        about=Choice.About.PROJECTS,
        method=Choice.Method.DOTS,
        dots=3,
        most_on_one=2,
        seats=2,
        projects=projects,
    )
    options = [option.pk for option in choice.options.all()]
    # Most people like one or two things a lot: weight the options so the count has a shape.
    weights = [rng.uniform(0.3, 3.0) for _ in options]
    for voter in _voters(event):
        spread: dict[int, int] = {}
        for _dot in range(3):
            option = rng.choices(options, weights)[0]
            if spread.get(option, 0) < 2:
                spread[option] = spread.get(option, 0) + 1
        services.ballot_cast(choice=choice, user=voter, dots=spread)
    room_people = rng.randint(3, 8)
    room: dict[int, int] = {}
    for _dot in range(room_people * 3 - rng.randint(0, room_people)):
        option = rng.choices(options, weights)[0]
        room[option] = room.get(option, 0) + 1
    services.choice_room_counts_set(choice=choice, by=host, people=room_people, dots=room)
    return services.choice_close(choice=choice, by=host)


def _barrier_vote(rng, cast: Cast, event: Event) -> Choice | None:
    barriers = _barriers_before(event)
    host = _host(cast, event)
    choice = services.choice_create(
        event=event,
        by=host,
        question="Which barrier do we bust next?",
        about=Choice.About.BARRIERS,
        method=Choice.Method.RANKING,
        seats=1,
        barriers=barriers,
    )
    options = [option.pk for option in choice.options.all()]
    for voter in _voters(event):
        ranked = rng.sample(options, rng.randint(2, len(options)))
        services.ballot_cast(
            choice=choice, user=voter, places={o: n + 1 for n, o in enumerate(ranked)}
        )
    # Two people in the room filled in paper slips, putting every barrier in order.
    slips = [rng.sample(options, len(options)) for _ in range(2)]
    places = {o: [sum(1 for s in slips if s[k] == o) for k in range(len(options))] for o in options}
    services.choice_room_counts_set(choice=choice, by=host, people=len(slips), places=places)
    return services.choice_close(choice=choice, by=host)


def _back_to_the_evening(choice: Choice) -> None:
    """Stamp the choice as put at the start of the event and closed near its end."""
    event = choice.event
    opened = event.starts_at + timedelta(minutes=40)
    closed = event.ends_at - timedelta(minutes=15)
    Choice.objects.filter(pk=choice.pk).update(
        created_at=opened, updated_at=closed, closed_at=closed, room_counted_at=closed
    )
    ChoiceOption.objects.filter(choice=choice).update(created_at=opened, updated_at=closed)
    Ballot.objects.filter(choice=choice).update(created_at=opened, updated_at=opened)
