"""The map's clusters kept per zoom and tile, so a pan or a second visitor reads no points.

Counting every point in view on each request scanned the borough's places, projects, groups
and services each time the map moved. Here the clusters of each tile (TILE_CELLS x TILE_CELLS
grid cells at the zoom's own cell size) are kept in the cache, with their GeoJSON features,
and a view is put together from the tiles it overlaps.

Why this may be cached: the point layers show only what every visitor may see (listed places,
shown projects, listed groups and services), whoever asks, so one person's answer is every
person's. People, whose counts depend on being signed in, are not kept here. Freshness: a
change to a place, project, group or service (their post_save and post_delete signals, in
apps.py) starts a new version, so the next view reads afresh; with the default cache, which
is each process's own, other processes see the change when their tiles expire, after
TILE_SECONDS at most (a shared CACHE_URL gives every process the new version at once). Writes
that bypass save() (a queryset's update()) are covered by that expiry too.

A view's answer is the whole cells it touches: a cluster on the view's edge counts all its
points, also those just outside, so clusters do not change as the map is panned.
"""

import hashlib
import time
from typing import Any

from django.core.cache import cache

from coproduce.common.webmercator import cell_size

from .clustering import (
    TILE_CELLS,
    BBox,
    LayerCell,
    cell_range,
    tile_of,
    tiles_bounds,
    tiles_over,
)
from .filters import MapFilters
from .points import DETAIL_ZOOM, POINT_LAYERS, cell_features, layer_cells
from .points import point_features as read_point_features

TILE_SECONDS = 60
VERSION_KEY = "maps:tiles:version"

Tile = tuple[int, int]
# What a tile keeps: each cell's key, its count per layer and its feature.
Kept = list[tuple[tuple[int, int], dict[str, int], dict[str, Any]]]


def forget_tiles() -> None:
    """Start a new version: every tile kept so far is no longer read (and expires)."""
    cache.set(VERSION_KEY, time.time_ns(), None)


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # Never set, or dropped from a full cache: a new version, so no tile from before a
        # change that was forgotten with it can come back.
        version = time.time_ns()
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def _filters_key(filters: MapFilters) -> str:
    """The filters that choose points, as a short fixed string (q may be long)."""
    shown = ",".join(name for name in POINT_LAYERS if filters.shows(name))
    ward = filters.ward.pk if filters.ward is not None else ""
    skill = filters.skill.pk if filters.skill is not None else ""
    text = f"{shown}|{','.join(sorted(filters.kinds))}|{ward}|{filters.step_free}|{skill}|"
    return hashlib.blake2b((text + filters.q).encode(), digest_size=12).hexdigest()


def cacheable(filters: MapFilters, size: float, zoom: int) -> bool:
    """Whether this view's clusters come from kept tiles.

    Not when the grid is widened for a box too big for its zoom (its cells then depend on the
    box, not the zoom alone), not from DETAIL_ZOOM in (few points, read one by one to list a
    hall's groups), and not with "open now", whose answer changes with the clock."""
    return size == cell_size(zoom) and zoom < DETAIL_ZOOM and not filters.open_now


def _read_tiles(filters: MapFilters, size: float, zoom: int, tiles: list[Tile]) -> dict[Tile, Kept]:
    """The given tiles' cells and features, read from the database: one grouped query per
    layer over the rectangle around them, then the names of single points."""
    bounds = tiles_bounds(tiles, size)
    wanted = set(tiles)
    found: list[LayerCell] = [
        cell
        for name, layer in POINT_LAYERS.items()
        if filters.shows(name)
        for cell in layer_cells(layer, filters, bounds, size, zoom)
        if tile_of(cell.key) in wanted
    ]
    kept: dict[Tile, Kept] = {tile: [] for tile in tiles}
    for cell, feature in cell_features(found):
        kept[tile_of(cell.key)].append((cell.key, cell.counts, feature))
    return kept


def point_features(
    filters: MapFilters, bbox: BBox, size: float, zoom: int
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Features for the point layers in this view and each layer's total, from kept tiles
    where the view allows it (see cacheable), else read afresh."""
    if not cacheable(filters, size, zoom):
        return read_point_features(filters, bbox, size, zoom)
    first_x, first_y, last_x, last_y = cells = cell_range(bbox.unit_bounds(), size)
    tiles = tiles_over(cells, TILE_CELLS)
    prefix = f"maps:tile:{_version()}:{_filters_key(filters)}:{zoom}"
    keys = {tile: f"{prefix}:{tile[0]}:{tile[1]}" for tile in tiles}
    found = cache.get_many(list(keys.values()))
    missing = [tile for tile in tiles if keys[tile] not in found]
    if missing:
        read = _read_tiles(filters, size, zoom, missing)
        cache.set_many({keys[tile]: read[tile] for tile in missing}, TILE_SECONDS)
        found.update({keys[tile]: read[tile] for tile in missing})
    totals = {name: 0 for name in POINT_LAYERS if filters.shows(name)}
    in_view = []
    for tile in tiles:
        for key, counts, feature in found[keys[tile]]:
            if first_x <= key[0] <= last_x and first_y <= key[1] <= last_y:
                in_view.append((key, feature))
                for name, count in counts.items():
                    totals[name] += count
    in_view.sort(key=lambda kept: kept[0])
    return [feature for _key, feature in in_view], totals
