"""The reference page is the API's own document in words: every operation, every parameter
and every shape, so it cannot drift from the API."""

import pytest
from django.urls import reverse

from coproduce.api.main import api
from coproduce.api.reference import Kind, kind_of, sections, shapes


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        (
            {"type": "integer", "minimum": 1, "maximum": 100},
            Kind("whole number (at least 1, at most 100)"),
        ),
        ({"type": "string", "format": "date-time"}, Kind("date and time")),
        (
            {"anyOf": [{"enum": ["food", "arts"], "type": "string"}, {"type": "null"}]},
            Kind("text or nothing", ("food", "arts")),
        ),
        (
            {"type": "array", "items": {"$ref": "#/components/schemas/ProjectOut"}},
            Kind("list of ProjectOut", shape="ProjectOut"),
        ),
        ({}, Kind("any")),
    ],
)
def test_kinds_in_words(schema, expected):
    assert kind_of(schema) == expected


def test_every_operation_and_shape_of_the_document_is_described():
    document = api.get_openapi_schema()
    operations = [op for section in sections(document) for op in section.operations]
    in_document = {(m.upper(), p) for p, methods in document["paths"].items() for m in methods}
    assert {(op.method, op.path) for op in operations} == in_document
    assert len({op.anchor for op in operations}) == len(operations)
    named = {shape.name for shape in shapes(document)}
    assert named == set(document["components"]["schemas"])
    # Every answer's shape is described, so its link on the page goes somewhere.
    assert {a.shape for op in operations for a in op.answers if a.shape} <= named


@pytest.mark.django_db
def test_the_reference_page_shows_each_list_and_its_filters(client):
    response = client.get(reverse("api_reference"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<code>GET /api/v1/projects/</code>" in page
    assert "<code>page_size</code>" in page
    assert 'href="#shape-ProjectPage"' in page and 'id="shape-ProjectPage"' in page
    assert f'href="{reverse("api:openapi-json")}"' in page


@pytest.mark.django_db
def test_swagger_is_not_served(client):
    assert client.get("/api/v1/docs/").status_code == 404
