import pytest

from coproduce.common import opening_hours
from coproduce.common.webmercator import to_unit
from coproduce.places import services
from coproduce.places.models import Place

from .factories import PlaceFactory, WardFactory

pytestmark = pytest.mark.django_db

WEEKDAY_MORNINGS = [{"day": d, "opens": "09:00", "closes": "12:00"} for d in range(5)]


def test_place_create_stores_the_week_mask_and_map_position():
    """A place added through the service has its "open now" mask and map position."""
    place = services.place_create(
        kind=Place.Kind.BUILDING,
        name="Hall",
        ward=WardFactory(),
        latitude=51.5,
        longitude=-0.1,
        opening_hours=WEEKDAY_MORNINGS,
    )
    place.refresh_from_db()
    assert place.opening_hours == WEEKDAY_MORNINGS
    assert place.open_week == opening_hours.week_mask(WEEKDAY_MORNINGS)
    assert (place.map_x, place.map_y) == pytest.approx(to_unit(51.5, -0.1))


def test_place_create_refuses_hours_it_cannot_use():
    """Opening hours that are not a day and two times are refused, and nothing is saved."""
    with pytest.raises(opening_hours.HoursError, match="day must be 0"):
        services.place_create(
            kind=Place.Kind.BUILDING,
            name="Hall",
            ward=WardFactory(),
            latitude=51.5,
            longitude=-0.1,
            opening_hours=[{"day": 7, "opens": "09:00", "closes": "12:00"}],
        )
    assert not Place.objects.exists()


def test_places_create_checks_and_fills_in_every_place(django_assert_max_num_queries):
    """Many places go in together, each with its mask, as place_create would store it."""
    ward = WardFactory()
    new = [
        Place(kind=Place.Kind.BUILDING, name=f"Hall {n}", ward=ward, latitude=51.5, longitude=0)
        for n in range(50)
    ]
    new[0].opening_hours = WEEKDAY_MORNINGS
    # A savepoint and bulk inserts (SQLite takes a few hundred values at a time), not 50.
    with django_assert_max_num_queries(5):
        services.places_create(places=new)
    assert Place.objects.count() == 50
    stored = Place.objects.get(name="Hall 0")
    assert stored.open_week == opening_hours.week_mask(WEEKDAY_MORNINGS)
    assert Place.objects.get(name="Hall 1").open_week == ""


def test_places_update_writes_only_what_changed():
    """Places whose fields are as stored are left alone; changed hours change the mask."""
    same, changed = PlaceFactory(name="Same"), PlaceFactory(name="Changed")
    same_copy = Place.objects.get(pk=same.pk)
    changed_copy = Place.objects.get(pk=changed.pk)
    changed_copy.opening_hours = WEEKDAY_MORNINGS
    written = services.places_update(
        places=[same_copy, changed_copy], fields=["name", "opening_hours"]
    )
    assert written == [changed_copy]
    changed.refresh_from_db()
    assert changed.open_week == opening_hours.week_mask(WEEKDAY_MORNINGS)
