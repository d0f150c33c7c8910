from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from coproduce.common.pagination import KnownCountPaginator
from coproduce.common.visitor_pages import kept_for_visitors

from . import selectors
from .clustering import BBox, ViewportError, parse_zoom
from .filters import FilterError, MapFilterForm, MapFilters
from .list_counts import list_counts

LIST_PAGE_SIZE = 20


def _first(queryset, count: int) -> dict:
    return {"rows": list(queryset[:LIST_PAGE_SIZE]), "count": count}


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
@kept_for_visitors
def map_page(request):
    """The map with its list: the list is the same results as text, and needs no JavaScript."""
    form = MapFilterForm.from_request(request)
    # A filter that makes no sense is a 400 showing everything, with the error beside it,
    # as the API refuses it.
    valid = form.is_valid()
    filters = MapFilters.from_form(form) if valid else MapFilters()
    places = filters.places().select_related("ward").order_by("name", "pk")
    if not filters.shows("places"):
        places = places.none()
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
    lists = {"places": places}
    for name, queryset in (("projects", projects), ("groups", groups), ("services", services)):
        if filters.shows(name):
            lists[name] = queryset
    counts = list_counts(filters, lists)
    paginator = KnownCountPaginator(places, LIST_PAGE_SIZE, count=counts["places"])
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "people": people,
        "tile_url": settings.MAP_TILE_URL,
        "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "centre": settings.MAP_CENTRE,
        "place_urls": {p.pk: selectors.place_url(p.pk) for p in page.object_list},
        **{
            name: _first(lists[name], counts[name]) if name in lists else None
            for name in ("projects", "groups", "services")
        },
    }
    return render(request, "maps/map.html", context, status=200 if valid else 400)
