"""Rooms by kind of building: a church hall is not a library, and neither is a school.

Pure: no Django. The places part gives buildings rooms from these layouts (with how many
people each holds in the room's description); the bookings part offers them for booking
with the same numbers, read back with `capacity_in`.
"""

import random
import re

# Per kind of building: its rooms as (name, fewest people, most people, facilities), the
# first always there, the rest some of the time.
LAYOUTS: dict[str, list[tuple[str, int, int, list[str]]]] = {
    "community_centre": [
        ("Main hall", 80, 150, ["main_hall", "stage", "kitchen", "toilets"]),
        ("Activity room", 20, 40, ["storage"]),
        ("Meeting room", 8, 16, ["wifi", "projector"]),
        ("Training kitchen", 8, 12, ["kitchen"]),
        ("Garden room", 15, 25, ["garden"]),
    ],
    "library": [
        ("Community room", 20, 40, ["wifi", "projector"]),
        ("Study room", 4, 8, ["wifi"]),
        ("Learning suite", 10, 16, ["computers", "wifi"]),
        ("Children's library", 15, 30, []),
    ],
    "church_hall": [
        ("Church hall", 50, 120, ["main_hall", "kitchen", "toilets"]),
        ("Parish room", 10, 20, []),
        ("Vestry", 6, 10, []),
    ],
    "school": [
        ("School hall (after hours)", 120, 250, ["main_hall", "stage", "toilets"]),
        ("Sports hall (after hours)", 60, 120, ["sports_pitch"]),
        ("Classroom (after hours)", 25, 32, ["projector"]),
        ("Dining hall (after hours)", 80, 160, ["kitchen"]),
    ],
    "faith": [
        ("Community hall", 80, 200, ["main_hall", "kitchen", "toilets"]),
        ("Classroom", 15, 30, []),
        ("Women's room", 10, 25, []),
    ],
    "youth": [
        ("Games room", 25, 50, ["storage"]),
        ("Music studio", 4, 8, ["sound_system"]),
        ("Quiet room", 6, 10, []),
    ],
    "leisure": [
        ("Sports hall", 100, 200, ["sports_pitch", "toilets"]),
        ("Dance studio", 20, 35, ["sound_system"]),
        ("Function room", 30, 60, ["kitchen"]),
    ],
    "health": [
        ("Community room", 15, 30, ["wifi"]),
        ("Group room", 8, 12, []),
    ],
    "tenants_hall": [
        ("Hall", 30, 60, ["main_hall", "kitchen"]),
        ("Office", 3, 6, []),
    ],
    "family_hub": [
        ("Stay and play room", 15, 25, ["play_area", "baby_changing"]),
        ("Meeting room", 8, 12, []),
        ("Sensory room", 4, 6, []),
    ],
    "pub": [("Function room", 30, 80, ["kitchen", "sound_system"])],
    "cafe": [("Back room", 10, 20, ["kitchen"])],
    "scout_hut": [
        ("Hut", 30, 50, ["storage", "kitchen"]),
        ("Leaders' room", 4, 8, []),
    ],
}
CAPACITY = "Holds up to {n} people."
_CAPACITY = re.compile(r"Holds up to (\d+) people\.")


def layout_for(rng: random.Random, kind: str) -> list[tuple[str, int, list[str]]]:
    """The rooms of one building of this kind: (name, capacity, facilities) each."""
    rooms = LAYOUTS.get(kind) or LAYOUTS["community_centre"]
    first, *others = rooms
    chosen = [first] + [room for room in others if rng.random() < 0.55]
    made = []
    for name, low, high, facilities in chosen:
        capacity = rng.randint(low, high)
        capacity = capacity - capacity % 5 if capacity > 20 else capacity
        made.append((name, capacity, facilities))
    return made


def capacity_in(description: str, default: int = 20) -> int:
    match = _CAPACITY.search(description or "")
    return int(match.group(1)) if match else default


# Words in a building's name that say what kind it is, tried in order.
KIND_WORDS: list[tuple[str, str]] = [
    ("School", "school"),
    ("Academy", "school"),
    ("Library", "library"),
    ("Church", "church_hall"),
    ("Methodist", "church_hall"),
    ("Chapel", "church_hall"),
    ("Mosque", "faith"),
    ("Islamic", "faith"),
    ("Gurdwara", "faith"),
    ("Temple", "faith"),
    ("Youth", "youth"),
    ("Leisure", "leisure"),
    ("Sports", "leisure"),
    ("Health", "health"),
    ("Medical", "health"),
    ("Tenants", "tenants_hall"),
    ("TRA", "tenants_hall"),
    ("Family Hub", "family_hub"),
    ("Children's Centre", "family_hub"),
    ("Arms", "pub"),
    ("Tavern", "pub"),
    ("Café", "cafe"),
    ("Scout", "scout_hut"),
]


def kind_of_building(name: str) -> str:
    for word, kind in KIND_WORDS:
        if word in name:
            return kind
    return "community_centre"
