"""Distances on the ground, for "near this street" in a street pack. Pure: no Django.

A box of degrees around a point lets the database pick candidates with plain range
lookups; `metres_between` then keeps those really within the distance.
"""

import math

EARTH_RADIUS_M = 6_371_008.8  # mean radius (IUGG)
METRES_PER_DEGREE_LATITUDE = math.pi * EARTH_RADIUS_M / 180.0


def metres_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two WGS 84 points, in metres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def box_around(lat: float, lon: float, metres: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) in degrees: a box holding every point within `metres`."""
    d_lat = metres / METRES_PER_DEGREE_LATITUDE
    cos_lat = max(math.cos(math.radians(lat)), 1e-6)
    d_lon = min(metres / (METRES_PER_DEGREE_LATITUDE * cos_lat), 180.0)
    return lat - d_lat, lon - d_lon, lat + d_lat, lon + d_lon


def is_within(lat: float, lon: float, other_lat: float, other_lon: float, metres: float) -> bool:
    return metres_between(lat, lon, other_lat, other_lon) <= metres
