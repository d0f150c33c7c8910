"""Reads of projects brought to action learning sets: a session's projects, one
project's board, report-backs due, and a person's actions."""

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When

from ..models import Action, Barrier, ColumnNote, Event, ReportBack, Treatment


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


def accepted_treatments_of(project) -> QuerySet[Treatment]:
    """The times a project was taken at an action learning set."""
    return Treatment.objects.filter(project=project, status=Treatment.Status.ACCEPTED)


def treatments_of_project(project) -> QuerySet[Treatment]:
    """The times a project came to an action learning set, with what came of each: for the
    project's own page."""
    return (
        accepted_treatments_of(project)
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
            Prefetch("notes", queryset=ColumnNote.objects.select_related("added_by")),
            Prefetch("actions", queryset=Action.objects.select_related("owner__profile")),
            Prefetch("barriers", queryset=Barrier.objects.select_related("theme")),
            "event__organisers",
        )
        .filter(pk=pk)
        .first()
    )


def treatment_board(treatment: Treatment, *, show_owners: bool = True, viewer=None) -> dict:
    """The four columns as plain data (for the live page): each item with its id and text.

    Who owns each action is named only for people at the session (`show_owners`), and
    then as `viewer` may see them (people/naming.py)."""
    notes = list(treatment.notes.all())
    return {
        "who": [{"id": n.pk, "text": n.text} for n in notes if n.column == "who"],
        "resources": [{"id": n.pk, "text": n.text} for n in notes if n.column == "resources"],
        "actions": [
            {
                "id": a.pk,
                "text": a.text,
                "owner": a.owner_label_for(viewer) if show_owners else "",
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
