"""Reads for the map: features in a viewport, clustered in the database."""

from typing import Any

from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.common.counts import is_suppressed, public_count
from coproduce.people.models import Profile, Visibility
from coproduce.places.models import Ward
from coproduce.skills.models import PersonSkill

from . import tiles
from .clustering import CLUSTER_PIXELS, MAX_CELLS, BBox, grid_size
from .filters import MapFilters
from .points import place_url, point

__all__ = ["map_features", "people_by_ward", "place_url"]


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
                "geometry": point(ward.centre_longitude, ward.centre_latitude),
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
    features, totals = tiles.point_features(filters, bbox, size, zoom)
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
            "the people total leaves those wards out. A group on the edge of the box counts "
            "all its points, also those just outside.",
        },
    }
