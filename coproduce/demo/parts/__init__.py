"""The demo borough is built part by part, in this order, and cleared in reverse.

A later feature adds its demo data by writing one module with `build(ctx)` and `clear()`
and adding it to PARTS. Each part draws from its own random stream (`ctx.random(name)`),
so adding a part never changes what the parts before it make for the same seed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from ..context import DemoContext
from . import accounts, needs, people, places, projects, streets, wards


@dataclass(frozen=True)
class Part:
    name: str
    build: Callable[[DemoContext], None]
    clear: Callable[[], None]


def app_part(name: str, module: str) -> Part:
    """A part that lives in its own app (`<app>/demo.py`), imported when it runs.

    Those modules import the demo's own parts (the demo accounts, say), so importing them
    here, while this package is still loading, would go round in a circle."""
    return Part(
        name,
        lambda ctx: import_module(module).build(ctx),
        lambda: import_module(module).clear(),
    )


PARTS: tuple[Part, ...] = (
    Part("wards", wards.build, wards.clear),
    Part("streets", streets.build, streets.clear),
    Part("people", people.build, people.clear),
    Part("places", places.build, places.clear),
    Part("demo_accounts", accounts.build, accounts.clear),
    app_part("groups", "coproduce.groups.demo"),
    app_part("timebank", "coproduce.timebank.demo"),
    app_part("services", "coproduce.services.demo"),
    Part("needs", needs.build, needs.clear),
    Part("projects", projects.build, projects.clear),
    app_part("bookings", "coproduce.bookings.demo"),
    app_part("sharing", "coproduce.sharing.demo"),
    app_part("gatherings", "coproduce.gatherings.demo"),
)
