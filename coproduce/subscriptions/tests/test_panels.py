import pytest
from django.urls import reverse

from coproduce.gatherings.tests.factories import SeriesFactory
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.places.tests.factories import PlaceFactory, WardFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "make, route, kind",
    [
        (WardFactory, "site:ward_detail", "ward"),
        (PlaceFactory, "places_catalogue:place_detail", "place"),
        (OrganisationFactory, "groups:detail", "group"),
        (SeriesFactory, "gatherings:series", "series"),
    ],
)
def test_pages_offer_updates_for_their_bucket(client, make, route, kind):
    """Ward, place, group and series pages link to subscribe and to the bucket's feeds."""
    thing = make()
    arg = thing.pk if kind == "place" else thing.slug
    page = client.get(reverse(route, args=[arg])).text
    topic = f"{kind}:{thing.pk}"
    assert f"/subscribe/?topic={kind}%3A{thing.pk}" in page
    assert reverse("subscriptions:atom", args=[topic]) in page
    assert reverse("subscriptions:ical", args=[topic]) in page
