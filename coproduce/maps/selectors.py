"""Reads for the map: features in a viewport, clustered in the database."""

from typing import Any

from django.db.models import Avg, Count, F, FloatField, Func, Min, Value
from django.urls import NoReverseMatch, reverse

from coproduce.accounts.models import User
from coproduce.common.webmercator import from_unit
from coproduce.people.models import Profile, Visibility
from coproduce.places.models import Place, Ward
from coproduce.skills.models import PersonSkill

from .clustering import BBox, grid_size
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


def _place_features(filters: MapFilters, bbox: BBox, size: float) -> tuple[list[dict], int]:
    min_x, min_y, max_x, max_y = bbox.unit_bounds()
    in_view = filters.places().filter(
        map_x__gte=min_x, map_x__lte=max_x, map_y__gte=min_y, map_y__lte=max_y
    )
    cells = list(
        in_view.order_by()
        .annotate(cx=GridCell(F("map_x"), size), cy=GridCell(F("map_y"), size))
        .values("cx", "cy")
        .annotate(n=Count("id"), mx=Avg("map_x"), my=Avg("map_y"), first=Min("id"))
    )
    singles = {c["first"] for c in cells if c["n"] == 1}
    details = {
        p["id"]: p
        for p in Place.objects.filter(id__in=singles).values(
            "id", "name", "kind", "step_free", "latitude", "longitude"
        )
    }
    features, total = [], 0
    for cell in cells:
        total += cell["n"]
        if cell["n"] == 1:
            place = details[cell["first"]]
            features.append(
                {
                    "type": "Feature",
                    "id": f"place-{place['id']}",
                    "geometry": _point(place["longitude"], place["latitude"]),
                    "properties": {
                        "layer": "places",
                        "name": place["name"],
                        "kind": place["kind"],
                        "step_free": place["step_free"],
                        "url": place_url(place["id"]),
                    },
                }
            )
        else:
            # The mean in map units, not degrees: it comes from the index alone.
            latitude, longitude = from_unit(cell["mx"], cell["my"])
            features.append(
                {
                    "type": "Feature",
                    "geometry": _point(longitude, latitude),
                    "properties": {"layer": "places", "cluster": True, "count": cell["n"]},
                }
            )
    return features, total


def people_by_ward(filters: MapFilters, *, signed_in: bool = False) -> list[dict[str, Any]]:
    """How many people chose to be counted on the map, per ward. Never anyone's home.

    With a skill filter, only people who confirmed the skill and let this viewer see their
    skills are counted: public skills for visitors, members' skills too once signed in."""
    wards = Ward.objects.all() if filters.ward is None else Ward.objects.filter(pk=filters.ward.pk)
    # Excluding the few inactive accounts is far cheaper than joining every active one.
    people = Profile.objects.filter(show_on_map=True, ward__isnull=False).exclude(
        user__in=User.objects.filter(is_active=False).values("pk")
    )
    if filters.skill is not None:
        levels = [Visibility.PUBLIC, Visibility.MEMBERS] if signed_in else [Visibility.PUBLIC]
        people = people.filter(
            visibility_skills__in=levels,
            skills__skill=filters.skill,
            skills__status=PersonSkill.Status.CONFIRMED,
        )
    counts = dict(people.values("ward").annotate(n=Count("id")).values_list("ward", "n"))
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
        total += row["count"]
        features.append(
            {
                "type": "Feature",
                "id": f"people-{ward.slug}",
                "geometry": _point(ward.centre_longitude, ward.centre_latitude),
                "properties": {
                    "layer": "people",
                    "ward": ward.name,
                    "count": row["count"],
                    "url": reverse("places:ward_detail", args=[ward.slug]),
                },
            }
        )
    return features, total


def map_features(
    *, filters: MapFilters, bbox: BBox, zoom: int, signed_in: bool = False
) -> dict[str, Any]:
    """A GeoJSON FeatureCollection (RFC 7946) for this viewport, with a `meta` member."""
    size = grid_size(bbox, zoom)
    features: list[dict] = []
    totals: dict[str, int] = {}
    if filters.shows("places"):
        place_features, totals["places"] = _place_features(filters, bbox, size)
        features += place_features
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
            "note": "Places near each other are grouped; zoom in to see each one. "
            "People are counted by ward and only if they chose to be.",
        },
    }
