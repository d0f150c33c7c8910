"""The demo borough is built part by part, in this order, and cleared in reverse.

A later feature adds its demo data by writing one module with `build(ctx)` and `clear()`
and adding it to PARTS. Each part draws from its own random stream (`ctx.random(name)`),
so adding a part never changes what the parts before it make for the same seed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from coproduce.groups import demo as groups_demo
from coproduce.services import demo as services_demo
from coproduce.timebank import demo as timebank_demo

from ..context import DemoContext
from . import accounts, needs, people, places, projects, streets, wards


@dataclass(frozen=True)
class Part:
    name: str
    build: Callable[[DemoContext], None]
    clear: Callable[[], None]


PARTS: tuple[Part, ...] = (
    Part("wards", wards.build, wards.clear),
    Part("streets", streets.build, streets.clear),
    Part("people", people.build, people.clear),
    Part("places", places.build, places.clear),
    Part("demo_accounts", accounts.build, accounts.clear),
    Part("groups", groups_demo.build, groups_demo.clear),
    Part("timebank", timebank_demo.build, timebank_demo.clear),
    Part("services", services_demo.build, services_demo.clear),
    Part("needs", needs.build, needs.clear),
    Part("projects", projects.build, projects.clear),
)
