"""The counts behind the impact pages, each read through the app that owns it, for the whole
borough or one ward. Every figure is one grouped query in its own app; the set of them is
kept in the shared cache per ward and day (for IMPACT_CACHE_SECONDS, an hour unless set), so
a page reads one cache entry. Nothing is kept in the process.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from coproduce.bookings import selectors as bookings
from coproduce.feedback import selectors as feedback
from coproduce.gatherings import selectors as gatherings
from coproduce.insights import selectors as insights
from coproduce.projects import selectors as projects
from coproduce.sharing import selectors as sharing
from coproduce.timebank import selectors as timebank

from .months import month_after, months_back


@dataclass(frozen=True)
class Counts:
    """Every count an impact page shows, for one area, over the months in `months`."""

    months: list[date]
    taking_part: dict[date, int]
    minutes: dict[date, int]
    stages: dict[str, int]
    actions_done: int
    barriers_busted: int
    events: dict[date, int]
    came: dict[date, int]
    bookings: dict[date, int]
    items: dict[date, int]
    feedback: dict[str, int]
    computed_at: str = ""  # when they were counted: pages drawn from them are kept by it


def cache_seconds() -> int:
    return int(getattr(settings, "IMPACT_CACHE_SECONDS", 3600))


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def count_everything(*, ward_id: int | None = None, now: datetime | None = None) -> Counts:
    """Ask each app for its counts (one query each, grouped in the database)."""
    now = now or timezone.now()
    months = months_back(timezone.localtime(now).date())
    since, until = _start_of(months[0]), _start_of(month_after(months[-1]))
    events = gatherings.events_by_month(since=since, until=min(now, until), ward_id=ward_id)
    learning = gatherings.report_back_totals(since=since, ward_id=ward_id)
    return Counts(
        months=months,
        taking_part=insights.taking_part_by_month(since=since, ward_id=ward_id),
        minutes=timebank.minutes_by_month(since=since, ward_id=ward_id),
        stages=projects.projects_by_stage(ward_id=ward_id),
        actions_done=learning["actions_done"],
        barriers_busted=learning["barriers_busted"],
        events={month: pair[0] for month, pair in events.items()},
        came={month: pair[1] for month, pair in events.items()},
        bookings=bookings.bookings_used_by_month(
            since=since, until=min(now, until), ward_id=ward_id
        ),
        items=sharing.items_shared_by_month(since=since, ward_id=ward_id),
        feedback=feedback.answers_on_time(since=since, now=now, ward_id=ward_id),
        computed_at=now.isoformat(),
    )


def impact_counts(ward_id: int | None = None) -> Counts:
    """The counts for the borough (no ward) or one ward, from the cache when there."""
    today = timezone.localdate()
    key = f"impact:counts:{ward_id or 'borough'}:{today.isoformat()}"
    found = cache.get(key)
    if found is None:
        found = count_everything(ward_id=ward_id)
        cache.set(key, found, cache_seconds())
    return found
