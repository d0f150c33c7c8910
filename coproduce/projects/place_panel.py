"""The projects and ideas at a place or near it, as a section of the place's page.

Registered with common.panels from ProjectsConfig.ready(): places cannot import projects,
which is built on them."""

from django.db.models import BooleanField, Case, Q, Value, When
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from coproduce.places.selectors import near_box, with_rooms

from .models import Project
from .selectors import shown_projects

SHOWN = 6


def projects_panel(place, request: HttpRequest) -> SafeString | str:
    """Projects here first, then those at places within NEAR_METRES, newest first; none
    archived or hidden. Projects of a whole ward sit at its centre, so are not "near". One
    query, on the map's index."""
    here = with_rooms(place)
    projects = list(
        shown_projects()
        .exclude(status=Project.Status.ARCHIVED)
        .filter(Q(place_id__in=here) | Q(place__isnull=False, **near_box(place)))
        .annotate(
            is_here=Case(
                When(place_id__in=here, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .only("id", "title", "summary", "status", "place_id")
        .order_by("-is_here", "-created_at", "-pk")[: SHOWN + 1]
    )
    if not projects:
        return ""
    return render_to_string(
        "projects/_place_projects.html",
        {"projects": projects[:SHOWN], "more": len(projects) > SHOWN, "place": place},
        request=request,
    )
