"""Who takes part, and how many more people come on a bigger borough."""

from dataclasses import dataclass

from coproduce.demo.context import DemoContext


@dataclass
class Cast:
    """Who takes part: the demo accounts, and demo people who come to things."""

    resident: int | None
    organiser: int | None
    officer: int | None
    engaged: list[int]
    practitioners: list[int]

    def named(self, *people: int | None) -> list[int]:
        """These people, once each, leaving out demo accounts that are missing."""
        return [p for p in dict.fromkeys(people) if p is not None]


def scale_of(ctx: DemoContext) -> int:
    """1 on the small borough (and smaller), 2 on medium, 3 on large."""
    return 1 if ctx.size.people <= 1_000 else 2 if ctx.size.people <= 20_000 else 3


def crowd_for(scale: int) -> int:
    """How many times more people come to open events than on the small borough."""
    return {1: 1, 2: 5, 3: 20}[scale]
