import json

import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.places.tests.factories import PlaceFactory

from .factories import ServiceAtLocationFactory, ServiceFactory, full_service
from .oruk_schema import PAGE, SERVICE, problems

pytestmark = pytest.mark.django_db


def _export(client, **params):
    response = client.get(reverse("services:open_referral"), params)
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def test_export_matches_the_oruk_structure_for_every_service(client):
    """Every service in the export has the ORUK keys, with the right types and formats."""
    full_service()
    full_service(status="temporarily closed", url="", email="")
    ServiceFactory(description="", url="")  # the least a service can have
    response, page = _export(client)
    assert response.status_code == 200
    assert problems(page, PAGE) == []
    assert page["total_items"] == 3
    assert len(page["contents"]) == 3


def test_export_carries_each_part_of_a_service(client):
    """Places, contacts with phones, opening, ages, costs and categories are all exported."""
    service = full_service(name="Community Counselling")
    _, page = _export(client)
    exported = page["contents"][0]
    assert exported["id"] == str(service.uuid)
    assert exported["organization"]["name"] == service.organisation.name
    assert exported["organization_id"] == exported["organization"]["id"]
    location = exported["service_at_locations"][0]["location"]
    assert location["addresses"][0]["address_1"] == "1 Market Square"
    assert location["addresses"][0]["city"] == "Northbrook"
    assert location["addresses"][0]["postal_code"] == "NB1 1AA"
    assert exported["contacts"][0]["phones"][0]["number"] == "020 7946 0000"
    assert {s["byday"] for s in exported["schedules"]} == {"MO,TU,WE,TH,FR", "SA"}
    place_schedule = next(s for s in exported["schedules"] if s["byday"] == "SA")
    assert place_schedule["service_at_location_id"] == exported["service_at_locations"][0]["id"]
    assert (exported["minimum_age"], exported["maximum_age"]) == (18, 65)
    assert sorted(c["amount"] for c in exported["cost_options"]) == [0, 3.5]
    term = exported["attributes"][0]["taxonomy_term"]
    assert term["parent_id"]
    assert exported["attributes"][0]["link_id"] == exported["id"]


def test_service_without_website_links_to_its_page_here(client, settings):
    """ORUK needs a url; a service with no website gets its page on this site."""
    settings.SITE_URL = "https://coproduce.example"
    service = ServiceFactory(url="")
    _, page = _export(client)
    assert page["contents"][0]["url"] == f"https://coproduce.example/services/{service.uuid}/"


def test_ids_of_organisations_and_places_are_stable(client):
    """Organisation and place ids are the same on every export."""
    ServiceAtLocationFactory()
    _, first = _export(client)
    _, second = _export(client)
    assert first["contents"][0]["organization"]["id"] == second["contents"][0]["organization"]["id"]
    assert (
        first["contents"][0]["service_at_locations"][0]["location_id"]
        == second["contents"][0]["service_at_locations"][0]["location_id"]
    )


def test_export_leaves_out_hidden_services_and_places(client):
    """Hidden services, hidden organisations and hidden places never reach the export."""
    ServiceFactory(name="Secret Service", is_listed=False)
    ServiceFactory(name="Hidden Group Service", organisation__is_listed=False)
    ServiceAtLocationFactory(place=PlaceFactory(name="Secret Shelter", is_listed=False))
    _, page = _export(client)
    text = json.dumps(page)
    assert page["total_items"] == 1
    assert "Secret Service" not in text
    assert "Hidden Group Service" not in text
    assert "Secret Shelter" not in text


def test_export_includes_defunct_services_with_their_status(client):
    """ORUK consumers are told a service has stopped, rather than it vanishing."""
    ServiceFactory(status="defunct")
    _, page = _export(client)
    assert page["contents"][0]["status"] == "defunct"


def test_export_pages(client):
    """page and per_page split the export, and the page object describes where you are."""
    for n in range(5):
        ServiceFactory(name=f"Service {n}")
    _, page = _export(client, page=2, per_page=2)
    assert [s["name"] for s in page["contents"]] == ["Service 2", "Service 3"]
    assert page["total_items"] == 5
    assert page["total_pages"] == 3
    assert page["page_number"] == 2
    assert page["size"] == 2
    assert page["first_page"] is False and page["last_page"] is False and page["empty"] is False
    _, beyond = _export(client, page=9, per_page=2)
    assert beyond["empty"] is True and beyond["contents"] == [] and beyond["last_page"] is True


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "two"},
        {"page": "-1"},
        {"per_page": "101"},
        {"per_page": "0"},
        {"page": "²"},
        {"per_page": "①"},
        {"page": " 1"},
    ],
)
def test_bad_paging_is_a_400_with_a_json_error(client, params):
    """Bad page or per_page values give 400 and a JSON body saying why."""
    response, body = _export(client, **params)
    assert response.status_code == 400
    assert "error" in body


def test_export_query_count_does_not_grow(client, django_assert_max_num_queries):
    """The export runs a fixed number of queries however many services it holds."""
    for _ in range(10):
        full_service()
    with django_assert_max_num_queries(14):
        _response, page = _export(client, per_page=100)
    assert len(page["contents"]) == 10


@pytest.mark.parametrize("viewer", ["visitor", "resident", "officer", "administrator"])
def test_one_service_export_is_public(client, viewer):
    """Anyone may fetch one listed service as ORUK JSON, and it fits the structure."""
    service = full_service()
    if viewer != "visitor":
        client.force_login(UserFactory(roles=[] if viewer == "resident" else [Role(viewer)]))
    response = client.get(reverse("services:open_referral_service", args=[service.uuid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert problems(json.loads(response.content), SERVICE) == []


@pytest.mark.parametrize("viewer", ["visitor", "administrator"])
def test_one_hidden_service_export_is_not_found(client, viewer):
    """A hidden service is not exported, even to those who manage services."""
    service = ServiceFactory(is_listed=False)
    if viewer != "visitor":
        client.force_login(UserFactory(roles=[Role.ADMINISTRATOR]))
    response = client.get(reverse("services:open_referral_service", args=[service.uuid]))
    assert response.status_code == 404
    assert "error" in json.loads(response.content)


def test_checker_catches_a_broken_service():
    """The structure check itself fails on a wrong type, a missing key and a bad id."""
    broken = {"id": "not-a-uuid", "name": 3, "status": "open", "organization": {}}
    found = problems(broken, SERVICE)
    assert any("not a uuid" in p for p in found)
    assert any("$.name: expected string" in p for p in found)
    assert any("missing url" in p for p in found)
    assert any("'open' is not one of" in p for p in found)
    assert any("$.organization: missing name" in p for p in found)
