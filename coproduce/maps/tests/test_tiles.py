"""The map's clusters are kept per zoom and tile, shared by every viewer, and forgotten when
what the map shows changes."""

import json
import time

import pytest
from django.core.cache import cache
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.maps import tiles
from coproduce.places.models import Place
from coproduce.places.tests.factories import WardFactory

pytestmark = pytest.mark.django_db

BOX = "-0.2,51.4,0.0,51.6"


@pytest.fixture
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def _place(name, lat=51.5, lon=-0.1, **extra):
    return Place.objects.create(
        ward=extra.pop("ward", None) or WardFactory(),
        name=name,
        kind="building",
        latitude=lat,
        longitude=lon,
        **extra,
    )


def _features(client, zoom=13, **params):
    params = {"bbox": BOX, "zoom": zoom, "layers": "places", **params}
    return json.loads(client.get(reverse("maps:features"), params).content)


def _names(data) -> set[str]:
    return {f["properties"].get("name") for f in data["features"]}


@pytest.mark.usefixtures("real_cache")
def test_a_second_view_of_the_same_tiles_reads_no_points(client, django_assert_num_queries):
    """Once a view's tiles are kept, the same view asks the database nothing."""
    _place("Hall")
    first = _features(client)
    with django_assert_num_queries(0):
        again = _features(client)
    assert again == first
    assert _names(again) == {"Hall"}


@pytest.mark.usefixtures("real_cache")
def test_kept_tiles_are_shared_by_visitors_and_members(client, django_assert_num_queries):
    """The point layers show only what anyone may see, so one answer serves everyone."""
    _place("Hall")
    visitor = _features(client)
    client.force_login(UserFactory())
    client.get(reverse("maps:map"))  # the session and user are read here, not below
    with django_assert_num_queries(3):  # the session, its user and their permissions; no points
        member = _features(client)
    assert member == visitor


@pytest.mark.usefixtures("real_cache")
def test_a_new_or_changed_place_is_shown_at_once(client):
    """Saving a place forgets the kept tiles: the next view reads afresh."""
    hall = _place("Hall")
    assert _names(_features(client)) == {"Hall"}
    hall.name = "Town Hall"
    hall.save()
    assert _names(_features(client)) == {"Town Hall"}
    _place("Library", lat=51.45, lon=-0.05)
    assert _names(_features(client)) == {"Town Hall", "Library"}
    hall.delete()
    assert _names(_features(client)) == {"Library"}


@pytest.mark.usefixtures("real_cache")
def test_a_change_that_skips_save_shows_once_the_tiles_expire(client, monkeypatch):
    """A bulk update sends no signal; the kept tiles last TILE_SECONDS at most."""
    hall = _place("Hall")
    _features(client)
    Place.objects.filter(pk=hall.pk).update(name="Town Hall")
    assert _names(_features(client)) == {"Hall"}  # kept
    later = time.time() + tiles.TILE_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert _names(_features(client)) == {"Town Hall"}


@pytest.mark.usefixtures("real_cache")
def test_tiles_are_kept_per_set_of_filters(client):
    """A filter reads its own tiles: a step-free view never shows a kept place without."""
    _place("Hall", step_free=False)
    _place("Ramp House", lat=51.45, lon=-0.05, step_free=True)
    assert _names(_features(client)) == {"Hall", "Ramp House"}
    assert _names(_features(client, step_free="1")) == {"Ramp House"}


@pytest.mark.usefixtures("real_cache")
def test_open_now_and_close_views_are_not_kept(client):
    """'Open now' changes with the clock, and close views list points: both read afresh."""
    _place("Hall")
    _features(client, open_now="1")
    _features(client, zoom=18)
    assert not [key for key in cache._cache if ":maps:tile:" in key]


@pytest.mark.usefixtures("real_cache")
def test_a_cluster_on_the_edge_counts_all_its_points(client):
    """A kept cell is whole: a view that cuts a cluster still counts all of it."""
    ward = WardFactory()
    _place("Hall", lat=51.5, lon=-0.1, ward=ward)
    _place("Annexe", lat=51.5, lon=-0.0999, ward=ward)
    # The box's east edge falls between the two places, a few metres apart.
    data = _features(client, zoom=12, bbox="-0.2,51.4,-0.09995,51.6")
    assert data["meta"]["totals"]["places"] == 2
