"""Every write to services goes through here."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from typing import Final

from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.common import week
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.groups.models import Organisation
from coproduce.places.models import Place

from .models import (
    MAX_AGE,
    Contact,
    CostOption,
    Eligibility,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTaxonomy,
    Taxonomy,
    TaxonomyTerm,
)
from .taxonomy import BUILTIN_TAXONOMY, BUILTIN_TAXONOMY_DESCRIPTION, BUILTIN_TERMS


class _Unchanged:
    """Marks an argument that was not given."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Final = _Unchanged()


class ServiceDataError(ValueError):
    """Details that cannot be saved; the message says which and why."""


@dataclass(frozen=True)
class ContactDetails:
    name: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Opening:
    """Weekly opening: days as iCalendar two-letter codes ("MO"), times in local time."""

    days: tuple[str, ...]
    opens_at: time | None = None
    closes_at: time | None = None
    description: str = ""
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True)
class Cost:
    option: str = ""
    amount: Decimal | None = None
    amount_description: str = ""


@transaction.atomic
def service_create(
    *,
    organisation: Organisation,
    name: str,
    description: str = "",
    url: str = "",
    email: str = "",
    status: str = Service.Status.ACTIVE,
    fees_description: str = "",
    accreditations: str = "",
    is_listed: bool = True,
    places: Iterable[Place] = (),
    contacts: Iterable[ContactDetails] = (),
    openings: Iterable[Opening] = (),
    minimum_age: int | None = None,
    maximum_age: int | None = None,
    eligibility_description: str = "",
    costs: Iterable[Cost] = (),
    terms: Iterable[TaxonomyTerm] = (),
) -> Service:
    """Create a service with everything ORUK describes about it, all or nothing."""
    name = name.strip()
    if not name:
        raise ServiceDataError("A service needs a name")
    _check_status(status)
    service = Service.objects.create(
        organisation=organisation,
        name=name,
        description=description.strip(),
        url=url.strip(),
        email=email.strip(),
        status=status,
        fees_description=fees_description.strip(),
        accreditations=accreditations.strip(),
        is_listed=is_listed,
    )
    # A new service has nothing to replace, so its parts go in with one insert each.
    ServiceAtLocation.objects.bulk_create(
        [
            ServiceAtLocation(service=service, place=place)
            for place in {p.pk: p for p in places}.values()
        ]
    )
    Contact.objects.bulk_create([_new_contact(service, details) for details in contacts])
    Schedule.objects.bulk_create([_new_schedule(opening, service=service) for opening in openings])
    if minimum_age is not None or maximum_age is not None or eligibility_description.strip():
        _check_ages(minimum_age, maximum_age)
        Eligibility.objects.create(
            service=service,
            minimum_age=minimum_age,
            maximum_age=maximum_age,
            description=eligibility_description.strip(),
        )
    CostOption.objects.bulk_create([_new_cost(service, cost) for cost in costs])
    ServiceTaxonomy.objects.bulk_create(
        [ServiceTaxonomy(service=service, term=term) for term in {t.pk: t for t in terms}.values()]
    )
    return service


@transaction.atomic
def service_update(
    *,
    service: Service,
    name: str | _Unchanged = UNCHANGED,
    description: str | _Unchanged = UNCHANGED,
    url: str | _Unchanged = UNCHANGED,
    email: str | _Unchanged = UNCHANGED,
    status: str | _Unchanged = UNCHANGED,
    fees_description: str | _Unchanged = UNCHANGED,
    accreditations: str | _Unchanged = UNCHANGED,
    is_listed: bool | _Unchanged = UNCHANGED,
) -> Service:
    """Change only the fields given."""
    changed: list[str] = []
    for field, value in [
        ("name", name),
        ("description", description),
        ("url", url),
        ("email", email),
        ("fees_description", fees_description),
        ("accreditations", accreditations),
    ]:
        if isinstance(value, str):
            setattr(service, field, value.strip())
            changed.append(field)
    if isinstance(name, str) and not service.name:
        raise ServiceDataError("A service needs a name")
    if isinstance(status, str):
        _check_status(status)
        service.status = status
        changed.append("status")
    if isinstance(is_listed, bool):
        service.is_listed = is_listed
        changed.append("is_listed")
    if changed:
        service.save(update_fields=[*changed, "updated_at"])
    return service


# Officers hold it (accounts/roles.py); the admin site's change form asks the same.
CHANGE_SERVICE = "services.change_service"


@transaction.atomic
def service_details_change(
    *,
    service: Service,
    by,
    name: str | _Unchanged = UNCHANGED,
    description: str | _Unchanged = UNCHANGED,
    url: str | _Unchanged = UNCHANGED,
    email: str | _Unchanged = UNCHANGED,
    status: str | _Unchanged = UNCHANGED,
    fees_description: str | _Unchanged = UNCHANGED,
) -> Service:
    """`service_update` for a person (the API's officers): only someone who may change
    services may, and details that cannot be saved are a Refusal in words."""
    if not (
        by is not None and by.is_authenticated and by.is_active and by.has_perm(CHANGE_SERVICE)
    ):
        raise NotAllowed(_("Only council officers who keep the directory can change services."))
    if isinstance(name, str) and not name.strip():
        raise Refusal(_("Give the service a name."), field="name")
    if isinstance(status, str) and status not in Service.Status.values:
        raise Refusal(_("Choose a status from the list."), field="status")
    return service_update(
        service=Service.objects.select_for_update().get(pk=service.pk),
        name=name,
        description=description,
        url=url,
        email=email,
        status=status,
        fees_description=fees_description,
    )


@transaction.atomic
def service_set_places(*, service: Service, places: Iterable[Place]) -> list[ServiceAtLocation]:
    """Offer the service at exactly these places; links to other places are removed."""
    wanted = {place.pk: place for place in places}
    service.locations.exclude(place_id__in=wanted).delete()
    have = set(service.locations.values_list("place_id", flat=True))
    ServiceAtLocation.objects.bulk_create(
        [ServiceAtLocation(service=service, place=p) for pk, p in wanted.items() if pk not in have]
    )
    _touch(service)
    return list(service.locations.all())


@transaction.atomic
def service_set_terms(*, service: Service, terms: Iterable[TaxonomyTerm]) -> None:
    """Put the service in exactly these categories."""
    wanted = {term.pk: term for term in terms}
    service.attributes.exclude(term_id__in=wanted).delete()
    have = set(service.attributes.values_list("term_id", flat=True))
    ServiceTaxonomy.objects.bulk_create(
        [ServiceTaxonomy(service=service, term=t) for pk, t in wanted.items() if pk not in have]
    )
    _touch(service)


@transaction.atomic
def service_set_eligibility(
    *,
    service: Service,
    minimum_age: int | None,
    maximum_age: int | None,
    description: str = "",
) -> Eligibility:
    """Say who can use the service. Raises ServiceDataError if the ages make no sense."""
    _check_ages(minimum_age, maximum_age)
    eligibility, _created = Eligibility.objects.update_or_create(
        service=service,
        defaults={
            "minimum_age": minimum_age,
            "maximum_age": maximum_age,
            "description": description.strip(),
        },
    )
    _touch(service)
    return eligibility


@transaction.atomic
def contact_add(*, service: Service, details: ContactDetails) -> Contact:
    """Add a contact the service publishes."""
    contact = _new_contact(service, details)
    contact.save()
    _touch(service)
    return contact


def _new_contact(service: Service, details: ContactDetails) -> Contact:
    if not any([details.name, details.title, details.email, details.phone]):
        raise ServiceDataError("A contact needs a name, title, email or phone")
    return Contact(
        service=service,
        name=details.name.strip(),
        title=details.title.strip(),
        email=details.email.strip(),
        phone=details.phone.strip(),
    )


@transaction.atomic
def schedule_add(
    *,
    opening: Opening,
    service: Service | None = None,
    service_at_location: ServiceAtLocation | None = None,
) -> Schedule:
    """Add weekly opening to a service, or to a service at one place (give exactly one)."""
    schedule = _new_schedule(opening, service=service, service_at_location=service_at_location)
    schedule.save()
    _touch(service or service_at_location.service)
    return schedule


def _new_schedule(
    opening: Opening,
    *,
    service: Service | None = None,
    service_at_location: ServiceAtLocation | None = None,
) -> Schedule:
    if (service is None) == (service_at_location is None):
        raise ServiceDataError("A schedule belongs to a service or to a service at a place")
    unknown = [d for d in opening.days if d not in Schedule.DAYS]
    if not opening.days or unknown:
        raise ServiceDataError(f"Days must be some of {', '.join(Schedule.DAYS)}")
    if opening.opens_at and opening.closes_at and opening.opens_at >= opening.closes_at:
        raise ServiceDataError("The opening time must be before the closing time")
    if opening.valid_from and opening.valid_to and opening.valid_from > opening.valid_to:
        raise ServiceDataError("The start date must be before the end date")
    ordered = week.in_week_order(opening.days)
    return Schedule(
        service=service,
        service_at_location=service_at_location,
        byday=",".join(ordered),
        opens_at=opening.opens_at,
        closes_at=opening.closes_at,
        valid_from=opening.valid_from,
        valid_to=opening.valid_to,
        description=opening.description.strip(),
    )


@transaction.atomic
def cost_option_add(*, service: Service, cost: Cost) -> CostOption:
    """Add a price. An amount of 0 means free; no amount means the price is not stated."""
    option = _new_cost(service, cost)
    option.save()
    _touch(service)
    return option


def _new_cost(service: Service, cost: Cost) -> CostOption:
    if cost.amount is not None and cost.amount < 0:
        raise ServiceDataError("A cost cannot be negative")
    return CostOption(
        service=service,
        option=cost.option.strip(),
        amount=cost.amount,
        amount_description=cost.amount_description.strip(),
    )


@transaction.atomic
def taxonomy_ensure_builtin() -> Taxonomy:
    """Make sure the built-in service categories exist; safe to run any number of times."""
    taxonomy, _created = Taxonomy.objects.get_or_create(
        name=BUILTIN_TAXONOMY, defaults={"description": BUILTIN_TAXONOMY_DESCRIPTION}
    )
    have = set(taxonomy.terms.values_list("code", flat=True))
    TaxonomyTerm.objects.bulk_create(
        [
            TaxonomyTerm(taxonomy=taxonomy, code=code, term=term)
            for code, term in BUILTIN_TERMS
            if code not in have
        ]
    )
    return taxonomy


def _check_ages(minimum_age: int | None, maximum_age: int | None) -> None:
    for age in (minimum_age, maximum_age):
        if age is not None and not 0 <= age <= MAX_AGE:
            raise ServiceDataError(f"An age must be between 0 and {MAX_AGE}, not {age}")
    if minimum_age is not None and maximum_age is not None and minimum_age > maximum_age:
        raise ServiceDataError("The youngest age is older than the oldest age")


def _check_status(status: str) -> None:
    if status not in Service.Status.values:
        raise ServiceDataError(
            f"Unknown status {status!r}. Use one of: {', '.join(Service.Status.values)}"
        )


def _touch(service: Service) -> None:
    # ORUK's last_modified covers changes to anything about the service.
    service.save(update_fields=["updated_at"])
