"""Wards: invented names on a jittered grid around central London (51.5°N, 0.1°W)."""

from django.utils.text import slugify

from coproduce.places.models import Ward

from ..context import DemoContext, forget, remembered
from ..names import WARD_NAMES
from ..tiling import jittered_grid

CENTRE = (-0.1, 51.5)  # longitude, latitude
# About 1.2 km each way at this latitude (a degree of longitude is ~69 km, of latitude ~111).
CELL_SIZE = (0.018, 0.011)


def build(ctx: DemoContext) -> None:
    rng = ctx.random("wards")
    size = ctx.size
    names = rng.sample(WARD_NAMES, size.wards)
    cells = jittered_grid(
        rng, columns=size.ward_columns, rows=size.ward_rows, centre=CENTRE, cell_size=CELL_SIZE
    )
    wards = [
        Ward(
            name=name,
            slug=slugify(name),
            boundary={"type": "Polygon", "coordinates": [cell.ring]},
            centre_longitude=cell.centre[0],
            centre_latitude=cell.centre[1],
        )
        for name, cell in zip(names, cells, strict=True)
    ]
    Ward.objects.bulk_create(wards)
    ctx.remember(wards)
    ctx.wards = wards
    ctx.counts["wards"] = len(wards)


def clear() -> None:
    Ward.objects.filter(pk__in=remembered(Ward)).delete()
    forget(Ward)
