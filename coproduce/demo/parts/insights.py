"""Demo ward populations: a part of the demo borough (coproduce/demo/parts/).

Each ward gets a population estimate shaped like the ONS mid-year estimates, a few times the
number of demo residents with a profile there, so "taking part" reads as a believable share.
`build(ctx)` after people; `clear()` before them. Rows go in with bulk_create.
"""

from django.db.models import Count

from coproduce.insights.models import WardPopulation
from coproduce.people.models import Profile
from coproduce.places.models import Ward

from ..context import DemoContext, forget, remembered

SOURCE = "Demo estimate, in the shape of the ONS mid-year estimates"


def build(ctx: DemoContext) -> None:
    rng = ctx.random("insights")
    residents = dict(
        Profile.objects.filter(ward__isnull=False)
        .values("ward_id")
        .annotate(n=Count("pk"))
        .values_list("ward_id", "n")
    )
    year = ctx.now.year - 1
    estimates = WardPopulation.objects.bulk_create(
        [
            WardPopulation(
                ward_id=ward_id,
                population=max(residents.get(ward_id, 0) * rng.randint(3, 6), 1_000)
                + rng.randint(0, 900),
                year=year,
                source=SOURCE,
            )
            for ward_id in Ward.objects.order_by("pk").values_list("pk", flat=True)
        ]
    )
    ctx.remember(estimates)


def clear() -> None:
    WardPopulation.objects.filter(pk__in=remembered(WardPopulation)).delete()
    forget(WardPopulation)
