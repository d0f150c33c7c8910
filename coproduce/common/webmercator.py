"""Web Mercator (EPSG:3857) in unit square coordinates, for map tiles and clustering.

x and y run from 0 to 1 across the world (x east, y south), so at zoom z a tile is
1 / 2**z wide and a 256-pixel tile puts 256 * 2**z pixels across the world. No Django import.
"""

import math

MAX_LATITUDE = 85.05112878  # where Web Mercator's square world ends


def to_unit(latitude: float, longitude: float) -> tuple[float, float]:
    """(x, y) in [0, 1] for a WGS 84 point; latitudes past the poles' cut-off are clamped."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, latitude))
    x = (longitude + 180.0) / 360.0
    sin_lat = math.sin(math.radians(lat))
    y = 0.5 - math.log((1 + sin_lat) / (1 - sin_lat)) / (4 * math.pi)
    return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)


def from_unit(x: float, y: float) -> tuple[float, float]:
    """(latitude, longitude) for a unit-square point."""
    longitude = x * 360.0 - 180.0
    latitude = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return latitude, longitude


def cell_size(zoom: int, *, pixels: int = 64) -> float:
    """The width, in unit coordinates, of a square `pixels` wide on screen at this zoom."""
    return pixels / (256.0 * 2**zoom)
