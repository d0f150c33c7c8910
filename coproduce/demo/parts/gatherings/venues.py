"""Where gatherings happen: demo buildings picked for each kind of event."""

import random
from dataclasses import dataclass

from coproduce.demo.context import remembered
from coproduce.places.models import Place


@dataclass
class Venues:
    council: Place | None
    shop: Place | None
    hack: Place | None
    hubs: list[Place]


def find_venues(rng: random.Random, scale: int) -> Venues:
    buildings = list(
        Place.objects.filter(pk__in=remembered(Place), kind=Place.Kind.BUILDING, is_listed=True)
        .order_by("pk")
        .only("pk", "name", "owner", "step_free", "ward_id")[:2_000]
    )

    def named(places, *words):
        return [p for p in places if any(w in p.name for w in words)]

    council = [b for b in buildings if b.owner == Place.Owner.COUNCIL]
    halls = named(council, "Community Centre", "Library", "Family Hub") or council or buildings
    halls = [b for b in halls if b.step_free] or halls
    town_hall = rng.choice(halls) if halls else None
    shops = list(
        Place.objects.filter(
            pk__in=remembered(Place),
            kind=Place.Kind.UNLOVED_SPACE,
            name__startswith="Empty shop on",
        ).order_by("pk")[:50]
    ) or named(buildings, "Café")
    hacks = named(buildings, "Leisure Centre", "Youth Club", "Primary School") or halls
    hubs = named(buildings, "Café", "Arms", "Tenants' Hall", "Community Centre") or halls
    by_ward: dict[int, Place] = {}
    for hub in rng.sample(hubs, len(hubs)):
        by_ward.setdefault(hub.ward_id, hub)
    return Venues(
        council=town_hall,
        shop=rng.choice(shops) if shops else town_hall,
        hack=rng.choice(hacks) if hacks else None,
        hubs=list(by_ward.values())[: {1: 1, 2: 3, 3: 6}[scale]],
    )
