"""Counts of what gatherings achieved, for the impact pages: events held and who came, and
actions done and barriers busted as reported back at action learning sets. Each is one
grouped query."""

from datetime import datetime

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ..models import Event, ReportBack


def events_by_month(*, since: datetime, until: datetime, ward_id: int | None = None) -> dict:
    """Events that went ahead between `since` and `until`, by month (first of the month as a
    date): {month: (events, people who came)}. "Came" is what organisers recorded. For a
    ward: events at a place in it."""
    events = Event.objects.filter(
        status=Event.Status.SCHEDULED, starts_at__gte=since, starts_at__lt=until
    )
    if ward_id is not None:
        events = events.filter(place__ward_id=ward_id)
    rows = (
        events.order_by()
        .annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(
            events=Count("pk", distinct=True),
            came=Count("rsvps", filter=Q(rsvps__attended=True)),
        )
    )
    return {timezone.localtime(row["month"]).date(): (row["events"], row["came"]) for row in rows}


def report_back_totals(*, since: datetime, ward_id: int | None = None) -> dict[str, int]:
    """Actions reported done and barriers reported busted at a set since `since` (each
    action or barrier once). For a ward: projects in the ward or at a place in it."""
    reports = ReportBack.objects.filter(created_at__gte=since)
    if ward_id is not None:
        reports = reports.filter(
            Q(treatment__project__ward_id=ward_id) | Q(treatment__project__place__ward_id=ward_id)
        )
    return reports.aggregate(
        actions_done=Count("action", distinct=True, filter=Q(outcome=ReportBack.Outcome.DONE)),
        barriers_busted=Count(
            "barrier", distinct=True, filter=Q(outcome=ReportBack.Outcome.BUSTED)
        ),
    )
