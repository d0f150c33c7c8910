import itertools

import pytest

from coproduce.accounts.roles import Role
from coproduce.bookings.models import AvailabilityWindow, BookableRoom, BookableSpace, Booking
from coproduce.demo import services as demo_services
from coproduce.demo.parts import bookings as demo
from coproduce.demo.parts.accounts import email_for
from coproduce.demo.tests.factories import TINY
from coproduce.places.models import Place

pytestmark = pytest.mark.django_db


def _borough(seed: int = 1):
    """The demo borough with a few council buildings, before this part."""
    ctx = demo_services.demo_context(size=TINY, seed=seed, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"bookings"}))
    # A tiny borough may have no council buildings: make sure some are.
    Place.objects.filter(kind=Place.Kind.BUILDING).update(owner=Place.Owner.COUNCIL)
    return ctx


def test_demo_offers_council_buildings_with_rooms_windows_and_bookings():
    """Council buildings become spaces with rooms, windows and bookings that never overlap."""
    ctx = _borough()
    demo.build(ctx)
    assert BookableSpace.objects.exists()
    assert not BookableSpace.objects.exclude(place__owner="council").exists()
    for space in BookableSpace.objects.all():
        assert space.rooms.exists()
        assert space.windows.exists()
    confirmed = list(Booking.objects.filter(status="confirmed").order_by("room", "starts_at"))
    for before, after in itertools.pairwise(confirmed):
        assert before.room_id != after.room_id or before.ends_at <= after.starts_at
    assert Booking.objects.filter(requested_by__email=email_for(Role.RESIDENT)).exists()
    assert Booking.objects.filter(status="requested").exists()


def test_demo_clear_removes_everything_it_made():
    """Clearing leaves no spaces, rooms, windows or bookings behind."""
    ctx = _borough()
    demo.build(ctx)
    demo.clear()
    for model in (BookableSpace, BookableRoom, AvailabilityWindow, Booking):
        assert not model.objects.exists()
