"""How big each demo borough is. A size is a dataclass, so tests can make a tiny one."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Size:
    name: str
    ward_columns: int
    ward_rows: int
    streets: int
    people: int
    places: int

    @property
    def wards(self) -> int:
        return self.ward_columns * self.ward_rows


SIZES: dict[str, Size] = {
    size.name: size
    for size in [
        Size("small", ward_columns=3, ward_rows=2, streets=60, people=300, places=150),
        Size("medium", ward_columns=4, ward_rows=3, streets=400, people=10_000, places=3_000),
        Size("large", ward_columns=6, ward_rows=4, streets=2_000, people=100_000, places=20_000),
    ]
}
