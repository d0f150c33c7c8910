"""Reads of the barrier library: its entries, the barriers under one, and those not yet
linked."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from ..models import Barrier, BarrierTheme, Event, Treatment
from ..unlisted import exclude_unlisted


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


def barriers_busted_recently(limit: int = 5) -> list[Barrier]:
    """Barriers a set busted, newest first, as anyone may see them: from projects a set took
    on, at sessions that were not cancelled or kept off public lists, of projects not hidden
    (the toolkit's practice stories)."""
    events = exclude_unlisted(Event.objects.exclude(status=Event.Status.CANCELLED))
    return list(
        Barrier.objects.filter(
            busted_at__isnull=False,
            treatment__status=Treatment.Status.ACCEPTED,
            treatment__event__in=events.values("pk"),
        )
        .exclude(treatment__project__is_hidden=True)
        .select_related("treatment__event__series")
        .order_by("-busted_at", "-pk")[:limit]
    )
