"""Reads for the home and ward pages, across places and people. People are counts only;
the one exception is a ward's street champions, who chose to be named for their streets
(and are named to each viewer through people.naming)."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from coproduce.champions.selectors import current_roles
from coproduce.directory.models import ServiceAtLocation
from coproduce.directory.selectors import listed_services
from coproduce.gatherings.models import Event
from coproduce.gatherings.unlisted import exclude_unlisted
from coproduce.groups.models import Organisation
from coproduce.people.models import Profile
from coproduce.places.models import Place, Street, Ward
from coproduce.projects.models import Project
from coproduce.projects.selectors import shown_projects


@dataclass(frozen=True)
class BoroughOverview:
    ward_count: int
    resident_count: int
    wards: list[Ward]


def borough_overview() -> BoroughOverview:
    """Figures for the home page: counts only, so no resident's details are shown."""
    wards = list(Ward.objects.order_by("name").only("id", "name", "slug"))
    residents = get_user_model().objects.filter(is_active=True).count()
    return BoroughOverview(ward_count=len(wards), resident_count=residents, wards=wards)


def _count_of(queryset: QuerySet, by: str = "ward", what: str = "pk") -> Coalesce:
    # A correlated subquery per count, rather than Count() over two joins, which would
    # multiply streets by residents before counting (millions of rows on a large borough).
    counted = (
        queryset.order_by().values(by).annotate(n=Count(what, distinct=what != "pk")).values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def wards_with_counts() -> QuerySet[Ward]:
    """Every ward, by name, with `street_count` and `resident_count`, in one query.

    Here rather than in places: the resident count reads people's profiles, a layer above.
    """
    return (
        Ward.objects.order_by("name")
        .only("id", "name", "slug")
        .annotate(
            street_count=_count_of(Street.objects.filter(ward=OuterRef("pk"))),
            resident_count=_count_of(
                Profile.objects.filter(ward=OuterRef("pk"), user__is_active=True)
            ),
        )
    )


# What a ward's page lists of each kind of thing, before "See all".
SHOWN = 5
PLACES_SHOWN = 8
CHAMPIONS_SHOWN = 20


def _ward_projects() -> QuerySet[Project]:
    return shown_projects().exclude(status=Project.Status.ARCHIVED)


def _ward_events(now: datetime) -> QuerySet[Event]:
    return exclude_unlisted(Event.objects).filter(status=Event.Status.SCHEDULED, ends_at__gt=now)


def _ward_groups() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_listed=True)


def _ward_places() -> QuerySet[Place]:
    # Rooms are inside buildings the list already has.
    return Place.objects.filter(is_listed=True).exclude(kind=Place.Kind.ROOM)


def _ward_service_locations() -> QuerySet[ServiceAtLocation]:
    return ServiceAtLocation.objects.filter(
        place__is_listed=True, service__in=listed_services().values("pk")
    )


def ward_for_page(slug: str, *, now: datetime | None = None) -> Ward | None:
    """One ward with `street_count`, `resident_count` and how many projects, upcoming
    events, groups, places and services it has (`*_count`), in one query."""
    now = now or timezone.now()
    ward_ref = OuterRef("pk")
    return (
        wards_with_counts()
        .annotate(
            project_count=_count_of(_ward_projects().filter(ward=ward_ref)),
            event_count=_count_of(_ward_events(now).filter(place__ward=ward_ref), by="place__ward"),
            group_count=_count_of(_ward_groups().filter(ward=ward_ref)),
            place_count=_count_of(_ward_places().filter(ward=ward_ref)),
            service_count=_count_of(
                _ward_service_locations().filter(place__ward=ward_ref),
                by="place__ward",
                what="service",
            ),
        )
        .filter(slug=slug)
        .first()
    )


@dataclass(frozen=True)
class Champion:
    person: object  # a user, with profile, for name_for
    streets: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class WardContents:
    """The first few of each kind of thing in a ward, for its page: one query each."""

    projects: list[Project]
    events: list[Event]
    groups: list[Organisation]
    places: list[Place]
    services: list
    champions: list[Champion]


def ward_contents(ward: Ward, *, now: datetime | None = None) -> WardContents:
    now = now or timezone.now()
    services = list(
        listed_services()
        .filter(pk__in=_ward_service_locations().filter(place__ward=ward).values("service_id"))
        .only("id", "uuid", "name", "status")
        .order_by("name", "pk")[:SHOWN]
    )
    return WardContents(
        projects=list(
            _ward_projects()
            .filter(ward=ward)
            .only("id", "title", "summary", "status")
            .order_by("-created_at", "-pk")[:SHOWN]
        ),
        events=list(
            _ward_events(now)
            .filter(place__ward=ward)
            .select_related("place")
            .order_by("starts_at", "pk")[:SHOWN]
        ),
        groups=list(
            _ward_groups()
            .filter(ward=ward)
            .only("id", "name", "slug")
            .order_by("name", "pk")[:SHOWN]
        ),
        places=list(
            _ward_places()
            .filter(ward=ward)
            .only("id", "name", "kind")
            .order_by("name", "pk")[:PLACES_SHOWN]
        ),
        services=services,
        champions=ward_champions(ward),
    )


def ward_champions(ward: Ward) -> list[Champion]:
    """The ward's current street champions, each with their streets here, by first street.

    One query; at most CHAMPIONS_SHOWN people."""
    roles = (
        current_roles()
        .filter(street__ward=ward, champion__is_active=True)
        .select_related("champion__profile", "street")
        .order_by("street__name", "pk")
    )
    found: dict[int, Champion] = {}
    for role in roles:
        champion = found.get(role.champion_id)
        if champion is None:
            if len(found) == CHAMPIONS_SHOWN:
                continue
            champion = found[role.champion_id] = Champion(person=role.champion)
        champion.streets.append(role.street.name)
    return list(found.values())
