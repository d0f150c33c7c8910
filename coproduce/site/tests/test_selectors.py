import pytest

from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import StreetFactory, WardFactory
from coproduce.site.selectors import wards_with_counts

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
