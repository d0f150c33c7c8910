"""Streets: invented names, unique across the borough, each centred inside its ward."""

import random

from coproduce.places.geometry import bounding_box, point_in_polygon
from coproduce.places.models import Street

from ..context import BATCH_SIZE, DemoContext, forget, remembered
from ..names import STREET_KINDS, STREET_STEMS


def build(ctx: DemoContext) -> None:
    rng = ctx.random("streets")
    names = rng.sample([f"{s} {k}" for s in STREET_STEMS for k in STREET_KINDS], ctx.size.streets)
    per_ward = _shares(rng, ctx.size.streets, len(ctx.wards))
    streets = []
    taken = iter(names)
    for ward, count in zip(ctx.wards, per_ward, strict=True):
        for _ in range(count):
            lon, lat = _point_inside(rng, ward.boundary)
            streets.append(
                Street(name=next(taken), ward=ward, centre_longitude=lon, centre_latitude=lat)
            )
    Street.objects.bulk_create(streets, batch_size=BATCH_SIZE)
    ctx.remember(streets)
    ctx.streets = streets
    ctx.counts["streets"] = len(streets)


def clear() -> None:
    Street.objects.filter(pk__in=remembered(Street)).delete()
    forget(Street)


def _shares(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split `total` into `parts` uneven shares (within ±30% of even), summing to total."""
    weights = [rng.uniform(0.7, 1.3) for _ in range(parts)]
    exact = [total * w / sum(weights) for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(parts), key=lambda i: exact[i] - shares[i], reverse=True)
    for i in by_remainder[: total - sum(shares)]:
        shares[i] += 1
    return shares


def _point_inside(rng: random.Random, polygon: dict) -> tuple[float, float]:
    west, south, east, north = bounding_box(polygon["coordinates"][0])
    while True:  # the octagons fill most of their box, so this ends within a few tries
        lon = round(rng.uniform(west, east), 6)
        lat = round(rng.uniform(south, north), 6)
        if point_in_polygon(lon, lat, polygon):
            return lon, lat
