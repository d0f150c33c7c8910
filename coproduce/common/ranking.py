"""The one way rankings are scored across the site (surveys, choices at meetings). No Django.

Borda points: with n options, a first place earns n points, a second n - 1, and so on down
to 1 for the last place; an option a person did not place earns nothing from them.
"""

from collections.abc import Mapping


def borda_points(place: int, options: int) -> int:
    """Points for being put in `place` (1 is first) among `options` options."""
    if place < 1:
        return 0
    return max(options - place + 1, 0)


def borda_total(people_by_place: Mapping[int, int], options: int) -> int:
    """Points from how many people put an option in each place (place -> people)."""
    return sum(people * borda_points(place, options) for place, people in people_by_place.items())
