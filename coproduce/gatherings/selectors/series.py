"""Reads of a series: its page, and for an action learning set, each project's progress."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from ..models import Action, ReportBack, Series, Treatment


def series_detail(slug: str) -> Series | None:
    return (
        Series.objects.select_related("group")
        .prefetch_related("organisers")
        .filter(slug=slug)
        .first()
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
