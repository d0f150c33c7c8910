import json

import pytest
from openapi_spec_validator import validate

from coproduce.places.tests.factories import PlaceFactory, WardFactory
from coproduce.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_document_is_openapi_3_1_and_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"] == "3.1.0"
    validate(json.loads(json.dumps(document)))


def test_the_page_for_people_links_to_the_document(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    assert b"/api/v1/openapi.json" in response.content


def test_projects_are_paged_with_links(client):
    ProjectFactory.create_batch(3)
    body = client.get("/api/v1/projects/?page_size=2").json()
    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"].endswith("page=2") or "page=2" in body["next"]
    assert body["previous"] is None


def test_hidden_projects_are_not_shown(client):
    hidden = ProjectFactory(is_hidden=True)
    assert client.get("/api/v1/projects/").json()["count"] == 0
    assert client.get(f"/api/v1/projects/{hidden.pk}/").status_code == 404


def test_a_bad_filter_is_a_400_with_a_body(client):
    response = client.get("/api/v1/projects/?ward=nowhere")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "ward"
    response = client.get("/api/v1/projects/?page=0")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_someones_own_place_has_no_address_or_position(client):
    from coproduce.accounts.tests.factories import UserFactory

    ward = WardFactory()
    own = PlaceFactory(ward=ward, owner="private", added_by=UserFactory(), address="1 My Road")
    body = client.get(f"/api/v1/places/{own.pk}/").json()
    assert body["address"] == ""
    assert body["location"] is None


def test_the_document_names_the_token_on_every_write_and_no_read(client):
    """Writes need the OfficerToken bearer scheme; reads need nothing."""
    document = client.get("/api/v1/openapi.json").json()
    assert document["components"]["securitySchemes"]["OfficerToken"]["scheme"] == "bearer"
    for methods in document["paths"].values():
        for method, operation in methods.items():
            needs = [{"OfficerToken": []}] if method != "get" else None
            assert operation.get("security") == needs, (method, operation["summary"])
