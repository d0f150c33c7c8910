import pytest

from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.selectors import streets_in_ward, wards_with_counts
from coproduce.places.tests.factories import StreetFactory, WardFactory

pytestmark = pytest.mark.django_db


def test_counts_streets_and_residents_per_ward():
    """Each ward carries its own number of streets and of active residents with a profile."""
    busy = WardFactory(name="Busy")
    WardFactory(name="Empty")
    streets = StreetFactory.create_batch(3, ward=busy)
    ProfileFactory.create_batch(2, street=streets[0])
    ProfileFactory(street=streets[1], user__is_active=False)
    counts = {w.name: (w.street_count, w.resident_count) for w in wards_with_counts()}
    assert counts == {"Busy": (3, 2), "Empty": (0, 0)}


def test_wards_with_counts_is_one_query(django_assert_num_queries):
    """Counts come from subqueries, not one query per ward."""
    for ward in WardFactory.create_batch(5):
        StreetFactory(ward=ward)
    with django_assert_num_queries(1):
        list(wards_with_counts())


def test_streets_in_ward_are_only_that_wards():
    """Streets of other wards are left out, and the rest come by name."""
    ward = WardFactory()
    StreetFactory(ward=ward, name="Elm Grove")
    StreetFactory(ward=ward, name="Ash Road")
    StreetFactory(name="Elsewhere Lane")
    assert [s.name for s in streets_in_ward(ward)] == ["Ash Road", "Elm Grove"]
