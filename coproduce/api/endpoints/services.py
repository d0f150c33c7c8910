"""Services in the directory, as their pages show them, in the site's own shape (the Open
Referral UK form of the same services is served apart, as that standard defines it)."""

from uuid import UUID

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field, field_validator

from coproduce.directory import selectors
from coproduce.directory import services as directory_services
from coproduce.directory.forms import ServiceFilterForm
from coproduce.directory.models import Service
from coproduce.places.selectors import is_someones_own

from ..auth import officer_token
from ..common import (
    WRITE_ANSWERS,
    Body,
    Error,
    Location,
    WardOut,
    checked,
    location,
    not_found,
    one_of,
    ward_of,
    web_address,
)
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
    return _detail(service)


def _detail(service: Service) -> dict:
    return {
        **_out(service),
        "description": service.description,
        "website": service.url,
        "fees": service.fees_description,
    }


# Writes, with an officer's token ------------------------------------------------------------
class ServiceChange(Body):
    """The details to change; those left out stay as they are. Send "" to empty one."""

    name: str = Field(None, min_length=1, max_length=200)
    description: str = Field(None, max_length=20_000, description="What it offers.")
    website: str = Field(None, max_length=200, description="A full web address, or empty.")
    email: str = Field(None, max_length=254, description="A contact email address, or empty.")
    fees: str = Field(None, max_length=5_000, description="What it costs, in words.")
    status: one_of(Service.Status) = Field(None)

    @field_validator("website")
    @classmethod
    def _web_address(cls, value: str) -> str:
        return web_address(value)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value:
            try:
                validate_email(value)
            except DjangoValidationError:
                raise ValueError("Give an email address like name@example.com.") from None
        return value


# The API's names for the fields, and the service's.
CHANGE_NAMES = {
    "name": "name",
    "description": "description",
    "website": "url",
    "email": "email",
    "fees": "fees_description",
    "status": "status",
}


@router.patch(
    "/services/{uuid}/",
    auth=officer_token,
    response={200: ServiceDetail, 404: Error, **WRITE_ANSWERS},
    summary="Change a service's details",
)
def service_change(request: HttpRequest, uuid: UUID, payload: ServiceChange):
    """Change a directory service's name, description, website, email, fees or status, as an
    officer who keeps the directory. Unlisted services can be changed too."""
    if not request.auth.has_perm(directory_services.CHANGE_SERVICE):
        raise HttpError(403, _("Only council officers who keep the directory can do this."))
    service = selectors.service_for_page(uuid=uuid, viewer=request.auth)
    if service is None:
        raise not_found("service")
    changes = {
        CHANGE_NAMES[name]: value
        for name, value in payload.model_dump(exclude_unset=True).items()
        if value is not None
    }
    directory_services.service_details_change(service=service, by=request.auth, **changes)
    return Status(200, _detail(selectors.service_for_page(uuid=uuid, viewer=request.auth)))
