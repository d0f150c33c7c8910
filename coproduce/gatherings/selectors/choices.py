"""Reads of choices made at gatherings: one choice with its options, an event's choices, what
an organiser can put to the room, the count, and what was chosen (for a project's page and a
learning set's page)."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from coproduce.projects.models import Project
from coproduce.projects.selectors import shown_projects

from .. import tally
from ..models import Ballot, BallotMark, Barrier, Choice, ChoiceOption, Event, Series, Treatment

# The longest lists an organiser picks options from.
MOST_CANDIDATES = 100
CANDIDATE_STATUSES = (Project.Status.IDEA, Project.Status.FORMING)


def _options() -> Prefetch:
    return Prefetch(
        "options",
        queryset=ChoiceOption.objects.select_related("project", "barrier").order_by(
            "position", "pk"
        ),
    )


def choice_detail(pk: int) -> Choice | None:
    """The choice with its event and options; None if there is none."""
    return (
        Choice.objects.select_related("event__series", "event__place", "event__group")
        .prefetch_related("event__organisers", _options())
        .filter(pk=pk)
        .first()
    )


def choices_for_event(event: Event) -> list[Choice]:
    """An event's choices, oldest first, each with its options."""
    return list(Choice.objects.filter(event=event).prefetch_related(_options()))


def ballot_of(choice: Choice, user) -> Ballot | None:
    """This person's ballot on the choice, with its marks; None if they have not voted."""
    if user is None or not user.is_authenticated:
        return None
    return Ballot.objects.filter(choice=choice, user=user).prefetch_related("marks").first()


def project_candidates(event: Event) -> QuerySet[Project]:
    """Projects an organiser may put to the room: ideas and projects getting started in the
    event's ward, and any project brought to a session of the event's series."""
    near = Q(pk__in=[])
    if event.place_id and event.place.ward_id:
        ward = event.place.ward_id
        near = (Q(ward_id=ward) | Q(place__ward_id=ward)) & Q(status__in=CANDIDATE_STATUSES)
    if event.series_id:
        brought = Treatment.objects.filter(
            event__series_id=event.series_id, project__isnull=False
        ).values("project_id")
        near |= Q(pk__in=brought)
    return shown_projects().filter(near).distinct().order_by("title")[:MOST_CANDIDATES]


def barrier_candidates(event: Event) -> QuerySet[Barrier]:
    """Barriers still in the way that the event's learning set named (or, with no series,
    that were named at this event), newest first."""
    barriers = Barrier.objects.filter(
        busted_at__isnull=True, treatment__status=Treatment.Status.ACCEPTED
    ).select_related("treatment")
    if event.series_id:
        barriers = barriers.filter(treatment__event__series_id=event.series_id)
    else:
        barriers = barriers.filter(treatment__event=event)
    return barriers.order_by("-treatment__event__starts_at", "pk")[:MOST_CANDIDATES]


def choice_count(choice: Choice, options: list[ChoiceOption] | None = None) -> tally.Result:
    """The count of a choice from its ballots and the room's counts as they are now."""
    options = list(options if options is not None else choice.options.all())
    ids = [option.pk for option in options]
    marks = BallotMark.objects.filter(ballot__choice_id=choice.pk).values_list(
        "ballot_id", "option_id", "dots", "place"
    )
    if choice.is_dots:
        spreads: dict[int, dict[int, int]] = {}
        for ballot_id, option_id, dots, _place in marks:
            spreads.setdefault(ballot_id, {})[option_id] = dots or 0
        return tally.count_dots(
            ids,
            spreads.values(),
            room={option.pk: option.room_dots for option in options},
            seats=choice.seats,
        )
    rankings: dict[int, list[tuple[int, int]]] = {}
    for ballot_id, option_id, _dots, place in marks:
        rankings.setdefault(ballot_id, []).append((place or 0, option_id))
    return tally.count_ranking(
        ids,
        ([option for _place, option in sorted(ranking)] for ranking in rankings.values()),
        room={option.pk: list(option.room_places or []) for option in options},
        seats=choice.seats,
    )


@dataclass
class ResultRow:
    """One option's line in a result: its points, from phones and the room."""

    option: ChoiceOption
    phones: int
    room: int
    total: int
    backers: int
    chosen: bool
    places: list[int] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.option.label


@dataclass
class ChoiceResult:
    """A choice's count, best first, for the chart and the table beside it."""

    rows: list[ResultRow]
    ballots: int
    room_people: int
    tied: bool
    final: bool

    @property
    def chosen(self) -> list[ResultRow]:
        return [row for row in self.rows if row.chosen]

    @property
    def chart_rows(self) -> list[tuple[str, int, bool]]:
        """For the bar chart: once closed, the chosen options' bars stand out."""
        return [(row.label, row.total, row.chosen and self.final) for row in self.rows]


def choices_on_event(event: Event) -> list[dict]:
    """An event's choices for its page: each with its recorded result once it is closed."""
    return [
        {"choice": choice, "result": None if choice.is_open else choice_result(choice)}
        for choice in choices_for_event(event)
    ]


def choice_result(choice: Choice) -> ChoiceResult:
    """The count to show: as kept when the choice closed, or as it stands while it is open."""
    options = list(choice.options.all())
    if choice.is_open:
        result = choice_count(choice, options)
        by_pk = {option.pk: option for option in options}
        rows = [
            ResultRow(
                option=by_pk[line.option],
                phones=line.phones,
                room=line.room,
                total=line.total,
                backers=line.backers,
                chosen=line.chosen,
                places=line.places,
            )
            for line in result.lines
        ]
        ballots, tied = result.ballots, result.tied
    else:
        rows = sorted(
            (
                ResultRow(
                    option=option,
                    phones=option.points_phones or 0,
                    room=option.points_room or 0,
                    total=option.points or 0,
                    backers=option.backers or 0,
                    chosen=option.chosen,
                    places=list(option.places or []),
                )
                for option in options
            ),
            key=lambda row: (-row.total, row.option.position, row.option.pk),
        )
        ballots, tied = choice.ballots_at_close or 0, choice.tied
    return ChoiceResult(
        rows=rows,
        ballots=ballots,
        room_people=choice.room_people,
        tied=tied,
        final=not choice.is_open,
    )


def choices_won_by(project: Project) -> QuerySet[ChoiceOption]:
    """Where a project was chosen: closed choices at events that went ahead."""
    return ChoiceOption.objects.filter(
        project=project,
        chosen=True,
        choice__status=Choice.Status.CLOSED,
        choice__event__status=Event.Status.SCHEDULED,
    )


def choices_won_by_project(project: Project) -> list[ChoiceOption]:
    """Where a project was chosen, newest first."""
    return list(
        choices_won_by(project)
        .select_related("choice__event")
        .order_by("-choice__closed_at", "-pk")[:20]
    )


def barriers_to_bust_next(series: Series) -> list[ChoiceOption]:
    """The barriers a learning set chose to bust next: those chosen at its latest closed
    choice about barriers that are still in the way."""
    latest = (
        Choice.objects.filter(
            event__series=series,
            about=Choice.About.BARRIERS,
            status=Choice.Status.CLOSED,
            event__status=Event.Status.SCHEDULED,
        )
        .select_related("event")
        .order_by("-closed_at", "-pk")
        .first()
    )
    if latest is None:
        return []
    return list(
        ChoiceOption.objects.filter(
            choice=latest, chosen=True, barrier__isnull=False, barrier__busted_at__isnull=True
        )
        .select_related("choice__event", "barrier__treatment")
        .order_by("-points", "position")
    )


def barriers_chosen(barrier_ids: list[int]) -> set[int]:
    """Which of these barriers a set chose to bust next, at a closed choice."""
    return set(
        ChoiceOption.objects.filter(
            barrier_id__in=barrier_ids, chosen=True, choice__status=Choice.Status.CLOSED
        ).values_list("barrier_id", flat=True)
    )
