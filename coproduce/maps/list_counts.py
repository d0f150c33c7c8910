"""How many of each kind the map's list finds, kept for half a minute per set of filters.

Every visitor to the plain map asks the same four totals; counting them takes longer than the
rest of the page. A signed-in person's list rows are read fresh on each request; a visitor's
whole page, rows and all, is kept for up to VISITOR_PAGE_SECONDS unless it is too large to
keep (common/visitor_pages.py, ADR 0036).
"""

import hashlib

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone

from coproduce.common import opening_hours as hours

from .filters import MapFilters

COUNTS_SECONDS = 30


def _key(filters: MapFilters) -> str:
    parts = (
        filters.layers,
        filters.kinds,
        filters.ward.pk if filters.ward else None,
        filters.step_free,
        # "Open now" finds other places each quarter of an hour.
        hours.slot_at(timezone.localtime()) if filters.open_now else None,
        filters.skill.pk if filters.skill else None,
        filters.q,
    )
    return "maps:list-counts:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def list_counts(filters: MapFilters, lists: dict[str, QuerySet]) -> dict[str, int]:
    """The count of each list in `lists`, by name."""
    key = _key(filters)
    counts = cache.get(key)
    if counts is None or counts.keys() != lists.keys():
        counts = {name: queryset.count() for name, queryset in lists.items()}
        cache.set(key, counts, COUNTS_SECONDS)
    return counts
