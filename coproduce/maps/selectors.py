"""Reads for the map: features in a viewport, clustered in the database."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Avg, Count, F, FloatField, Func, Min, QuerySet, Value
from django.urls import NoReverseMatch, reverse

from coproduce.accounts.models import User
from coproduce.common.counts import is_suppressed, public_count
from coproduce.common.webmercator import from_unit
from coproduce.directory.models import ServiceAtLocation
from coproduce.groups.models import Organisation
from coproduce.people.models import Profile, Visibility
from coproduce.places.models import Place, Ward
from coproduce.projects.models import Project
from coproduce.skills.models import PersonSkill

from .clustering import (
    CLUSTER_PIXELS,
    MAX_CELLS,
    BBox,
    LayerCell,
    cells_from_points,
    grid_size,
    merge_cells,
)
from .filters import MapFilters


class GridCell(Func):
    """The grid cell number of a map coordinate: floor(value / size).

    SQLite's FLOOR runs as a Python function per row, so there it is a CAST, which truncates
    and so equals floor for the map's coordinates (never negative). PostgreSQL's CAST rounds,
    so it keeps FLOOR, which is native there."""

    output_field = FloatField()

    def __init__(self, expression, size: float):
        super().__init__(expression, Value(size))

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="CAST(%(expressions)s AS INTEGER)", arg_joiner=" / "
        )

    def as_sql(self, compiler, connection, **extra):
        extra.setdefault("template", "FLOOR(%(expressions)s)")
        extra.setdefault("arg_joiner", " / ")
        return super().as_sql(compiler, connection, **extra)


def _point(longitude: float, latitude: float) -> dict[str, Any]:
    # Five decimal places is about a metre: plenty for a map, and a smaller answer.
    return {"type": "Point", "coordinates": [round(longitude, 5), round(latitude, 5)]}


def place_url(pk: int) -> str | None:
    try:
        return reverse("places_catalogue:place_detail", args=[pk])
    except NoReverseMatch:
        return None


DETAIL_ZOOM = 17  # from here in, points in view are read one by one (if few)
DETAIL_LIMIT = 500
MAX_LISTED = 10  # a cluster this small lists what it holds


@dataclass(frozen=True)
class PointLayer:
    """How to cluster one layer: its rows, where their position is, and what one row shows."""

    name: str
    rows: Callable[[MapFilters], QuerySet]
    position: str  # path to the Place whose map_x and map_y place the row ("" for a place)
    single: Callable[[set[int]], dict[int, dict[str, Any]]]  # what one point shows


def _place_singles(ids: set[int]) -> dict[int, dict[str, Any]]:
    return {
        p["id"]: {
            "id": f"place-{p['id']}",
            "lonlat": (p["longitude"], p["latitude"]),
            "properties": {
                "name": p["name"],
                "kind": p["kind"],
                "step_free": p["step_free"],
                "url": place_url(p["id"]),
            },
        }
        for p in Place.objects.filter(id__in=ids).values(
            "id", "name", "kind", "step_free", "latitude", "longitude"
        )
    }


def _group_singles(ids: set[int]) -> dict[int, dict[str, Any]]:
    return {
        g["id"]: {
            "id": f"group-{g['id']}",
            "lonlat": (g["base__longitude"], g["base__latitude"]),
            "properties": {
                "name": g["name"],
                "kind": g["kind"],
                "url": reverse("groups:detail", args=[g["slug"]]),
            },
        }
        for g in Organisation.objects.filter(id__in=ids).values(
            "id", "name", "kind", "slug", "base__latitude", "base__longitude"
        )
    }


def _service_singles(ids: set[int]) -> dict[int, dict[str, Any]]:
    return {
        s["id"]: {
            "id": f"service-{s['id']}",
            "lonlat": (s["place__longitude"], s["place__latitude"]),
            "properties": {
                "name": s["service__name"],
                "organisation": s["service__organisation__name"],
                "url": reverse("services:detail", args=[s["service__uuid"]]),
            },
        }
        for s in ServiceAtLocation.objects.filter(id__in=ids).values(
            "id",
            "service__name",
            "service__uuid",
            "service__organisation__name",
            "place__latitude",
            "place__longitude",
        )
    }


def _project_singles(ids: set[int]) -> dict[int, dict[str, Any]]:
    return {
        p["id"]: {
            "id": f"project-{p['id']}",
            "lonlat": (p["longitude"], p["latitude"]),
            "properties": {
                "name": p["title"],
                "status": p["status"],
                "url": reverse("projects:detail", args=[p["id"]]),
            },
        }
        for p in Project.objects.filter(id__in=ids).values(
            "id", "title", "status", "latitude", "longitude"
        )
    }


POINT_LAYERS = {
    layer.name: layer
    for layer in [
        PointLayer("places", MapFilters.places, "", _place_singles),
        PointLayer("projects", MapFilters.projects, "", _project_singles),
        PointLayer("groups", MapFilters.groups, "base__", _group_singles),
        PointLayer("services", MapFilters.service_locations, "place__", _service_singles),
    ]
}


def _layer_cells(
    layer: PointLayer, filters: MapFilters, bbox: BBox, size: float, zoom: int
) -> list[LayerCell]:
    """One layer's points in view, grouped into grid cells.

    Zoomed right in, a view holds few points: they are read as they are, so that a cluster
    that will not split (a hall where several groups meet) can list what it holds. Otherwise,
    or if a close view is still crowded, the database groups them."""
    min_x, min_y, max_x, max_y = bbox.unit_bounds()
    x, y = f"{layer.position}map_x", f"{layer.position}map_y"
    in_view = layer.rows(filters).filter(
        **{f"{x}__gte": min_x, f"{x}__lte": max_x, f"{y}__gte": min_y, f"{y}__lte": max_y}
    )
    if zoom >= DETAIL_ZOOM:
        points = list(in_view.order_by().values_list("id", x, y)[: DETAIL_LIMIT + 1])
        if len(points) <= DETAIL_LIMIT:
            return cells_from_points(layer.name, points, size)
    rows = (
        in_view.order_by()
        .annotate(cx=GridCell(F(x), size), cy=GridCell(F(y), size))
        .values("cx", "cy")
        .annotate(n=Count("id"), mx=Avg(x), my=Avg(y), first=Min("id"))
    )
    return [
        LayerCell(
            layer=layer.name,
            key=(int(row["cx"]), int(row["cy"])),
            count=row["n"],
            mean_x=row["mx"],
            mean_y=row["my"],
            members=[row["first"]] if row["n"] == 1 else None,
        )
        for row in rows
    ]


def _point_features(filters: MapFilters, bbox: BBox, size: float, zoom: int):
    """Features for the point layers, one per grid cell across all of them, and totals."""
    layers = [layer for name, layer in POINT_LAYERS.items() if filters.shows(name)]
    layer_cells = [
        cell for layer in layers for cell in _layer_cells(layer, filters, bbox, size, zoom)
    ]
    totals = {layer.name: 0 for layer in layers}
    for cell in layer_cells:
        totals[cell.layer] += cell.count
    cells = merge_cells(layer_cells)
    wanted: dict[str, set[int]] = {layer.name: set() for layer in layers}
    for cell in cells:
        if cell.members is not None and cell.count <= MAX_LISTED:
            for name, pk in cell.members:
                wanted[name].add(pk)
    details = {
        (name, pk): single
        for name, ids in wanted.items()
        if ids
        for pk, single in POINT_LAYERS[name].single(ids).items()
    }
    features = []
    for cell in cells:
        if cell.count == 1:
            name, pk = cell.members[0]
            single = details[(name, pk)]
            features.append(
                {
                    "type": "Feature",
                    "id": single["id"],
                    "geometry": _point(*single["lonlat"]),
                    "properties": {"layer": name, **single["properties"]},
                }
            )
            continue
        # The mean in map units, not degrees: it comes from the index alone.
        latitude, longitude = from_unit(cell.mean_x, cell.mean_y)
        properties = {
            "layer": next(iter(cell.counts)) if len(cell.counts) == 1 else "mixed",
            "cluster": True,
            "count": cell.count,
            "counts": cell.counts,
        }
        if cell.members is not None and cell.count <= MAX_LISTED:
            properties["items"] = [
                {
                    "layer": name,
                    "name": details[(name, pk)]["properties"]["name"],
                    "url": details[(name, pk)]["properties"]["url"],
                }
                for name, pk in cell.members
            ]
        features.append(
            {"type": "Feature", "geometry": _point(longitude, latitude), "properties": properties}
        )
    return features, totals


PEOPLE_COUNTS_SECONDS = 30


def _people_counts(skill, *, signed_in: bool) -> dict[int, int]:
    """People counted on the map, per ward id. The same for every viewer of one kind
    (signed in or not), so it is kept for half a minute rather than counted on every pan."""
    key = f"maps:people-by-ward:{skill.pk if skill else '-'}:{int(signed_in)}"
    counts = cache.get(key)
    if counts is not None:
        return counts
    # Excluding the few inactive accounts is far cheaper than joining every active one.
    people = Profile.objects.filter(show_on_map=True, ward__isnull=False).exclude(
        user__in=User.objects.filter(is_active=False).values("pk")
    )
    if skill is not None:
        levels = [Visibility.PUBLIC, Visibility.MEMBERS] if signed_in else [Visibility.PUBLIC]
        people = people.filter(
            visibility_skills__in=levels,
            skills__skill=skill,
            skills__status=PersonSkill.Status.CONFIRMED,
        )
    # COUNT(*), not COUNT(id): the count then reads only the (ward, show_on_map, user) index.
    counts = dict(people.values("ward").annotate(n=Count("*")).values_list("ward", "n"))
    cache.set(key, counts, PEOPLE_COUNTS_SECONDS)
    return counts


def people_by_ward(filters: MapFilters, *, signed_in: bool = False) -> list[dict[str, Any]]:
    """How many people chose to be counted on the map, per ward. Never anyone's home.

    With a skill filter, only people who confirmed the skill and let this viewer see their
    skills are counted: public skills for visitors, members' skills too once signed in.
    Counts may be up to half a minute old."""
    counts = _people_counts(filters.skill, signed_in=signed_in)
    wards = Ward.objects.all() if filters.ward is None else Ward.objects.filter(pk=filters.ward.pk)
    wards = wards.only("id", "name", "slug", "centre_latitude", "centre_longitude")
    return [
        {"ward": ward, "count": counts[ward.pk]}
        for ward in wards.order_by("name")
        if counts.get(ward.pk)
    ]


def _people_features(filters: MapFilters, bbox: BBox, *, signed_in: bool) -> tuple[list[dict], int]:
    features, total = [], 0
    for row in people_by_ward(filters, signed_in=signed_in):
        ward = row["ward"]
        if ward.centre_latitude is None or ward.centre_longitude is None:
            continue
        if not (
            bbox.west <= ward.centre_longitude <= bbox.east
            and bbox.south <= ward.centre_latitude <= bbox.north
        ):
            continue
        # 1 to 4 people could point to someone: the count is null, flagged, and left out
        # of the total too, or the total less the other wards would give it away.
        hidden = is_suppressed(row["count"])
        total += 0 if hidden else row["count"]
        features.append(
            {
                "type": "Feature",
                "id": f"people-{ward.slug}",
                "geometry": _point(ward.centre_longitude, ward.centre_latitude),
                "properties": {
                    "layer": "people",
                    "ward": ward.name,
                    "count": None if hidden else row["count"],
                    "fewer_than_5": hidden,
                    "count_text": public_count(row["count"]),
                    "url": reverse("site:ward_detail", args=[ward.slug]),
                },
            }
        )
    return features, total


def map_features(
    *, filters: MapFilters, bbox: BBox, zoom: int, signed_in: bool = False
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (RFC 7946) for this viewport, with a `meta` member."""
    size = grid_size(bbox, zoom)
    features, totals = _point_features(filters, bbox, size, zoom)
    if filters.shows("people"):
        people_features, totals["people"] = _people_features(filters, bbox, signed_in=signed_in)
        features += people_features
    return {
        "type": "FeatureCollection",
        "features": features,
        "meta": {
            "bbox": [bbox.west, bbox.south, bbox.east, bbox.north],
            "zoom": zoom,
            "layers": list(filters.layers),
            "totals": totals,
            "returned": len(features),
            "clustered": any(f["properties"].get("cluster") for f in features),
            # The limit: one feature per grid cell of 64 pixels, and at most this many cells
            # (larger cells when a box is very big for its zoom), plus one per ward for people.
            "cell_pixels": CLUSTER_PIXELS,
            "max_cells": MAX_CELLS,
            "note": "Places, groups and services near each other are grouped; zoom in to see "
            "each one. People are counted by ward and only if they chose to be. A ward with 1 "
            "to 4 people has a null count, fewer_than_5 true and count_text 'fewer than 5'; "
            "the people total leaves those wards out.",
        },
    }
