"""Places: halls, libraries, green spaces, unloved spaces and rooms, spread by street.

No two places in a ward share a name, and a building's rooms follow its kind (a church hall
has a hall and a vestry; a school lets its hall after hours), with how many each holds.

Places sit near streets, so busy wards have more of them, as in a real borough. Rows go in
in batches through the places service, which works out their map position and week mask.
"""

import random

from coproduce.places import vocab
from coproduce.places.geometry import point_in_polygon
from coproduce.places.models import Place
from coproduce.places.services import places_create

from ..context import BATCH_SIZE, DemoContext, forget, remembered
from ..rooms import CAPACITY, kind_of_building, layout_for
from ..unique import NameBook

KINDS = ([Place.Kind.BUILDING, Place.Kind.GREEN_SPACE, Place.Kind.UNLOVED_SPACE], [60, 28, 12])
# (name, how common): the kind of building follows from the name (rooms.kind_of_building).
BUILDINGS = [
    ("{street} Community Centre", 8),
    ("{stem} Community Hall", 6),
    ("{stem} Neighbourhood Centre", 3),
    ("{stem} Library", 4),
    ("St {saint}'s Church Hall", 7),
    ("{stem} Methodist Hall", 3),
    ("{stem} Baptist Church Hall", 2),
    ("{stem} Primary School", 7),
    ("St {saint}'s C of E Primary School", 3),
    ("{stem} Academy", 3),
    ("{stem} Mosque", 2),
    ("{stem} Islamic Centre", 1),
    ("{stem} Gurdwara", 1),
    ("{stem} Hindu Temple", 1),
    ("{stem} Youth Club", 3),
    ("{stem} Leisure Centre", 2),
    ("{stem} Sports Centre", 1),
    ("{stem} Health Centre", 3),
    ("{stem} Medical Centre", 2),
    ("{stem} Tenants' Hall", 5),
    ("{street} TRA Hall", 2),
    ("{stem} Family Hub", 2),
    ("{stem} Children's Centre", 2),
    ("The {stem} Arms (function room)", 2),
    ("The {stem} Tavern (function room)", 1),
    ("{stem} Co-operative Café", 1),
    ("{stem} Community Café", 2),
    ("{stem} Scout Hut", 2),
]
BUILDING_WEIGHTS = [w for _n, w in BUILDINGS]
GREEN = [
    "{stem} Park",
    "{stem} Allotments",
    "{stem} Community Garden",
    "{stem} Recreation Ground",
    "{stem} Pocket Park",
    "{stem} Nature Reserve",
    "{stem} Playground",
    "{street} Green",
    "{stem} Orchard",
    "{stem} Wildlife Garden",
    "{stem} Play Street",
    "{street} Gardens (square)",
]
UNLOVED = [
    "Empty shop on {street}",
    "Overgrown corner of {street}",
    "Closed pub on {street}",
    "Derelict garages behind {street}",
    "Boarded-up kiosk on {street}",
    "Fly-tipped alley off {street}",
    "Disused car park on {street}",
    "Empty shop at {number} {street}",
    "Vacant plot on {street}",
    "Old petrol station on {street}",
    "Unused garden behind {number} {street}",
]
COULD_BECOME = [
    "A community garden with raised beds.",
    "A pop-up café run by local people.",
    "A safe place for children to play.",
    "A repair café and tool library.",
    "Studios for local artists.",
    "A wildflower meadow for bees.",
    "A space for the youth club to meet.",
    "A market on Saturdays.",
]
SAINTS = ["Mark", "John", "Mary", "Peter", "Anne", "Luke", "Paul", "Michael", "Barnabas"]
HOURS_PATTERNS = [
    [(d, "09:00", "17:00") for d in range(5)],
    [(d, "08:00", "22:00") for d in range(7)],
    [(d, "10:00", "16:00") for d in range(6)],
    [(d, "18:00", "21:30") for d in (0, 2, 4)],
    [(d, "07:00", "20:00") for d in range(5)] + [(5, "09:00", "13:00")],
]


def build(ctx: DemoContext) -> None:
    rng = ctx.random("places")
    streets_by_ward = {w.pk: [s for s in ctx.streets if s.ward_id == w.pk] for w in ctx.wards}
    wards = [w for w in ctx.wards if streets_by_ward[w.pk]]
    weights = [len(streets_by_ward[w.pk]) for w in wards]
    names = NameBook()
    total = ctx.size.places
    made = 0
    with ctx.progress(total=total, desc="Places") as bar:
        while made < total:
            batch = []
            for _ in range(min(BATCH_SIZE, total - made)):
                ward = rng.choices(wards, weights=weights)[0]
                batch.append(_place(rng, names, ward, streets_by_ward[ward.pk]))
            places_create(places=batch)
            rooms = [
                _room(building, name, capacity, facilities)
                for building in batch
                if building.kind == Place.Kind.BUILDING and rng.random() < 0.3
                for name, capacity, facilities in layout_for(rng, kind_of_building(building.name))
            ]
            places_create(places=rooms)
            ctx.remember(batch + rooms)
            made += len(batch)
            bar.update(len(batch))
    ctx.counts["places"] = total


def clear() -> None:
    demo = Place.objects.filter(pk__in=remembered(Place))
    demo.filter(building__isnull=False).delete()
    demo.delete()
    forget(Place)


def _place(rng: random.Random, names: NameBook, ward, streets: list) -> Place:
    kind = rng.choices(*KINDS)[0]
    street = rng.choice(streets)
    saint = rng.choice(SAINTS)
    number = rng.randint(1, 250)

    def draw() -> str:
        nonlocal street
        street = rng.choice(streets)
        return _template(rng, kind).format(
            street=street.name, stem=_stem(street), saint=saint, number=number
        )

    # Told apart by the whole street name when the short one is taken ("Arundel Road
    # Mosque" beside "Arundel Mosque").
    name = names.give(
        ward.pk,
        draw,
        otherwise=(
            _template(rng, kind).format(street=s.name, stem=s.name, saint=saint, number=number)
            for s in rng.sample(streets, min(len(streets), 6))
        ),
    )
    lon, lat = _near(rng, street, ward)
    place = Place(
        kind=kind,
        name=name,
        ward=ward,
        address=f"{number} {street.name}" if kind == Place.Kind.BUILDING else "",
        latitude=lat,
        longitude=lon,
        owner=rng.choices(list(Place.Owner.values), weights=[45, 30, 15, 10])[0],
    )
    if kind == Place.Kind.BUILDING:
        place.step_free = rng.random() < 0.6
        place.facilities = sorted(rng.sample(list(vocab.FACILITIES), rng.randint(1, 6)))
        access = rng.sample(list(vocab.ACCESSIBILITY), rng.randint(0, 4))
        if place.step_free:
            access.append("step_free_entrance")
        place.accessibility = sorted(set(access))
        if rng.random() < 0.8:
            place.opening_hours = [
                {"day": d, "opens": o, "closes": c} for d, o, c in rng.choice(HOURS_PATTERNS)
            ]
    elif kind == Place.Kind.GREEN_SPACE:
        place.step_free = rng.random() < 0.5
        place.facilities = sorted(rng.sample(["garden", "play_area", "outdoor_seating"], 1))
    else:
        place.description = "Neglected for years. Local people would like to see it used."
        place.could_become = rng.choice(COULD_BECOME)
    return place


def _template(rng: random.Random, kind: str) -> str:
    if kind == Place.Kind.BUILDING:
        return rng.choices(BUILDINGS, weights=BUILDING_WEIGHTS)[0][0]
    return rng.choice(GREEN if kind == Place.Kind.GREEN_SPACE else UNLOVED)


def _stem(street) -> str:
    return street.name.rsplit(" ", 1)[0]


def _room(building: Place, name: str, capacity: int, facilities: list[str]) -> Place:
    return Place(
        kind=Place.Kind.ROOM,
        name=name,  # shown beside its building, as bookings does ("Vestry, St Mark's …")
        description=CAPACITY.format(n=capacity),
        building=building,
        ward_id=building.ward_id,
        latitude=building.latitude,
        longitude=building.longitude,
        owner=building.owner,
        step_free=building.step_free,
        opening_hours=building.opening_hours,
        facilities=[f for f in facilities if f in vocab.FACILITIES],
    )


def _near(rng: random.Random, street, ward) -> tuple[float, float]:
    # Within about 150 m of the street's centre, and inside the ward.
    for _ in range(5):
        lon = round(street.centre_longitude + rng.uniform(-0.002, 0.002), 6)
        lat = round(street.centre_latitude + rng.uniform(-0.0013, 0.0013), 6)
        if point_in_polygon(lon, lat, ward.boundary):
            return lon, lat
    return street.centre_longitude, street.centre_latitude
