"""Services in the directory, as their pages show them, in the site's own shape (the Open
Referral UK form of the same services is served apart, as that standard defines it)."""

from uuid import UUID

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from coproduce.directory import selectors
from coproduce.directory.forms import ServiceFilterForm
from coproduce.directory.models import Service
from coproduce.places.selectors import is_someones_own

from ..common import Error, Location, WardOut, checked, location, not_found, one_of, ward_of
from ..paging import PageMeta, PagingQuery, paginate

router = Router(tags=["Services"])


class Category(Schema):
    code: str
    term: str


class ServicePlace(Schema):
    place_id: int
    name: str
    ward: WardOut
    location: Location | None


class ServiceOut(Schema):
    id: UUID
    name: str
    organisation: str
    status: one_of(Service.Status)
    categories: list[Category]
    places: list[ServicePlace]
    url: str


class ServiceDetail(ServiceOut):
    description: str
    website: str
    fees: str


class ServicePage(PageMeta):
    results: list[ServiceOut]


class ServiceFilters(Schema):
    category: str = Field("", max_length=100, description="A category's code.")
    ward: str = Field("", max_length=100, description="A ward's short name, as in its address.")
    q: str = Field("", max_length=100, description="Words in its name, description or group.")
    open_now: bool = False


def _out(service: Service) -> dict:
    return {
        "id": service.uuid,
        "name": service.name,
        "organisation": service.organisation.name,
        "status": service.status,
        "categories": [
            {"code": link.term.code, "term": link.term.term} for link in service.attributes.all()
        ],
        "places": [
            {
                "place_id": link.place_id,
                "name": link.place.name,
                "ward": ward_of(link.place.ward),
                "location": None
                if is_someones_own(link.place)
                else location(link.place.latitude, link.place.longitude),
            }
            for link in service.locations.all()
        ],
        "url": reverse("services:detail", args=[service.uuid]),
    }


@router.get("/services/", response={200: ServicePage, 400: Error}, summary="Services")
def service_list(request: HttpRequest, paging: PagingQuery, filters: Query[ServiceFilters]):
    """Listed services by name, filtered as on the services page."""
    form = checked(ServiceFilterForm, filters.dict())
    rows = selectors.services_for_list(form.service_filters())
    return paginate(request, rows, paging, lambda page: map(_out, page))


@router.get("/services/{uuid}/", response={200: ServiceDetail, 404: Error}, summary="One service")
def service_detail(request: HttpRequest, uuid: UUID):
    service = selectors.service_for_page(uuid=uuid)
    if service is None:
        raise not_found("service")
    return {
        **_out(service),
        "description": service.description,
        "website": service.url,
        "fees": service.fees_description,
    }
