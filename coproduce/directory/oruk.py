"""Services as Open Referral UK 3.0 JSON (the UK profile of HSDS 3.0).

Field names are the profile's. Where the profile has no field for something we hold, the
HSDS 3.0 field is used (contact `email` and `phones`, `eligibility_description`, term
`code`, cost `currency`); HSDS readers know them and the profile allows extra fields.
Optional fields with no value are left out, never sent as null.

Organisations and places have no uuid of their own yet, so their ORUK ids are name-based
UUIDs (RFC 4122 version 5) of the site address and the row: stable while SITE_URL is.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from math import ceil
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse

from coproduce.common.numbers import NumberError, whole_number
from coproduce.groups.models import Organisation
from coproduce.places.models import Place

from .models import Contact, CostOption, Schedule, Service, ServiceAtLocation, ServiceTaxonomy
from .selectors import eligibility_of, services_for_export

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
COUNTRY = "GB"


class PagingError(ValueError):
    """A page or per_page value that cannot be used; the message says why."""


@dataclass(frozen=True)
class Paging:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @classmethod
    def from_query(cls, query: QueryDict) -> "Paging":
        page = _positive_int(query.get("page"), "page", default=1)
        per_page = _positive_int(query.get("per_page"), "per_page", default=DEFAULT_PER_PAGE)
        if per_page > MAX_PER_PAGE:
            raise PagingError(f"per_page must be {MAX_PER_PAGE} or less")
        return cls(page=page, per_page=per_page)


def _positive_int(raw: str | None, name: str, *, default: int) -> int:
    if raw is None or raw == "":
        return default
    try:
        return whole_number(raw, name=name, minimum=1, maximum=999_999_999)
    except NumberError:
        raise PagingError(f"{name} must be a whole number from 1") from None


def services_page(paging: Paging, services: QuerySet[Service] | None = None) -> dict[str, Any]:
    """One page of listed services, ORUK style: a page object whose `contents` are services.

    `services` defaults to every exported service; it must come from `services_for_export`
    (or a filter of it), so the page runs a fixed number of queries. A page past the last
    one is empty, not an error, as the page object can say so.
    """
    if services is None:
        services = services_for_export()
    total = services.count()
    pages = ceil(total / paging.per_page) if total else 0
    start = (paging.page - 1) * paging.per_page
    rows = list(services[start : start + paging.per_page]) if start < total else []
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": paging.page,
        "size": paging.per_page,
        "first_page": paging.page == 1,
        "last_page": paging.page >= pages,
        "empty": not rows,
        "contents": [service_json(service) for service in rows],
    }


def service_json(service: Service) -> dict[str, Any]:
    """A full ORUK service: organisation, places, contacts, opening, costs and categories.

    Expects a service from `services_for_export` or `service_for_page`, so nothing here
    queries the database.
    """
    eligibility = eligibility_of(service)
    service_id = str(service.uuid)
    schedules = [_schedule(s, service_id=service_id) for s in service.schedules.all()]
    locations = []
    for link in service.locations.all():
        locations.append(_service_at_location(link, service_id))
        schedules.extend(
            _schedule(s, service_at_location_id=str(link.uuid)) for s in link.schedules.all()
        )
    return _clean(
        {
            "id": service_id,
            "organization_id": organisation_id(service.organisation),
            "name": service.name,
            "description": service.description,
            "url": service.url or _page_url(service),
            "email": service.email or None,
            "status": service.status,
            "fees": service.fees_description or None,
            "accreditations": service.accreditations or None,
            "eligibility_description": (eligibility.description or None) if eligibility else None,
            "minimum_age": eligibility.minimum_age if eligibility else None,
            "maximum_age": eligibility.maximum_age if eligibility else None,
            "last_modified": _timestamp(service.updated_at),
            "organization": _organisation(service.organisation),
            "service_at_locations": locations,
            "contacts": [_contact(c, service_id) for c in service.contacts.all()],
            "schedules": schedules,
            "cost_options": [_cost_option(c, service_id) for c in service.cost_options.all()],
            "attributes": [_attribute(a, service_id) for a in service.attributes.all()],
        }
    )


def organisation_id(organisation: Organisation) -> str:
    return _derived_id("organisation", organisation.pk)


def location_id(place: Place) -> str:
    return _derived_id("place", place.pk)


def _derived_id(kind: str, pk: int) -> str:
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, f"{settings.SITE_URL}/open-referral")
    return str(uuid.uuid5(namespace, f"{kind}:{pk}"))


def _organisation(organisation: Organisation) -> dict[str, Any]:
    return _clean(
        {
            "id": organisation_id(organisation),
            "name": organisation.name,
            "description": organisation.description,
            "email": organisation.email or None,
            "website": organisation.website or None,
        }
    )


def _service_at_location(link: ServiceAtLocation, service_id: str) -> dict[str, Any]:
    place = link.place
    place_id = location_id(place)
    address_1, city = _split_address(place.address)
    addresses = []
    if place.address or place.postcode:
        addresses.append(
            _clean(
                {
                    "id": _derived_id("address", place.pk),
                    "location_id": place_id,
                    "address_1": address_1,
                    "city": city,
                    "postal_code": place.postcode,
                    "country": COUNTRY,
                    "address_type": "physical",
                }
            )
        )
    accessibility = []
    if place.step_free:
        accessibility.append(
            {
                "id": _derived_id("step-free", place.pk),
                "location_id": place_id,
                "description": "Step-free access",
            }
        )
    location = _clean(
        {
            "id": place_id,
            "name": place.name,
            "description": place.description,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "addresses": addresses,
            "accessibility": accessibility,
        }
    )
    return {
        "id": str(link.uuid),
        "service_id": service_id,
        "location_id": place_id,
        "location": location,
    }


def _split_address(address: str) -> tuple[str, str]:
    """'1 Market Square, Northbrook' -> ('1 Market Square', 'Northbrook')."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    if len(parts) < 2:
        return address.strip(), ""
    return ", ".join(parts[:-1]), parts[-1]


def _contact(contact: Contact, service_id: str) -> dict[str, Any]:
    contact_id = str(contact.uuid)
    phones = []
    if contact.phone:
        phone_id = str(uuid.uuid5(contact.uuid, "phone"))
        phones.append({"id": phone_id, "contact_id": contact_id, "number": contact.phone})
    return _clean(
        {
            "id": contact_id,
            "service_id": service_id,
            "name": contact.name or None,
            "title": contact.title or None,
            "email": contact.email or None,
            "phones": phones,
        }
    )


def _schedule(
    schedule: Schedule, *, service_id: str | None = None, service_at_location_id: str | None = None
) -> dict[str, Any]:
    """One weekly rule, tied to the service or (exactly one of the two) to it at a place."""
    return _clean(
        {
            "id": str(schedule.uuid),
            "service_id": service_id,
            "service_at_location_id": service_at_location_id,
            "valid_from": _date(schedule.valid_from),
            "valid_to": _date(schedule.valid_to),
            "freq": "WEEKLY",
            "interval": 1,
            "byday": schedule.byday,
            "opens_at": _time(schedule.opens_at),
            "closes_at": _time(schedule.closes_at),
            "description": schedule.description or None,
        }
    )


def _cost_option(cost: CostOption, service_id: str) -> dict[str, Any]:
    return _clean(
        {
            "id": str(cost.uuid),
            "service_id": service_id,
            "option": cost.option or None,
            "amount": _number(cost.amount),
            "currency": cost.currency if cost.amount is not None else None,
            "amount_description": cost.amount_description or None,
            "valid_from": _date(cost.valid_from),
            "valid_to": _date(cost.valid_to),
        }
    )


def _attribute(attribute: ServiceTaxonomy, service_id: str) -> dict[str, Any]:
    term = attribute.term
    term_id = str(term.uuid)
    return {
        "id": str(attribute.uuid),
        "link_id": service_id,
        "link_type": attribute.link_type,
        "link_entity": "service",
        "taxonomy_term_id": term_id,
        "taxonomy_term": _clean(
            {
                "id": term_id,
                "code": term.code,
                "term": term.term,
                "description": term.description or None,
                "parent_id": str(term.parent.uuid) if term.parent_id else None,
                "taxonomy": term.taxonomy.name,
                "taxonomy_id": str(term.taxonomy.uuid),
                "term_uri": term.term_uri or None,
            }
        ),
    }


def _page_url(service: Service) -> str:
    return settings.SITE_URL + reverse("services:detail", args=[service.uuid])


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: time | None) -> str | None:
    return value.strftime("%H:%M:%S") if value else None


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
