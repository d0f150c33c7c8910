"""Reads for "who is not yet connected". Counting is done by the database, in one query per
page; the built rows of each page (and the group network, worked out from membership pairs)
are kept in the cache for a few minutes, keyed by a version of the data so a change is seen
at once, or, for the counts by ward and street, within INSIGHTS_SETTLE_SECONDS (ADR 0038).
A warm page costs the version query (index lookups) and one cache read.

Taking part: a person with a profile in the area who, in the last 12 months, answered an
event (RSVP), owned or offered help to a project, commented, gave or received time in the
time bank, answered a survey, joined a conversation or joined a group.

Linked to no one: a person with a profile and no group, no project (as owner or helper), no
event and no time bank exchange, ever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Max, QuerySet

from coproduce.accounts.models import User
from coproduce.gatherings.models import Action
from coproduce.groups.models import Membership, Organisation
from coproduce.places.models import Street, Ward
from coproduce.projects.models import Owner, Project

from . import network
from .counting import CACHE_SECONDS as CACHE_SECONDS
from .counting import TAKING_PART_DAYS as TAKING_PART_DAYS
from .counting import AreaCount, area_counts, cached, data_version
from .counting import taking_part_by_month as taking_part_by_month
from .models import WardPopulation

GO_TO_DEFAULTS = {"groups": 4, "projects": 3, "actions": 5}
GO_TO_SHOWN = 200
OPEN_PROJECT_STATUSES = (
    Project.Status.IDEA,
    Project.Status.FORMING,
    Project.Status.ACTIVE,
    Project.Status.PAUSED,
)


def go_to_thresholds() -> dict[str, int]:
    """INSIGHTS_GO_TO in settings: how many groups, open projects or open actions is a lot."""
    return {**GO_TO_DEFAULTS, **(getattr(settings, "INSIGHTS_GO_TO", {}) or {})}


# Wards and streets ------------------------------------------------------------------------


@dataclass(frozen=True)
class Population:
    population: int
    year: int | None
    source: str


def ward_populations() -> dict[int, Population]:
    """The newest imported estimate for each ward, else WARD_POPULATIONS in settings.

    WARD_POPULATIONS maps a ward's slug to a number, or to {"population", "year", "source"}.
    """
    found: dict[int, Population] = {}
    for estimate in WardPopulation.objects.order_by("ward_id", "-year"):
        found.setdefault(
            estimate.ward_id, Population(estimate.population, estimate.year, estimate.source)
        )
    configured = getattr(settings, "WARD_POPULATIONS", {}) or {}
    if configured:
        for pk, slug in Ward.objects.filter(slug__in=list(configured)).values_list("pk", "slug"):
            value = configured[slug]
            if isinstance(value, dict):
                figure = Population(
                    int(value["population"]), value.get("year"), value.get("source", "")
                )
            else:
                figure = Population(int(value), None, "")
            found.setdefault(pk, figure)
    return found


@dataclass(frozen=True)
class WardRow:
    ward: Ward
    population: Population | None
    people: int
    taking_part: int
    not_linked: int

    @property
    def taking_part_share(self) -> float | None:
        """Of the people who live there, the percentage taking part."""
        return network.share(
            self.taking_part, self.population.population if self.population else None
        )


def _settle_seconds() -> int:
    return getattr(settings, "INSIGHTS_SETTLE_SECONDS", 0)


def settle_minutes() -> int:
    """Up to how many minutes a change may take to show in the counts (0: at once)."""
    return -(-_settle_seconds() // 60)


def _ward_table() -> tuple[list[WardRow], AreaCount, datetime]:
    """Each ward's row, the people with no ward, and when they were counted: built once and
    cached whole, so a warm page reads one cache entry (the populations from settings are
    part of the version)."""
    configured = repr(getattr(settings, "WARD_POPULATIONS", {}) or {})

    def compute() -> tuple[list[WardRow], AreaCount]:
        counts = area_counts(by="ward_id")
        return ward_rows(counts), counts.get(None) or AreaCount(None, 0, 0, 0)

    (rows, no_ward), counted_at = cached(
        "ward-rows",
        f"{data_version()}|{configured}",
        compute,
        settle_seconds=_settle_seconds(),
    )
    return rows, no_ward, counted_at


def ward_rows(counts: dict[int | None, AreaCount] | None = None) -> list[WardRow]:
    if counts is None:
        return _ward_table()[0]
    populations = ward_populations()
    rows = []
    for ward in Ward.objects.order_by("name"):
        count = counts.get(ward.pk) or AreaCount(ward.pk, 0, 0, 0)
        rows.append(
            WardRow(
                ward, populations.get(ward.pk), count.people, count.taking_part, count.not_linked
            )
        )
    return rows


def ward_summary() -> tuple[list[WardRow], AreaCount, datetime]:
    """Each ward's row, the people whose profile names no ward, and when they were counted."""
    return _ward_table()


@dataclass(frozen=True)
class StreetRow:
    street: Street | None
    people: int
    taking_part: int
    not_linked: int


def street_rows(ward: Ward) -> list[StreetRow]:
    """Each street of the ward (and the people who gave no street), cached whole."""
    return street_summary(ward)[0]


def street_summary(ward: Ward) -> tuple[list[StreetRow], datetime]:
    """The ward's street rows, and when they were counted."""

    def compute() -> list[StreetRow]:
        counts = area_counts(by="street_id", ward_id=ward.pk)
        rows = []
        for street in Street.objects.filter(ward=ward).order_by("name"):
            count = counts.get(street.pk) or AreaCount(street.pk, 0, 0, 0)
            rows.append(StreetRow(street, count.people, count.taking_part, count.not_linked))
        if None in counts:
            count = counts[None]
            rows.append(StreetRow(None, count.people, count.taking_part, count.not_linked))
        return rows

    return cached(f"streets:{ward.pk}", data_version(), compute, settle_seconds=_settle_seconds())


# Groups -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupNetwork:
    network: network.Network
    names: dict[int, str]


def group_network() -> GroupNetwork:
    """The network of groups linked by the people they share (cached, keyed by the data)."""
    version = "|".join(
        str(v)
        for v in (
            Membership.objects.aggregate(v=Max("pk"))["v"],
            Membership.objects.count(),
            Organisation.objects.aggregate(v=Max("updated_at"))["v"],
            Organisation.objects.count(),
        )
    )

    def compute() -> GroupNetwork:
        pairs = Membership.objects.values_list("organisation_id", "user_id").iterator(
            chunk_size=10_000
        )
        names = dict(Organisation.objects.values_list("pk", "name"))
        return GroupNetwork(network.group_network(pairs, names), names)

    return cached("network", version, compute)[0]


# Go-to people -----------------------------------------------------------------------------


@dataclass
class GoToPerson:
    person: User
    groups: int = 0
    projects: int = 0
    actions: int = 0

    @property
    def load(self) -> int:
        return self.groups + self.projects + self.actions


def go_to_people() -> list[GoToPerson]:
    """People carrying a lot: in many groups, or owning many open projects or actions."""
    limits = go_to_thresholds()
    counts: dict[int, GoToPerson] = {}

    def add(rows, attribute: str) -> None:
        for user_id, n in rows:
            entry = counts.setdefault(user_id, GoToPerson(person=None))
            setattr(entry, attribute, n)

    add(
        Membership.objects.values("user_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=limits["groups"])
        .values_list("user_id", "n"),
        "groups",
    )
    add(
        Owner.objects.filter(user__isnull=False, project__status__in=OPEN_PROJECT_STATUSES)
        .values("user_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=limits["projects"])
        .values_list("user_id", "n"),
        "projects",
    )
    add(
        Action.objects.filter(owner__isnull=False, status=Action.Status.OPEN)
        .values("owner_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=limits["actions"])
        .values_list("owner_id", "n"),
        "actions",
    )
    ranked = sorted(counts.items(), key=lambda item: (-item[1].load, item[0]))[:GO_TO_SHOWN]
    chosen = [pk for pk, _entry in ranked]
    # Under a threshold a count was left out above: fill in every count for those shown.
    add(_count_by(Membership.objects.filter(user_id__in=chosen), "user_id"), "groups")
    add(
        _count_by(
            Owner.objects.filter(user_id__in=chosen, project__status__in=OPEN_PROJECT_STATUSES),
            "user_id",
        ),
        "projects",
    )
    add(
        _count_by(
            Action.objects.filter(owner_id__in=chosen, status=Action.Status.OPEN), "owner_id"
        ),
        "actions",
    )
    people = User.objects.filter(
        pk__in=[pk for pk, _entry in ranked], is_active=True
    ).select_related("profile")
    by_pk = {person.pk: person for person in people}
    result = []
    for pk, entry in ranked:
        if pk in by_pk:
            entry.person = by_pk[pk]
            result.append(entry)
    return result


def _count_by(queryset: QuerySet, field: str):
    return queryset.values(field).annotate(n=Count("pk")).values_list(field, "n")


def totals(rows: list[WardRow]) -> dict[str, int]:
    return {
        "people": sum(row.people for row in rows),
        "taking_part": sum(row.taking_part for row in rows),
        "not_linked": sum(row.not_linked for row in rows),
        "population": sum(row.population.population for row in rows if row.population),
    }
