from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "coproduce.bookings"
    label = "bookings"
    verbose_name = _("Bookable spaces")

    def ready(self) -> None:
        from coproduce.common import panels
        from coproduce.notifications import kinds as notification_kinds

        from . import kinds
        from .place_panel import rooms_panel

        notification_kinds.register(kinds.BOOKING_FOR_MANAGER)
        notification_kinds.register(kinds.BOOKING_UPDATE)
        panels.register("place", rooms_panel)
