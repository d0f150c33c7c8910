"""The Open Referral UK 3.0 API at /open-referral/: `/`, `/services`, `/services/{id}`."""

import json
import uuid
from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.directory.models import Service

from .factories import (
    EligibilityFactory,
    ScheduleFactory,
    ServiceFactory,
    ServiceTaxonomyFactory,
    TaxonomyTermFactory,
    full_service,
)
from .oruk_schema import PAGE, SERVICE, problems

pytestmark = pytest.mark.django_db

PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
}


def _get(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def _services(client, **params):
    return _get(client, reverse("open_referral:services"), **params)


def _names(page):
    return [service["name"] for service in page["contents"]]


def test_root_says_which_version_and_profile(client):
    """`/` gives the HSDS version, the UK profile and the API document, as ORUK asks."""
    response, body = _get(client, reverse("open_referral:root"))
    assert response.status_code == 200
    assert body["version"] == "3.0"
    assert body["profile"].startswith("https://github.com/OpenReferralUK/")
    assert body["openapi_url"].startswith("https://")
    assert body["publisher"]["name"]


def test_services_answer_in_the_standard_page_shape(client):
    """`/services` is a page object with exactly the standard's keys, of full services."""
    full_service()
    ServiceFactory(description="", url="")
    response, page = _services(client)
    assert response.status_code == 200
    assert set(page) == PAGE_KEYS
    assert problems(page, PAGE) == []
    assert page["total_items"] == 2 and page["first_page"] and page["last_page"]


def test_services_page_with_page_and_per_page(client):
    """page and per_page split the list; a page past the end is empty."""
    for n in range(5):
        ServiceFactory(name=f"Service {n}")
    _, page = _services(client, page=3, per_page=2)
    assert _names(page) == ["Service 4"]
    assert (page["page_number"], page["total_pages"], page["last_page"]) == (3, 3, True)
    _, beyond = _services(client, page=4, per_page=2)
    assert beyond["empty"] is True and beyond["contents"] == []


def test_search_finds_by_name_description_or_organisation(client):
    """`search` (and `text`, its older name) match words in a service or its organisation."""
    ServiceFactory(name="Warm Welcome Café")
    ServiceFactory(name="Benefits advice", description="Help with a warm home discount")
    ServiceFactory(name="Repair Café")
    _, page = _services(client, search="warm")
    assert sorted(_names(page)) == ["Benefits advice", "Warm Welcome Café"]
    _, older = _services(client, text="repair")
    assert _names(older) == ["Repair Café"]


def test_taxonomy_filters(client):
    """`taxonomy_term_id` and `taxonomy_id` keep services tagged with that term or vocabulary."""
    term = TaxonomyTermFactory()
    tagged = ServiceFactory(name="Tagged")
    ServiceTaxonomyFactory(service=tagged, term=term)
    ServiceTaxonomyFactory(service=ServiceFactory(name="Other"), term=TaxonomyTermFactory())
    _, by_term = _services(client, taxonomy_term_id=str(term.uuid))
    _, by_vocabulary = _services(client, taxonomy_id=str(term.taxonomy.uuid))
    assert _names(by_term) == ["Tagged"]
    assert _names(by_vocabulary) == ["Tagged"]


def test_modified_after_keeps_recent_changes(client):
    """`modified_after` keeps services changed at or after that moment."""
    ServiceFactory(name="Old")
    ServiceFactory(name="New")
    Service.objects.filter(name="Old").update(updated_at=timezone.now() - timedelta(days=30))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    _, page = _services(client, modified_after=since)
    assert _names(page) == ["New"]
    _, by_day = _services(client, modified_after=since[:10])
    assert _names(by_day) == ["New"]


def test_age_filters_follow_the_standard(client):
    """`minimum_age` keeps youngest ages at least it; `maximum_age` oldest ages at most it."""
    EligibilityFactory(service=ServiceFactory(name="Adults"), minimum_age=18, maximum_age=65)
    EligibilityFactory(service=ServiceFactory(name="Youth"), minimum_age=11, maximum_age=19)
    _, adults = _services(client, minimum_age=16)
    _, young = _services(client, maximum_age=25)
    assert _names(adults) == ["Adults"]
    assert _names(young) == ["Youth"]


def test_day_and_times_must_hold_for_one_schedule(client):
    """`day`, `start_time` and `end_time` keep services with one schedule matching all."""
    ScheduleFactory(service=ServiceFactory(name="Weekday"))  # MO-FR 09:00-17:00
    ScheduleFactory(
        service=ServiceFactory(name="Saturday"), byday="SA", opens_at=time(10), closes_at=time(12)
    )
    _, saturday = _services(client, day="SA")
    _, morning = _services(client, day="MO", start_time="08:30", end_time="17:00")
    _, late = _services(client, day="MO", start_time="10:00")
    assert _names(saturday) == ["Saturday"]
    assert _names(morning) == ["Weekday"]
    assert _names(late) == []


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"per_page": "1000"},
        {"taxonomy_term_id": "not-a-uuid"},
        {"taxonomy_id": "42"},
        {"modified_after": "yesterday"},
        {"modified_after": "2026-02-30"},
        {"minimum_age": "-1"},
        {"maximum_age": "ten"},
        {"day": "Funday"},
        {"start_time": "25:00"},
        {"end_time": "9am"},
        {"search": "x" * 101},
    ],
)
def test_bad_parameters_are_a_400_with_a_json_error(client, params):
    """A parameter that cannot be used gets 400 and an `error` naming it."""
    response, body = _services(client, **params)
    assert response.status_code == 400
    assert next(iter(params)) in body["error"]


def test_one_service_is_fully_nested(client):
    """`/services/{id}` gives the service with its organisation, places and the rest."""
    service = full_service()
    response, body = _get(client, reverse("open_referral:service", args=[service.uuid]))
    assert response.status_code == 200
    assert problems(body, SERVICE) == []
    assert body["organization"]["name"] == service.organisation.name
    for part in ("service_at_locations", "contacts", "schedules", "attributes"):
        assert body[part], part


@pytest.mark.parametrize("hidden", ["service", "organisation"])
def test_hidden_services_are_never_sent(client, hidden):
    """A hidden service, or one of a hidden organisation, is in no list and has no page."""
    service = (
        ServiceFactory(is_listed=False)
        if hidden == "service"
        else ServiceFactory(organisation__is_listed=False)
    )
    _, page = _services(client)
    assert page["total_items"] == 0
    response, body = _get(client, reverse("open_referral:service", args=[service.uuid]))
    assert response.status_code == 404 and body["error"]


@pytest.mark.parametrize("service_id", ["not-a-uuid", str(uuid.uuid4())])
def test_an_unknown_id_is_a_404_with_a_json_error(client, service_id):
    """An id that is not a uuid, or no service's, gets 404 and a JSON error."""
    response, body = _get(client, reverse("open_referral:service", args=[service_id]))
    assert response.status_code == 404
    assert body == {"error": "There is no listed service with that id"}


def test_a_page_costs_the_same_queries_however_many_services(client, django_assert_max_num_queries):
    """A page of 2 services and a page of 10 run the same number of queries, filters on."""
    term = TaxonomyTermFactory()

    def make(n):
        for _ in range(n):
            ServiceTaxonomyFactory(service=full_service(), term=term)

    make(2)
    params = {"taxonomy_term_id": str(term.uuid), "search": "", "day": "MO"}
    with django_assert_max_num_queries(99) as small:
        _services(client, **params)
    make(8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        _response, page = _services(client, **params)
    assert len(page["contents"]) == 10
