"""The rooms people can book at a place, as a section of the place's page.

Registered with common.panels from BookingsConfig.ready(): places cannot import bookings,
which is built on them."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from coproduce.common.panels import shown_if
from coproduce.places.selectors import with_rooms

from .models import BookableRoom


def _rooms_here(place):
    return BookableRoom.objects.filter(
        place_id__in=with_rooms(place),
        space__is_open_for_booking=True,
        space__place__is_listed=True,
    )


@shown_if(_rooms_here)
def rooms_panel(place, request: HttpRequest) -> SafeString | str:
    """Each bookable room of this building (or this room), with how many it holds and a link
    to book; "" if none. One query."""
    rooms = list(_rooms_here(place).select_related("place", "space").order_by("place__name", "pk"))
    if not rooms:
        return ""
    return render_to_string(
        "bookings/_place_rooms.html", {"rooms": rooms, "place": place}, request=request
    )
