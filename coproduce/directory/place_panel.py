"""The services offered at a place (or in its rooms), as a section of the place's page.

Registered with common.panels from DirectoryConfig.ready(): places cannot import the
directory, which is built on them."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from coproduce.common.panels import shown_if
from coproduce.places.selectors import with_rooms

from .selectors import listed_services

SHOWN = 10


def _services_here(place):
    return listed_services().filter(locations__place_id__in=with_rooms(place))


@shown_if(_services_here)
def services_panel(place, request: HttpRequest) -> SafeString | str:
    """Services the public may see that are offered here, by name; "" if none. One query."""
    services = list(
        _services_here(place)
        .distinct()
        .only("id", "uuid", "name", "description", "status")
        .order_by("name", "pk")[: SHOWN + 1]
    )
    if not services:
        return ""
    return render_to_string(
        "services/_place_services.html",
        {
            "services": services[:SHOWN],
            "more": len(services) > SHOWN,
            "place": place,
        },
        request=request,
    )
