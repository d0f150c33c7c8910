"""The map list's totals are kept briefly per set of filters; the rows are always fresh."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from coproduce.places.models import Place
from coproduce.places.tests.factories import WardFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def _place(ward, name):
    return Place.objects.create(ward=ward, name=name, kind="building", latitude=51.5, longitude=0)


def _heading(client, **params) -> str:
    page = client.get(reverse("maps:map"), params).content.decode()
    return page.split('id="results">', 1)[1].split("<", 1)[0]


@pytest.mark.usefixtures("real_cache")
def test_totals_are_kept_per_set_of_filters(client):
    """A second visit within half a minute shows the kept total; another filter counts anew."""
    ward, other = WardFactory(), WardFactory()
    _place(ward, "Hall")
    assert _heading(client) == "1 place"
    _place(other, "Library")
    assert _heading(client) == "1 place"  # kept
    assert _heading(client, ward=other.slug) == "1 place"  # counted for this filter
    cache.clear()
    assert _heading(client) == "2 places"


@pytest.mark.usefixtures("real_cache")
def test_the_rows_are_always_read_fresh(client):
    """A place added after the total was kept is listed at once."""
    ward = WardFactory()
    _place(ward, "Hall")
    client.get(reverse("maps:map"))
    _place(ward, "Allotments")
    assert "Allotments" in client.get(reverse("maps:map")).content.decode()


def test_without_a_cache_every_visit_counts(client):
    """With no shared cache (as in the tests), totals are always exact."""
    ward = WardFactory()
    _place(ward, "Hall")
    assert _heading(client) == "1 place"
    _place(ward, "Library")
    assert _heading(client) == "2 places"
