from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from coproduce.places.models import Place, Ward
from coproduce.skills.selectors import current_skills

from . import selectors
from .clustering import BBox, ViewportError, parse_zoom
from .filters import LAYERS, FilterError, MapFilters

LIST_PAGE_SIZE = 20
LAYER_LABELS = {
    "places": _("Places"),
    "projects": _("Projects and ideas"),
    "groups": _("Groups"),
    "services": _("Services"),
    "people": _("People, counted by ward"),
}


def _first(queryset) -> dict:
    return {"rows": list(queryset[:LIST_PAGE_SIZE]), "count": queryset.count()}


@require_GET
def features(request):
    """GeoJSON for the map: GET /api/map/features?bbox=w,s,e,n&zoom=z[&layers=&kind=&ward=&q=]"""
    try:
        bbox = BBox.parse(request.GET.get("bbox"))
        zoom = parse_zoom(request.GET.get("zoom"))
        filters = MapFilters.from_query(request.GET)
    except (ViewportError, FilterError) as problem:
        return JsonResponse({"error": str(problem)}, status=400)
    collection = selectors.map_features(
        filters=filters, bbox=bbox, zoom=zoom, signed_in=request.user.is_authenticated
    )
    # Compact separators: a tenth smaller on a full map.
    return JsonResponse(
        collection,
        content_type="application/geo+json",
        json_dumps_params={"separators": (",", ":")},
    )


@require_GET
def map_page(request):
    """The map with its list: the list is the same results as text, and needs no JavaScript."""
    try:
        filters = MapFilters.from_query(request.GET)
        problem = None
    except FilterError as error:
        filters, problem = MapFilters(), str(error)
    places = filters.places().select_related("ward").order_by("name", "pk")
    if not filters.shows("places"):
        places = places.none()
    page = Paginator(places, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    people = (
        selectors.people_by_ward(filters, signed_in=request.user.is_authenticated)
        if filters.shows("people")
        else []
    )
    # Groups and services are listed in full on their own pages; here the first few, and
    # how many, with a link to the rest.
    projects = filters.projects().select_related("ward").order_by("-created_at", "-pk")
    groups = filters.groups().select_related("base").order_by("name", "pk")
    services = filters.service_locations().select_related("service", "place")
    services = services.order_by("service__name", "pk")
    context = {
        "filters": filters,
        "problem": problem,
        "page": page,
        "people": people,
        "kinds": [(k, label) for k, label in Place.Kind.choices if k != Place.Kind.ROOM],
        "wards": Ward.objects.order_by("name").only("name", "slug"),
        "skills": current_skills().only("name", "slug"),
        "layers": LAYERS,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "centre": settings.MAP_CENTRE,
        "place_urls": {p.pk: selectors.place_url(p.pk) for p in page.object_list},
        "projects": _first(projects) if filters.shows("projects") else None,
        "groups": _first(groups) if filters.shows("groups") else None,
        "services": _first(services) if filters.shows("services") else None,
        "layer_labels": LAYER_LABELS,
    }
    return render(request, "maps/map.html", context, status=400 if problem else 200)
