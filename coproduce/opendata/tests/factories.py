"""Factories and a generator of large place files for tests and the benchmark."""

import csv
import random
from pathlib import Path

from coproduce.common.opening_hours import hours_from_text
from coproduce.opendata import rows
from coproduce.places.tests.factories import PlaceFactory, WardFactory

__all__ = ["PlaceFactory", "WardFactory", "sample_wards", "write_places_csv"]

SAMPLE_WARDS = ("Ashgrove", "Brookside", "Northbrook Central")
KINDS = ("building", "green_space", "unloved_space", "room")
FACILITIES = ("Kitchen", "Toilets", "Wi-Fi", "Stage", "Parking", "Garden")
ACCESS = ("Step-free entrance", "Hearing loop", "Accessible toilet", "Lift")
HOURS = ("Mon-Fri 09:00-17:00", "Mon-Sat 10:00-16:00; Sun 12:00-16:00", "", "Sat-Sun 08:00-18:00")


def sample_wards():
    """The wards the sample files in tests/data name."""
    return [WardFactory(name=name) for name in SAMPLE_WARDS]


def write_places_csv(path: Path, count: int, wards: list[str], *, seed: int = 1) -> Path:
    """Write `count` made-up places (about one in four a room in an earlier building)."""
    rng = random.Random(seed)
    buildings: list[tuple[str, str]] = []
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(rows.COLUMNS)
        for number in range(1, count + 1):
            kind = rng.choice(KINDS) if buildings else "building"
            ward = rng.choice(wards)
            building = ""
            if kind == "room":
                building, ward = rng.choice(buildings)
            name = f"{kind.replace('_', ' ').title()} {number}"
            if kind == "building":
                buildings.append((name, ward))
            writer.writerow(
                rows.format_row(
                    {
                        "name": name,
                        "kind": kind,
                        "description": f"Made-up place number {number}, for testing.",
                        "address": f"{number} Test Road",
                        "postcode": f"NB{rng.randint(1, 9)} {rng.randint(1, 9)}AA",
                        "ward": ward,
                        "latitude": 51.45 + rng.random() / 10,
                        "longitude": -0.15 + rng.random() / 10,
                        "owner": rng.choice(rows.OWNERS),
                        "step_free": rng.random() < 0.5,
                        "facilities": rng.sample(FACILITIES, rng.randint(0, 3)),
                        "accessibility": rng.sample(ACCESS, rng.randint(0, 2)),
                        "opening_hours": hours_from_text(rng.choice(HOURS)),
                        "building": building,
                    }
                )
            )
    return path
