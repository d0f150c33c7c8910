"""Reads of gatherings that cross relations: lists, one event's page, a set's progress, and
the barrier library."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Case, Count, F, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from .models import (
    Action,
    AgendaInterest,
    AgendaItem,
    Barrier,
    BarrierTheme,
    Contribution,
    Event,
    ReportBack,
    Rsvp,
    Series,
    Treatment,
)

PAGE_SIZE = 20


def events_upcoming(
    *,
    now: datetime | None = None,
    kind: str = "",
    ward=None,
    series: Series | None = None,
    q: str = "",
    include_past: bool = False,
) -> QuerySet[Event]:
    """Events still to come (or all), soonest first, with what a list shows."""
    now = now or timezone.now()
    events = Event.objects.select_related("place__ward", "series")
    if not include_past:
        events = events.filter(ends_at__gt=now)
    if kind:
        events = events.filter(kind=kind)
    if ward is not None:
        events = events.filter(place__ward=ward)
    if series is not None:
        events = events.filter(series=series)
    if q:
        events = events.filter(Q(title__icontains=q) | Q(summary__icontains=q))
    return events.order_by("starts_at", "pk")


def event_detail(pk: int) -> Event | None:
    return (
        Event.objects.select_related("place__ward", "place__building", "series", "group")
        .prefetch_related("organisers")
        .filter(pk=pk)
        .first()
    )


def rsvp_of(event: Event, user) -> Rsvp | None:
    if user is None or not user.is_authenticated:
        return None
    return Rsvp.objects.filter(event=event, user=user).first()


def waiting_position(rsvp: Rsvp) -> int | None:
    """1 for the first person waiting."""
    if rsvp.status != Rsvp.Status.WAITING:
        return None
    ahead = Rsvp.objects.filter(event_id=rsvp.event_id, status=Rsvp.Status.WAITING).filter(
        Q(queued_at__lt=rsvp.queued_at) | Q(queued_at=rsvp.queued_at, pk__lt=rsvp.pk)
    )
    return ahead.count() + 1


def attendees_for_organisers(event: Event) -> QuerySet[Rsvp]:
    """Everyone with a place or waiting, with what they asked for: for organisers only."""
    return (
        event.rsvps.exclude(status=Rsvp.Status.CANCELLED)
        .select_related("user", "invited_by")
        .order_by("status", "queued_at", "pk")
    )


def access_summary(event: Event) -> dict[str, int]:
    """How many people with a place asked for each kind of support."""
    counts: dict[str, int] = defaultdict(int)
    for requests in event.rsvps.filter(status=Rsvp.Status.CONFIRMED).values_list(
        "access_requests", flat=True
    ):
        for value in requests:
            counts[value] += 1
    return dict(counts)


def events_of(user, *, now: datetime | None = None, past: bool = False) -> QuerySet[Rsvp]:
    """A person's places and waiting-list places, soonest first (or latest first if past)."""
    now = now or timezone.now()
    rsvps = (
        Rsvp.objects.filter(user=user)
        .exclude(status=Rsvp.Status.CANCELLED)
        .select_related("event__place", "event__series")
    )
    if past:
        return rsvps.filter(event__ends_at__lte=now).order_by("-event__starts_at")
    return rsvps.filter(event__ends_at__gt=now).order_by("event__starts_at")


def events_organised_by(user, *, now: datetime | None = None) -> QuerySet[Event]:
    now = now or timezone.now()
    return (
        Event.objects.filter(organisers=user, ends_at__gt=now - timedelta(days=30))
        .select_related("place")
        .order_by("starts_at")
    )


def agenda_for(event: Event, user=None) -> tuple[list[AgendaItem], set[int]]:
    """The suggestions still standing, most interest first, and which ones this person backs."""
    items = list(
        event.agenda_items.exclude(status=AgendaItem.Status.WITHDRAWN)
        .select_related("proposed_by")
        .order_by("-interest_count", "pk")
    )
    mine: set[int] = set()
    if user is not None and user.is_authenticated:
        mine = set(
            AgendaInterest.objects.filter(item__event=event, user=user).values_list(
                "item_id", flat=True
            )
        )
    return items, mine


@dataclass
class Board:
    """The Open Space board: rooms across, time slots down."""

    rooms: list[str]
    slots: list[tuple[datetime, datetime]]
    cells: dict[tuple[int, int], list[AgendaItem]]
    unscheduled: list[AgendaItem]

    def rows(self):
        for slot_index, slot in enumerate(self.slots):
            yield slot, [self.cells.get((slot_index, r), []) for r in range(len(self.rooms))]


def board_for(event: Event) -> Board:
    items = list(event.agenda_items.exclude(status=AgendaItem.Status.WITHDRAWN))
    scheduled = [i for i in items if i.status == AgendaItem.Status.SCHEDULED]
    # One column per room however it was typed: "Hall" and "hall" are one room, as they are
    # for the clash rule in services.agenda. The column takes the first spelling used.
    spelling: dict[str, str] = {}
    for item in sorted(scheduled, key=lambda i: i.pk):
        spelling.setdefault(item.room.lower(), item.room)
    room_keys = sorted(spelling)
    rooms = [spelling[key] for key in room_keys]
    slots = sorted({(i.slot_starts_at, i.slot_ends_at) for i in scheduled})
    cells: dict[tuple[int, int], list[AgendaItem]] = defaultdict(list)
    for item in scheduled:
        cells[
            (
                slots.index((item.slot_starts_at, item.slot_ends_at)),
                room_keys.index(item.room.lower()),
            )
        ].append(item)
    unscheduled = sorted(
        (i for i in items if i.status == AgendaItem.Status.PROPOSED),
        key=lambda i: (-i.interest_count, i.pk),
    )
    return Board(rooms=rooms, slots=slots, cells=dict(cells), unscheduled=unscheduled)


def treatments_for(event: Event) -> QuerySet[Treatment]:
    # Taken first, then waiting for a decision; "not this time" last.
    order = Case(
        When(status=Treatment.Status.ACCEPTED, then=0),
        When(status=Treatment.Status.PROPOSED, then=1),
        default=2,
    )
    return event.treatments.select_related("project", "presenter").order_by(order, "pk")


def report_backs_due(event: Event) -> QuerySet[Treatment]:
    """Projects from the set's earlier sessions with actions still open or barriers still in
    the way: what their owners can report back on at this session."""
    if event.series_id is None or event.kind != Event.Kind.ACTION_LEARNING_SET:
        return Treatment.objects.none()
    still_open = [Action.Status.OPEN, Action.Status.IN_PROGRESS]
    return (
        Treatment.objects.filter(
            event__series_id=event.series_id,
            event__starts_at__lt=event.starts_at,
            status=Treatment.Status.ACCEPTED,
        )
        .annotate(
            n_open=Count("actions", filter=Q(actions__status__in=still_open), distinct=True),
            n_standing=Count("barriers", filter=Q(barriers__busted_at__isnull=True), distinct=True),
        )
        .filter(Q(n_open__gt=0) | Q(n_standing__gt=0))
        .select_related("event", "presenter")
        .order_by("-event__starts_at", "pk")
    )


def treatments_of_project(project) -> QuerySet[Treatment]:
    """The times a project came to an action learning set, with what came of each: for the
    project's own page."""
    return (
        Treatment.objects.filter(project=project, status=Treatment.Status.ACCEPTED)
        .select_related("event")
        .annotate(
            n_actions=Count("actions", distinct=True),
            n_done=Count("actions", filter=Q(actions__status=Action.Status.DONE), distinct=True),
            n_barriers=Count("barriers", distinct=True),
            n_busted=Count("barriers", filter=Q(barriers__busted_at__isnull=False), distinct=True),
        )
        .order_by("event__starts_at", "pk")
    )


def treatment_detail(pk: int) -> Treatment | None:
    return (
        Treatment.objects.select_related("event__series", "event__place", "project", "presenter")
        .prefetch_related(
            Prefetch("notes", queryset=Contribution.objects.select_related("added_by")),
            Prefetch("actions", queryset=Action.objects.select_related("owner")),
            Prefetch("barriers", queryset=Barrier.objects.select_related("theme")),
            "event__organisers",
        )
        .filter(pk=pk)
        .first()
    )


def treatment_board(treatment: Treatment, *, show_owners: bool = True) -> dict:
    """The four columns as plain data (for the live page): each item with its id and text.

    Who owns each action is named only for people at the session (`show_owners`)."""
    notes = list(treatment.notes.all())
    return {
        "who": [{"id": n.pk, "text": n.text} for n in notes if n.column == "who"],
        "resources": [{"id": n.pk, "text": n.text} for n in notes if n.column == "resources"],
        "actions": [
            {
                "id": a.pk,
                "text": a.text,
                "owner": a.owner_label if show_owners else "",
                "due": a.due_on.isoformat(),
                "status": a.get_status_display(),
            }
            for a in treatment.actions.all()
        ],
        "barriers": [
            {
                "id": b.pk,
                "text": b.text,
                "busted": b.is_busted,
                "library": b.theme.name if b.theme_id else "",
            }
            for b in treatment.barriers.all()
        ],
    }


def report_backs_for(treatment: Treatment) -> QuerySet[ReportBack]:
    return treatment.report_backs.select_related("action", "barrier", "event", "reported_by")


def earlier_sessions_of(treatment: Treatment) -> list[Treatment]:
    """This project's earlier treatments in the set, newest first, by following the chain."""
    chain, seen = [], {treatment.pk}
    current = treatment.follows
    while current is not None and current.pk not in seen:
        chain.append(current)
        seen.add(current.pk)
        current = current.follows
    return chain


def actions_owned_by(user) -> QuerySet[Action]:
    """A person's actions: those still to do (open or in progress) first, soonest due first,
    then those done or dropped. (Ordering by the status text would put "done" first.)"""
    still_to_do = Case(
        When(status__in=[Action.Status.OPEN, Action.Status.IN_PROGRESS], then=Value(0)),
        default=Value(1),
    )
    return (
        Action.objects.filter(owner=user)
        .select_related("treatment__event")
        .order_by(still_to_do, "due_on", "pk")
    )


@dataclass
class ProjectProgress:
    """One project's record in a set: what it agreed and what came of it, session by session."""

    title: str
    project_id: int | None
    sessions: list[datetime] = field(default_factory=list)
    actions: int = 0
    done: int = 0
    in_progress: int = 0
    dropped: int = 0
    barriers: int = 0
    busted: int = 0
    # (when, actions done so far, barriers busted so far), one row per report-back day.
    over_time: list[tuple[datetime, int, int]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"project-{self.project_id}" if self.project_id else f"title-{self.title.lower()}"


def set_progress(series: Series) -> list[ProjectProgress]:
    """Per project in a set: actions done and barriers busted, and how that grew over time."""
    treatments = list(
        Treatment.objects.filter(event__series=series, status=Treatment.Status.ACCEPTED)
        .select_related("event", "project")
        .annotate(
            n_actions=Count("actions", distinct=True),
            n_done=Count("actions", filter=Q(actions__status=Action.Status.DONE), distinct=True),
            n_going=Count(
                "actions", filter=Q(actions__status=Action.Status.IN_PROGRESS), distinct=True
            ),
            n_dropped=Count(
                "actions", filter=Q(actions__status=Action.Status.DROPPED), distinct=True
            ),
            n_barriers=Count("barriers", distinct=True),
            n_busted=Count("barriers", filter=Q(barriers__busted_at__isnull=False), distinct=True),
        )
        .order_by("event__starts_at", "pk")
    )
    by_project: dict[str, ProjectProgress] = {}
    key_of: dict[int, str] = {}
    for t in treatments:
        # A project a moderator hid is shown by the name the set gave it, without a link.
        shown = t.project_id is not None and not t.project.is_hidden
        entry = ProjectProgress(
            title=t.project.title if shown else t.title, project_id=t.project_id if shown else None
        )
        entry = by_project.setdefault(entry.key, entry)
        key_of[t.pk] = entry.key
        entry.sessions.append(t.event.starts_at)
        entry.actions += t.n_actions
        entry.done += t.n_done
        entry.in_progress += t.n_going
        entry.dropped += t.n_dropped
        entry.barriers += t.n_barriers
        entry.busted += t.n_busted
    # The story over time, from the report-backs: first time each action was reported done,
    # each barrier busted.
    first_done: dict[int, datetime] = {}
    first_busted: dict[int, datetime] = {}
    owner_of: dict[int, str] = {}
    for rb in (
        ReportBack.objects.filter(
            treatment__in=[t.pk for t in treatments],
            outcome__in=[ReportBack.Outcome.DONE, ReportBack.Outcome.BUSTED],
        )
        .order_by("created_at")
        .values("treatment_id", "action_id", "barrier_id", "outcome", "created_at")
    ):
        if rb["action_id"]:
            first_done.setdefault(rb["action_id"], rb["created_at"])
            owner_of[rb["action_id"]] = key_of[rb["treatment_id"]]
        else:
            first_busted.setdefault(rb["barrier_id"], rb["created_at"])
            owner_of[-rb["barrier_id"]] = key_of[rb["treatment_id"]]
    timeline: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
    for action_id, when in first_done.items():
        timeline[owner_of[action_id]].append((when, "done"))
    for barrier_id, when in first_busted.items():
        timeline[owner_of[-barrier_id]].append((when, "busted"))
    for key, happenings in timeline.items():
        done = busted = 0
        rows: dict = {}
        for when, what in sorted(happenings):
            done += what == "done"
            busted += what == "busted"
            rows[timezone.localdate(when)] = (when, done, busted)
        by_project[key].over_time = list(rows.values())
    return sorted(by_project.values(), key=lambda p: (-p.done - p.busted, p.title.lower()))


def series_detail(slug: str) -> Series | None:
    return (
        Series.objects.select_related("group")
        .prefetch_related("organisers")
        .filter(slug=slug)
        .first()
    )


@dataclass
class LibraryEntry:
    theme: BarrierTheme
    barriers: int
    projects: int
    busted: int


def barrier_library(q: str = "") -> list[LibraryEntry]:
    """Library entries, most often hit first, counting only projects a set took on."""
    taken = Q(barriers__treatment__status=Treatment.Status.ACCEPTED)
    themes = BarrierTheme.objects.annotate(
        n_barriers=Count("barriers", filter=taken, distinct=True),
        n_projects=Count("barriers__treatment__title", filter=taken, distinct=True),
        n_busted=Count(
            "barriers", filter=taken & Q(barriers__busted_at__isnull=False), distinct=True
        ),
    ).order_by("-n_barriers", "name")
    if q:
        themes = themes.filter(Q(name__icontains=q) | Q(barriers__text__icontains=q)).distinct()
    return [
        LibraryEntry(theme=t, barriers=t.n_barriers, projects=t.n_projects, busted=t.n_busted)
        for t in themes
    ]


def barriers_of_theme(theme: BarrierTheme) -> QuerySet[Barrier]:
    """Every time a set hit this barrier, busted ones (with how) first."""
    return (
        theme.barriers.filter(treatment__status=Treatment.Status.ACCEPTED)
        .select_related("treatment__event__series", "treatment__project")
        .order_by(F("busted_at").desc(nulls_last=True), "-created_at")
    )


def barriers_unlinked(limit: int = 50) -> QuerySet[Barrier]:
    return (
        Barrier.objects.filter(theme__isnull=True, treatment__status=Treatment.Status.ACCEPTED)
        .select_related("treatment__event")
        .order_by("-created_at")[:limit]
    )
