"""Reads of services. Only listed services of listed organisations reach the public."""

from dataclasses import dataclass
from datetime import datetime, time

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from coproduce.common import week
from coproduce.places.models import Ward

from .models import Eligibility, Schedule, Service, ServiceAtLocation, ServiceTaxonomy, TaxonomyTerm

MAX_QUERY = 100


@dataclass(frozen=True)
class ServiceFilters:
    """What a visitor asked for on the list page. Every part is optional."""

    term: TaxonomyTerm | None = None
    ward: Ward | None = None
    q: str = ""
    open_now: bool = False


def listed_services() -> QuerySet[Service]:
    """Services the public may see, without those that have stopped for good."""
    return Service.objects.filter(is_listed=True, organisation__is_listed=True).exclude(
        status=Service.Status.DEFUNCT
    )


def services_for_list(filters: ServiceFilters, *, now: datetime | None = None) -> QuerySet[Service]:
    """Listed services matching the filters, by name, with what the list page shows."""
    services = listed_services()
    if filters.term is not None:
        services = services.filter(
            Exists(ServiceTaxonomy.objects.filter(service=OuterRef("pk"), term=filters.term))
        )
    if filters.ward is not None:
        services = services.filter(
            Exists(
                ServiceAtLocation.objects.filter(
                    service=OuterRef("pk"), place__ward=filters.ward, place__is_listed=True
                )
            )
        )
    if filters.q:
        services = services.filter(
            Q(name__icontains=filters.q)
            | Q(description__icontains=filters.q)
            | Q(organisation__name__icontains=filters.q)
        )
    if filters.open_now:
        services = services.filter(_open_at(now or timezone.now()))
    return (
        services.select_related("organisation")
        .prefetch_related(
            Prefetch("locations", queryset=_public_locations().select_related("place__ward")),
            Prefetch("attributes", queryset=ServiceTaxonomy.objects.select_related("term")),
        )
        .order_by("name", "pk")
    )


def _open_at(moment: datetime) -> Exists:
    """Open at that moment: a schedule of the service, or of it at a place, covers it.

    Schedules keep days and times of day, not a week mask (see common.opening_hours), and
    may start and end on dates, so this asks them in SQL.
    """
    local = timezone.localtime(moment)
    day = week.day_of(local).oruk
    today, clock = local.date(), local.time()
    covering = (
        Schedule.objects.filter(byday__contains=day, opens_at__lte=clock, closes_at__gt=clock)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .filter(Q(service=OuterRef("pk")) | Q(service_at_location__service=OuterRef("pk")))
    )
    return Exists(covering)


def _public_locations() -> QuerySet[ServiceAtLocation]:
    # A hidden place is never shown, even where a listed service is offered there.
    return ServiceAtLocation.objects.filter(place__is_listed=True).order_by("pk")


def service_for_page(*, uuid=None, pk: int | None = None, viewer=None) -> Service | None:
    """One service with everything its page shows; hidden ones only for those who manage them."""
    services = Service.objects.all()
    if viewer is None or not viewer.has_perm("services.change_service"):
        services = services.filter(is_listed=True, organisation__is_listed=True)
    services = services.filter(uuid=uuid) if uuid is not None else services.filter(pk=pk)
    return _with_everything(services).first()


def services_for_export() -> QuerySet[Service]:
    """Everything the Open Referral UK export needs, in a fixed number of queries.

    Defunct services are included (with their status), as ORUK asks; hidden ones are not.
    """
    services = Service.objects.filter(is_listed=True, organisation__is_listed=True)
    return _with_everything(services).order_by("name", "pk")


def services_for_oruk(
    *,
    search: str = "",
    taxonomy_term_id=None,
    taxonomy_id=None,
    modified_after: datetime | None = None,
    minimum_age: int | None = None,
    maximum_age: int | None = None,
    day: str = "",
    start_time: time | None = None,
    end_time: time | None = None,
) -> QuerySet[Service]:
    """The export's services filtered as the Open Referral UK `/services` endpoint asks.

    Ages follow the standard's words: `minimum_age` keeps services whose youngest age is at
    least it, `maximum_age` those whose oldest age is at most it. `day`, `start_time` and
    `end_time` must all hold for one schedule, of the service or of it at a listed place.
    """
    services = services_for_export()
    if search:
        services = services.filter(
            Q(name__icontains=search)
            | Q(description__icontains=search)
            | Q(organisation__name__icontains=search)
        )
    if taxonomy_term_id is not None:
        services = services.filter(
            Exists(
                ServiceTaxonomy.objects.filter(service=OuterRef("pk"), term__uuid=taxonomy_term_id)
            )
        )
    if taxonomy_id is not None:
        services = services.filter(
            Exists(
                ServiceTaxonomy.objects.filter(
                    service=OuterRef("pk"), term__taxonomy__uuid=taxonomy_id
                )
            )
        )
    if modified_after is not None:
        services = services.filter(updated_at__gte=modified_after)
    if minimum_age is not None:
        services = services.filter(eligibility__minimum_age__gte=minimum_age)
    if maximum_age is not None:
        services = services.filter(eligibility__maximum_age__lte=maximum_age)
    if day or start_time or end_time:
        schedules = Schedule.objects.filter(
            Q(service=OuterRef("pk"))
            | Q(
                service_at_location__service=OuterRef("pk"),
                service_at_location__place__is_listed=True,
            )
        )
        if day:
            schedules = schedules.filter(byday__contains=day)
        if start_time:
            schedules = schedules.filter(opens_at__gte=start_time)
        if end_time:
            schedules = schedules.filter(closes_at__lte=end_time)
        services = services.filter(Exists(schedules))
    return services


def _with_everything(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("organisation", "eligibility").prefetch_related(
        Prefetch(
            "locations",
            queryset=_public_locations()
            .select_related("place__ward")
            .prefetch_related("schedules"),
        ),
        "contacts",
        "schedules",
        "cost_options",
        Prefetch(
            "attributes",
            queryset=ServiceTaxonomy.objects.select_related("term__taxonomy", "term__parent"),
        ),
    )


def category_choices() -> QuerySet[TaxonomyTerm]:
    """Terms that at least one listed service uses, for the list page's filter."""
    return (
        TaxonomyTerm.objects.filter(
            Exists(
                ServiceTaxonomy.objects.filter(
                    term=OuterRef("pk"),
                    service__in=listed_services().values("pk"),
                )
            )
        )
        .order_by("term")
        .only("code", "term")
    )


def eligibility_of(service: Service) -> Eligibility | None:
    """The service's eligibility, or None if it has not been said."""
    try:
        return service.eligibility
    except ObjectDoesNotExist:
        return None
