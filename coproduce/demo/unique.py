"""Names not yet used in a ward: no two places, groups or projects in one ward share a name.

Pure: no Django. Callers draw a name as they like; the book says whether the ward has it
already, and after a few draws falls back to the caller's other names, then to a plain one.
"""

from collections.abc import Callable, Hashable, Iterable


class NameBook:
    def __init__(self) -> None:
        self._taken: dict[Hashable, set[str]] = {}

    def taken(self, ward: Hashable, name: str) -> bool:
        return name.casefold() in self._taken.get(ward, ())

    def add(self, ward: Hashable, name: str) -> str:
        self._taken.setdefault(ward, set()).add(name.casefold())
        return name

    def give(
        self,
        ward: Hashable,
        draw: Callable[[], str],
        *,
        tries: int = 12,
        otherwise: Iterable[str] = (),
    ) -> str:
        """A name for a new thing in `ward`: the first of `tries` draws the ward does not
        have, else the first of `otherwise` it does not have, else the last draw told apart
        by a letter ("Oak Park East" style names are the caller's to offer in `otherwise`)."""
        name = ""
        for _ in range(tries):
            name = draw()
            if not self.taken(ward, name):
                return self.add(ward, name)
        for other in otherwise:
            if not self.taken(ward, other):
                return self.add(ward, other)
        for suffix in ("North", "South", "East", "West", "Upper", "Lower"):
            other = f"{name} {suffix}"
            if not self.taken(ward, other):
                return self.add(ward, other)
        number = 2
        while self.taken(ward, f"{name} {number}"):
            number += 1
        return self.add(ward, f"{name} {number}")
