from datetime import UTC, date, datetime, time, timedelta

import factory

from coproduce.accounts.tests.factories import UserFactory
from coproduce.bookings.models import AvailabilityWindow, BookableRoom, BookableSpace, Booking
from coproduce.places.models import Place
from coproduce.places.tests.factories import PlaceFactory

EVERY_DAY = [0, 1, 2, 3, 4, 5, 6]


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BookableSpace

    place = factory.SubFactory(PlaceFactory, kind=Place.Kind.BUILDING)
    manager = factory.SubFactory(UserFactory)
    rules = "Leave the hall as you found it."
    auto_approve = False


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BookableRoom

    space = factory.SubFactory(SpaceFactory)
    place = factory.LazyAttribute(
        lambda o: PlaceFactory(
            kind=Place.Kind.ROOM, building=o.space.place, ward=o.space.place.ward
        )
    )
    capacity = 40


class WindowFactory(factory.django.DjangoModelFactory):
    """Open every day from 08:00 to 22:00, from 2020, for every room of the space."""

    class Meta:
        model = AvailabilityWindow

    space = factory.SubFactory(SpaceFactory)
    room = None
    weekdays = factory.LazyFunction(lambda: list(EVERY_DAY))
    opens = time(8)
    closes = time(22)
    valid_from = date(2020, 1, 1)
    valid_to = None


def future(days: int = 10, hour: int = 10, hours: int = 2) -> tuple[datetime, datetime]:
    """A slot in UTC some days ahead, at a whole hour that every test window covers."""
    day = (datetime.now(UTC) + timedelta(days=days)).date()
    start = datetime.combine(day, time(hour), tzinfo=UTC)
    return start, start + timedelta(hours=hours)


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    room = factory.SubFactory(RoomFactory)
    starts_at = factory.LazyFunction(lambda: future()[0])
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    purpose = "Residents' association meeting"
    requested_by = factory.SubFactory(UserFactory)
    status = Booking.Status.REQUESTED


def open_room(**space_kwargs) -> BookableRoom:
    """A room in a space open every day 08:00 to 22:00."""
    room = RoomFactory(space=SpaceFactory(**space_kwargs))
    WindowFactory(space=room.space)
    return room


OFFICER_PERMISSIONS = ["manage_any_space", "see_utilisation"]


def officer():
    """An officer with the bookings permissions (which roles.py gives officers)."""
    from django.contrib.auth.models import Permission

    from coproduce.accounts.roles import Role

    user = UserFactory(roles=[Role.OFFICER])
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="bookings", codename__in=OFFICER_PERMISSIONS
        )
    )
    return user
