import pytest

from coproduce.places.selectors import streets_in_ward
from coproduce.places.tests.factories import StreetFactory, WardFactory

pytestmark = pytest.mark.django_db


def test_streets_in_ward_are_only_that_wards():
    """Streets of other wards are left out, and the rest come by name."""
    ward = WardFactory()
    StreetFactory(ward=ward, name="Elm Grove")
    StreetFactory(ward=ward, name="Ash Road")
    StreetFactory(name="Elsewhere Lane")
    assert [s.name for s in streets_in_ward(ward)] == ["Ash Road", "Elm Grove"]
