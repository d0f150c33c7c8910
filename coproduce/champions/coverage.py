"""Coverage: which streets and wards have a champion, and how many people live on each street.

Six small queries whatever the size of the borough: people are counted per street in the
database (GROUP BY over the profiles' street index), champions per street the same way, and
streets and wards are read as plain values. The tables, the map and the gaps are all made
from those rows in Python (a borough has a few thousand streets, not people).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count

from coproduce.insights.selectors import ward_populations
from coproduce.people.models import Profile
from coproduce.places.models import Street, Ward

from .models import StreetChampion

GAPS_SHOWN = 20


@dataclass
class StreetRow:
    id: int
    name: str
    ward_id: int
    ward_name: str
    latitude: float | None
    longitude: float | None
    people: int
    champions: int
    ward_population: int | None = None

    @property
    def covered(self) -> bool:
        return self.champions > 0


@dataclass
class WardRow:
    id: int
    name: str
    boundary: dict
    streets: int = 0
    covered: int = 0
    people: int = 0
    people_on_covered: int = 0
    population: int | None = None

    @property
    def not_covered(self) -> int:
        return self.streets - self.covered

    @property
    def share_covered(self) -> int:
        """Streets covered, as a whole percentage."""
        return round(100 * self.covered / self.streets) if self.streets else 0


@dataclass
class Coverage:
    streets: list[StreetRow]
    wards: list[WardRow]
    has_population: bool = False
    totals: dict = field(default_factory=dict)

    def streets_in(self, ward_id: int | None) -> list[StreetRow]:
        if ward_id is None:
            return self.streets
        return [row for row in self.streets if row.ward_id == ward_id]

    def gaps(self, *, ward_id: int | None = None, public: bool = True) -> list[StreetRow]:
        """Streets without a champion, the most people first (then the biggest wards).

        In public, streets with 1 to 4 people are ranked together (by name) after the
        rest, so the order does not give away a count shown as "fewer than 5".
        """
        rows = [row for row in self.streets_in(ward_id) if not row.covered]

        def key(row: StreetRow):
            people = row.people
            if public and 0 < people < 5:
                people = 4
            return (-people, -(row.ward_population or 0), row.name, row.id)

        return sorted(rows, key=key)


def _ward_populations() -> dict[int, int]:
    """Ward populations (official estimates imported by officers, or from settings)."""
    return {ward_id: figure.population for ward_id, figure in ward_populations().items()}


def people_per_street() -> dict[int, int]:
    """{street id: profiles on that street}, closed accounts left out, counted in SQL.

    Two GROUP BYs, each read from an index alone: every profile per street (the street
    index), less the profiles of closed accounts (few, found through the users' partial
    index of inactive accounts). One query that checked each profile's account would read
    every profile row.
    """
    counted = (
        Profile.objects.filter(street__isnull=False)
        .order_by()
        .values("street_id")
        .annotate(n=Count("street_id"))
        .values_list("street_id", "n")
    )
    people = dict(counted)
    inactive = get_user_model().objects.filter(is_active=False).values("id")
    closed = (
        Profile.objects.filter(street__isnull=False, user_id__in=inactive)
        .order_by()
        .values("street_id")
        .annotate(n=Count("street_id"))
        .values_list("street_id", "n")
    )
    for street_id, n in closed:
        people[street_id] -= n
    return people


def champions_per_street() -> dict[int, int]:
    rows = (
        StreetChampion.objects.filter(ended_at__isnull=True, champion__is_active=True)
        .order_by()
        .values("street_id")
        .annotate(n=Count("id"))
        .values_list("street_id", "n")
    )
    return dict(rows)


def coverage() -> Coverage:
    """Every street and ward with its people and champions counted."""
    people = people_per_street()
    champions = champions_per_street()
    populations = _ward_populations()
    wards = {
        ward_id: WardRow(id=ward_id, name=name, boundary=boundary or {})
        for ward_id, name, boundary in Ward.objects.order_by("name").values_list(
            "id", "name", "boundary"
        )
    }
    for ward_id, population in populations.items():
        if ward_id in wards:
            wards[ward_id].population = population
    streets = []
    for street_id, name, ward_id, lat, lon in Street.objects.order_by("name", "id").values_list(
        "id", "name", "ward_id", "centre_latitude", "centre_longitude"
    ):
        ward = wards[ward_id]
        row = StreetRow(
            id=street_id,
            name=name,
            ward_id=ward_id,
            ward_name=ward.name,
            latitude=lat,
            longitude=lon,
            people=people.get(street_id, 0),
            champions=champions.get(street_id, 0),
            ward_population=ward.population,
        )
        streets.append(row)
        ward.streets += 1
        ward.people += row.people
        if row.covered:
            ward.covered += 1
            ward.people_on_covered += row.people
    ward_rows = list(wards.values())
    totals = {
        "streets": len(streets),
        "covered": sum(w.covered for w in ward_rows),
        "not_covered": sum(w.not_covered for w in ward_rows),
        "people": sum(w.people for w in ward_rows),
        "people_on_covered": sum(w.people_on_covered for w in ward_rows),
    }
    return Coverage(
        streets=streets, wards=ward_rows, has_population=bool(populations), totals=totals
    )
