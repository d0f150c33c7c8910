"""The groups that meet at a place (or in its rooms), as a section of the place's page.

Registered with common.panels from GroupsConfig.ready(): places cannot import groups, which
is built on them."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from coproduce.common.panels import shown_if
from coproduce.places.selectors import with_rooms

from .models import Organisation

SHOWN = 10


def _groups_here(place):
    return Organisation.objects.filter(base_id__in=with_rooms(place), is_listed=True)


@shown_if(_groups_here)
def groups_panel(place, request: HttpRequest) -> SafeString | str:
    """Listed groups that meet here, by name; "" if none. One query."""
    groups = list(
        _groups_here(place)
        .only("id", "name", "slug", "kind", "description")
        .order_by("name", "pk")[: SHOWN + 1]
    )
    if not groups:
        return ""
    return render_to_string(
        "groups/_place_groups.html",
        {"groups": groups[:SHOWN], "more": len(groups) > SHOWN, "place": place},
        request=request,
    )
