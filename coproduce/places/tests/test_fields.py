"""The ward questions list wards by name without reading their boundaries."""

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduce.places.fields import ward_field, ward_filter_field
from coproduce.places.tests.factories import WardFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "field", [lambda: ward_field("Ward", empty_label="None"), lambda: ward_filter_field()]
)
def test_the_wards_are_listed_by_name_without_their_boundaries(field):
    """A boundary can be a large polygon; a list of names has no use for it. (A pin outside
    the chosen ward is still refused: test_place_pages.)"""
    WardFactory(name="Riverside", slug="riverside")
    WardFactory(name="Hazel", slug="hazel")

    class Form(forms.Form):
        ward = field()

    with CaptureQueriesContext(connection) as queries:
        html = str(Form()["ward"])
    assert html.index("Hazel") < html.index("Riverside")
    assert queries.captured_queries
    assert all("boundary" not in query["sql"] for query in queries.captured_queries)
