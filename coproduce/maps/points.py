"""The map's point layers (places, projects, groups, services): their rows, grouped into grid
cells in the database, and each cell's GeoJSON feature."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, F, FloatField, Func, Min, QuerySet, Value
from django.urls import NoReverseMatch, reverse

from coproduce.common.webmercator import from_unit
from coproduce.directory.models import ServiceAtLocation
from coproduce.groups.models import Organisation
from coproduce.places.models import Place
from coproduce.projects.models import Project

from .clustering import BBox, LayerCell, MergedCell, cells_from_points, merge_cells
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


def point(longitude: float, latitude: float) -> dict[str, Any]:
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


def layer_cells(
    layer: PointLayer,
    filters: MapFilters,
    bounds: tuple[float, float, float, float],
    size: float,
    zoom: int,
) -> list[LayerCell]:
    """One layer's points in view, grouped into grid cells.

    Zoomed right in, a view holds few points: they are read as they are, so that a cluster
    that will not split (a hall where several groups meet) can list what it holds. Otherwise,
    or if a close view is still crowded, the database groups them. `bounds` is (min_x, min_y,
    max_x, max_y) in map units."""
    min_x, min_y, max_x, max_y = bounds
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


def point_features(filters: MapFilters, bbox: BBox, size: float, zoom: int):
    """Features for the point layers, one per grid cell across all of them, and totals, read
    afresh: only the points in view count (tiles.py keeps whole cells instead)."""
    layers = [layer for name, layer in POINT_LAYERS.items() if filters.shows(name)]
    bounds = bbox.unit_bounds()
    found = [cell for layer in layers for cell in layer_cells(layer, filters, bounds, size, zoom)]
    totals = {layer.name: 0 for layer in layers}
    for cell in found:
        totals[cell.layer] += cell.count
    return [feature for _cell, feature in cell_features(found)], totals


def cell_features(found: list[LayerCell]) -> list[tuple[MergedCell, dict[str, Any]]]:
    """Each grid cell, merged across layers, and its GeoJSON feature, in order of key. Names
    and links of single points and small clusters are read here, one query per layer."""
    cells = merge_cells(found)
    wanted: dict[str, set[int]] = {}
    for cell in cells:
        if cell.members is not None and cell.count <= MAX_LISTED:
            for name, pk in cell.members:
                wanted.setdefault(name, set()).add(pk)
    details = {
        (name, pk): single
        for name, ids in wanted.items()
        for pk, single in POINT_LAYERS[name].single(ids).items()
    }
    features = []
    for cell in cells:
        if cell.count == 1:
            name, pk = cell.members[0]
            single = details[(name, pk)]
            feature = {
                "type": "Feature",
                "id": single["id"],
                "geometry": point(*single["lonlat"]),
                "properties": {"layer": name, **single["properties"]},
            }
            features.append((cell, feature))
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
            (
                cell,
                {
                    "type": "Feature",
                    "geometry": point(longitude, latitude),
                    "properties": properties,
                },
            )
        )
    return features
