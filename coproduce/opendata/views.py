"""Open data: the public map's places and counts as files anyone may download and reuse."""

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from coproduce.common.counts import is_suppressed
from coproduce.maps.filters import FilterError, MapFilters

from . import rows, selectors
from .forms import DownloadFilterForm

BUFFER_SIZE = 64 * 1024
# What an export says instead of a count of 1 to 4 people (see docs/adr/0020-small-numbers.md).
FEWER_THAN_5 = "fewer than 5"
_PK_MARK = 987654321  # stands in for a place's id while the URL pattern is worked out once


@require_safe
def index(request):
    """The list of downloads, in plain English. Anyone may see it."""
    context = {"columns": rows.COLUMNS, "form": DownloadFilterForm()}
    return render(request, "opendata/index.html", context)


@require_safe
def places_geojson(request):
    """GET /open-data/places.geojson[?kind=&ward=&step_free=&q=]: RFC 7946 GeoJSON."""
    filters, problem = _filters(request)
    if problem:
        return problem
    url = _place_url(request)
    features = (_feature(place, url) for place in selectors.exported_places(filters))
    return _download(_geojson(features), "application/geo+json", "places.geojson")


@require_safe
def places_csv(request):
    """GET /open-data/places.csv[?kind=&ward=&step_free=&q=]: the importer's own columns."""
    filters, problem = _filters(request)
    if problem:
        return problem
    lines = (rows.format_row(place) for place in selectors.exported_places(filters))
    # A byte order mark, so spreadsheets open the file as UTF-8; the importer expects it.
    return _download(_csv(rows.COLUMNS, lines, bom=True), "text/csv", "places.csv")


@require_safe
def people_by_ward_csv(request):
    """GET /open-data/people-by-ward.csv: how many people chose to be counted, per ward.

    A ward with 1 to 4 people says "fewer than 5" (in English, the same for every download,
    so programs can test for it): a small number could point to a person."""
    counts = (
        (ward, FEWER_THAN_5 if is_suppressed(n) else n)
        for ward, n in selectors.people_counts_by_ward()
    )
    return _download(_csv(("ward", "count"), counts, bom=True), "text/csv", "people-by-ward.csv")


def _filters(request) -> tuple[MapFilters, HttpResponse | None]:
    try:
        return MapFilters.from_query(request.GET), None
    except FilterError as error:
        response = HttpResponse(f"{error}\n", status=400, content_type="text/plain; charset=utf-8")
        return MapFilters(), response


def _place_url(request) -> str:
    path = reverse("places_catalogue:place_detail", args=[_PK_MARK])
    return request.build_absolute_uri(path).replace(str(_PK_MARK), "{}")


def _feature(place: dict[str, Any], url: str) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": place["id"],
        "geometry": {
            "type": "Point",
            # RFC 7946: longitude first; six decimal places is about 10 cm.
            "coordinates": [round(place["longitude"], 6), round(place["latitude"], 6)],
        },
        "properties": {
            "id": place["id"],
            "name": place["name"],
            "kind": place["kind"],
            "description": place["description"],
            "address": place["address"],
            "postcode": place["postcode"],
            "ward": place["ward"],
            "owner": place["owner"],
            "step_free": place["step_free"],
            "facilities": place["facilities"],
            "accessibility": place["accessibility"],
            "opening_hours": place["opening_hours"],
            "building": place["building_id"],
            "url": url.format(place["id"]),
        },
    }


def _geojson(features: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    separator = "\n"
    for feature in features:
        yield separator + json.dumps(feature, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


class _Line:
    """A file-like object that hands back what csv.writer writes, for streaming."""

    def write(self, value: str) -> str:
        return value


def _csv(header: Iterable[str], lines: Iterable[Iterable[Any]], *, bom: bool) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield ("\ufeff" if bom else "") + writer.writerow(header)
    for line in lines:
        yield writer.writerow(line)


def _buffered(parts: Iterable[str]) -> Iterator[bytes]:
    # One write per row would make 20,000 tiny writes to the socket: gather them up.
    buffer: list[str] = []
    size = 0
    for part in parts:
        buffer.append(part)
        size += len(part)
        if size >= BUFFER_SIZE:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()


def _download(parts: Iterable[str], content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        _buffered(parts), content_type=f"{content_type}; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Open data: other sites' maps may fetch it. Nothing in it depends on who is asking.
    response["Access-Control-Allow-Origin"] = "*"
    return response
