"""The events coming up at a place (or in its rooms), as a section of the place's page.

Registered with common.panels from GatheringsConfig.ready(): places cannot import gatherings,
which is built on them."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from coproduce.common.panels import shown_if
from coproduce.places.selectors import with_rooms

from .models import Event
from .unlisted import exclude_unlisted

SHOWN = 5


def _events_ahead_here(place):
    return exclude_unlisted(Event.objects).filter(
        place_id__in=with_rooms(place),
        status=Event.Status.SCHEDULED,
        ends_at__gt=timezone.now(),
    )


@shown_if(_events_ahead_here)
def events_panel(place, request: HttpRequest) -> SafeString | str:
    """The next few events going ahead here, soonest first; "" if none. One query."""
    events = list(
        _events_ahead_here(place).select_related("place").order_by("starts_at", "pk")[: SHOWN + 1]
    )
    if not events:
        return ""
    return render_to_string(
        "gatherings/_place_events.html",
        {"events": events[:SHOWN], "more": len(events) > SHOWN, "place": place},
        request=request,
    )
