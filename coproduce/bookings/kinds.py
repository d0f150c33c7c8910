"""The notification kinds bookings send. Registered in BookingsConfig.ready()."""

from django.utils.translation import gettext_lazy as _

from coproduce.notifications.kinds import Frequency, Kind

BOOKING_FOR_MANAGER = Kind(
    slug="booking_for_manager",
    label=_("Bookings of a space you manage"),
    description=_("When someone asks to book, books or cancels a room in a space you manage."),
    default=Frequency.IMMEDIATELY,
)
BOOKING_UPDATE = Kind(
    slug="booking_update",
    label=_("Your bookings"),
    description=_("When your booking is confirmed, declined or cancelled."),
    default=Frequency.IMMEDIATELY,
)
