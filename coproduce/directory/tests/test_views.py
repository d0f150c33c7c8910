import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.places.tests.factories import PlaceFactory, WardFactory

from .factories import (
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    ServiceTaxonomyFactory,
    full_service,
)

pytestmark = pytest.mark.django_db

VIEWERS = ["visitor", "resident", "organiser", "officer", "moderator", "administrator"]


def _sign_in(client, kind: str):
    if kind == "visitor":
        return None
    roles = [] if kind == "resident" else [Role(kind)]
    user = UserFactory(roles=roles)
    client.force_login(user)
    return user


@pytest.mark.parametrize("viewer", VIEWERS)
def test_list_page_shows_listed_services_to_everyone(client, viewer):
    """Every viewer, signed in or not, sees listed services on the list page."""
    service = ServiceFactory(name="Money Matters")
    _sign_in(client, viewer)
    response = client.get(reverse("services:list"))
    assert response.status_code == 200
    assert "Money Matters" in response.content.decode()
    assert str(service.uuid) in response.content.decode()


@pytest.mark.parametrize("viewer", VIEWERS)
def test_list_page_never_shows_hidden_services(client, viewer):
    """Hidden services, services of hidden organisations and defunct ones are not listed."""
    ServiceFactory(name="Secret Service", is_listed=False)
    ServiceFactory(name="Hidden Group Service", organisation__is_listed=False)
    ServiceFactory(name="Gone Service", status="defunct")
    _sign_in(client, viewer)
    body = client.get(reverse("services:list")).content.decode()
    assert "Secret Service" not in body
    assert "Hidden Group Service" not in body
    assert "Gone Service" not in body


def test_list_page_filters_by_category_ward_and_text(client):
    """Category, ward and search text each narrow the list."""
    food = ServiceTaxonomyFactory(service__name="Food Bank").term
    ServiceFactory(name="Debt Advice")
    ward = WardFactory(name="Riverside")
    ServiceAtLocationFactory(service__name="Riverside Lunch Club", place__ward=ward)

    body = client.get(reverse("services:list"), {"category": food.code}).content.decode()
    assert "Food Bank" in body and "Debt Advice" not in body

    body = client.get(reverse("services:list"), {"ward": ward.slug}).content.decode()
    assert "Riverside Lunch Club" in body and "Food Bank" not in body

    body = client.get(reverse("services:list"), {"q": "debt advice"}).content.decode()
    assert "Debt Advice" in body and "Food Bank" not in body


def test_list_page_open_now_filter(client, settings, monkeypatch):
    """'Open now' keeps only services whose schedule covers this moment."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    monday_ten = datetime(2025, 3, 3, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    monkeypatch.setattr(timezone, "now", lambda: monday_ten)
    ScheduleFactory(service__name="Weekday Drop-in", byday="MO,TU")
    ScheduleFactory(service__name="Saturday Club", byday="SA")
    body = client.get(reverse("services:list"), {"open_now": "on"}).content.decode()
    assert "Weekday Drop-in" in body
    assert "Saturday Club" not in body


def test_list_page_with_unknown_filter_says_so(client):
    """An unknown category is a form error with status 400, not a crash."""
    ServiceFactory(name="Debt Advice")
    response = client.get(reverse("services:list"), {"category": "no-such-thing"})
    assert response.status_code == 400
    body = response.content.decode()
    assert body.count("govuk-error-summary__title") == 1
    assert "Choose what it helps with from the list" in body
    assert "Debt Advice" in body


def test_list_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    """The list page runs a fixed number of queries however many services it shows."""
    for _ in range(15):
        ServiceTaxonomyFactory(service=ServiceAtLocationFactory().service)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("services:list"))
    assert response.status_code == 200


def test_list_page_paginates(client):
    """More than a page of services is split across pages."""
    for n in range(25):
        ServiceFactory(name=f"Service {n:02d}")
    first = client.get(reverse("services:list")).content.decode()
    second = client.get(reverse("services:list"), {"page": 2}).content.decode()
    assert "Service 00" in first and "Service 24" not in first
    assert "Service 24" in second


@pytest.mark.parametrize("viewer", VIEWERS)
def test_detail_page_shows_everything_public(client, viewer):
    """The service page shows places, opening, ages, costs, contacts and categories."""
    service = full_service(name="Community Counselling")
    _sign_in(client, viewer)
    response = client.get(reverse("services:detail", args=[service.uuid]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Community Counselling" in body
    assert "Monday to Friday" in body
    assert "Ages 18 to 65." in body
    assert "£3.50" in body and "Free" in body
    assert "Ann Persona" in body and "020 7946 0000" in body
    assert service.locations.first().place.name in body
    assert service.attributes.first().term.term in body


@pytest.mark.parametrize("viewer", ["visitor", "resident", "organiser", "moderator"])
def test_hidden_service_page_is_not_found(client, viewer):
    """A hidden service's page is 404 for anyone who cannot manage services."""
    service = ServiceFactory(is_listed=False)
    _sign_in(client, viewer)
    assert client.get(reverse("services:detail", args=[service.uuid])).status_code == 404


@pytest.mark.parametrize("viewer", ["officer", "administrator"])
def test_hidden_service_page_is_seen_by_those_who_manage_services(client, viewer):
    """Officers and administrators (who may change services) see a hidden service, marked."""
    service = ServiceFactory(is_listed=False, name="Draft Service")
    _sign_in(client, viewer)
    response = client.get(reverse("services:detail", args=[service.uuid]))
    assert response.status_code == 200
    assert "This service is hidden" in response.content.decode()


def test_numbered_address_redirects_to_uuid_address(client):
    """/services/<number>/ sends people to the lasting /services/<uuid>/ address."""
    service = ServiceFactory()
    response = client.get(reverse("services:detail_by_number", args=[service.pk]))
    assert response.status_code == 301
    assert response["Location"] == reverse("services:detail", args=[service.uuid])


def test_numbered_address_of_hidden_service_is_not_found(client):
    """The numbered address does not reveal hidden services either."""
    service = ServiceFactory(is_listed=False)
    assert client.get(reverse("services:detail_by_number", args=[service.pk])).status_code == 404


def test_hidden_place_is_not_shown_on_service_page(client):
    """A service offered at a hidden place does not name that place."""
    link = ServiceAtLocationFactory(place=PlaceFactory(name="Secret Shelter", is_listed=False))
    body = client.get(reverse("services:detail", args=[link.service.uuid])).content.decode()
    assert "Secret Shelter" not in body


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_pages_only_answer_get(client, method):
    """The pages and exports are read-only."""
    service = ServiceFactory()
    for url in [
        reverse("services:list"),
        reverse("services:detail", args=[service.uuid]),
        reverse("services:open_referral"),
        reverse("services:open_referral_service", args=[service.uuid]),
    ]:
        assert getattr(client, method)(url).status_code == 405


def test_detail_page_shows_panels_other_apps_add(client, monkeypatch):
    """Apps above the directory (feedback, for one) add sections to a service's page."""
    from django.utils.safestring import mark_safe

    from coproduce.common import panels

    monkeypatch.setitem(panels._panels, "service", [])
    panels.register("service", lambda service, request: mark_safe(f"<p>About {service.name}</p>"))
    service = ServiceFactory(name="Debt advice drop-in")
    body = client.get(reverse("services:detail", args=[service.uuid])).content.decode()
    assert "<p>About Debt advice drop-in</p>" in body
