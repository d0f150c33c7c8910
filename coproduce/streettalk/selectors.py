"""Reads for street conversations: the days a person runs, entries, themes and where the
words were heard."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from .models import StreetDay, StreetEntry, Theme
from .permissions import manages_any_day


def days_for(viewer) -> QuerySet[StreetDay]:
    """The days this person runs (every day for an officer), newest first."""
    days = (
        StreetDay.objects.select_related("ward")
        .annotate(entry_count=Count("entries"))
        .order_by("-held_on", "-pk")
    )
    if manages_any_day(viewer):
        return days
    return days.filter(facilitator=viewer)


def published_days() -> QuerySet[StreetDay]:
    return (
        StreetDay.objects.filter(themes_published=True)
        .select_related("ward")
        .annotate(named_themes=Count("themes", filter=~Q(themes__name="")))
        .filter(named_themes__gt=0)
        .order_by("-held_on", "-pk")
    )


def entries_of(day: StreetDay) -> QuerySet[StreetEntry]:
    return StreetEntry.objects.filter(day=day).select_related("ward", "theme")


def themes_of(day: StreetDay, *, named_only: bool = False) -> QuerySet[Theme]:
    """The day's themes with their entry counts, largest first."""
    themes = Theme.objects.filter(day=day).annotate(entry_count=Count("entries"))
    if named_only:
        themes = themes.exclude(name="")
    return themes.order_by("-entry_count", "pk")


def waiting_for_theme(day: StreetDay) -> int:
    return StreetEntry.objects.filter(day=day, theme__isnull=True).count()


@dataclass(frozen=True)
class Where:
    """Where a theme's words were heard: entries per ward, and per place."""

    wards: list[tuple[str, int]]
    places: list[tuple[str, int]]
    no_ward: int


def where_heard(theme: Theme) -> Where:
    entries = StreetEntry.objects.filter(theme=theme).order_by()
    wards = list(
        entries.filter(ward__isnull=False)
        .values_list("ward__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "ward__name")
    )
    places = list(
        entries.exclude(place="")
        .values_list("place")
        .annotate(n=Count("pk"))
        .order_by("-n", "place")
    )
    return Where(wards=wards, places=places, no_ward=entries.filter(ward__isnull=True).count())


def ward_counts_by_theme(day: StreetDay) -> dict[int, list[tuple[str, int]]]:
    """Entries per ward for every theme of the day, in one query (most first)."""
    rows = (
        StreetEntry.objects.filter(day=day, theme__isnull=False, ward__isnull=False)
        .order_by()
        .values_list("theme_id", "ward__name")
        .annotate(n=Count("pk"))
        .order_by("theme_id", "-n", "ward__name")
    )
    found: dict[int, list[tuple[str, int]]] = {}
    for theme_id, ward, n in rows:
        found.setdefault(theme_id, []).append((ward, n))
    return found
