"""Where a story happened, shown no closer than its teller chose. No Django import.

A point a resident gives is shown at the centre of a grid square about 500 metres across
unless they chose to show it exactly: close enough to say "round here", too coarse to find
a front door. The same point always lands in the same square, so showing it twice gives
nothing more away.
"""

import math

# About 550 m of latitude, and about 350 m of longitude at London's latitude.
STEP_DEGREES = 0.005
# Nearer than this to the teller's own street and an exact point is refused.
HOME_METRES = 250.0
EARTH_RADIUS_METRES = 6_371_000.0


def coarse_point(latitude: float, longitude: float) -> tuple[float, float]:
    """The centre of the grid square the point falls in."""
    return (_centre(latitude), _centre(longitude))


def _centre(value: float) -> float:
    return round((math.floor(value / STEP_DEGREES) + 0.5) * STEP_DEGREES, 6)


def metres_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The distance in metres between two (latitude, longitude) points (haversine)."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_METRES * math.asin(math.sqrt(h))


def near_home(point: tuple[float, float], home: tuple[float, float] | None) -> bool:
    """Whether the point is so close to the teller's street that showing it would show home."""
    return home is not None and metres_between(point, home) < HOME_METRES
