"""The demo borough is built part by part, in this order, and cleared in reverse.

A later feature adds its demo data by writing one module (or package) here, in parts/,
with `build(ctx)` and `clear()`, and adding it to PARTS. Each part draws from its own random
stream (`ctx.random(name)`), so adding a part never changes what the parts before it make for
the same seed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from ..context import DemoContext
from . import (
    accounts,
    bookings,
    budgets,
    champions,
    commissioning,
    conversations,
    councillors,
    credits,
    evidence,
    feedback,
    gatherings,
    groups,
    insights,
    needs,
    news,
    offline,
    people,
    places,
    projects,
    services,
    sharing,
    shopping,
    stories,
    streets,
    streettalk,
    subscriptions,
    surveys,
    timebank,
    toolkit,
    wards,
    yousaid,
)


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
    Part("groups", groups.build, groups.clear),
    Part("timebank", timebank.build, timebank.clear),
    Part("services", services.build, services.clear),
    Part("needs", needs.build, needs.clear),
    Part("projects", projects.build, projects.clear),
    # Documents and a year of outcome figures on active and completed projects.
    Part("evidence", evidence.build, evidence.clear),
    Part("bookings", bookings.build, bookings.clear),
    Part("sharing", sharing.build, sharing.clear),
    Part("gatherings", gatherings.build, gatherings.clear),
    Part("conversations", conversations.build, conversations.clear),
    Part("budgets", budgets.build, budgets.clear),
    Part("surveys", surveys.build, surveys.clear),
    Part("feedback", feedback.build, feedback.clear),
    # After surveys and conversations: the council's responses to what people said.
    Part("yousaid", yousaid.build, yousaid.clear),
    Part("shopping", shopping.build, shopping.clear),
    Part("councillors", councillors.build, councillors.clear),
    Part("streettalk", streettalk.build, streettalk.clear),
    # After places, groups and projects, which stories are told about.
    Part("stories", stories.build, stories.clear),
    # Reaching everyone: after every domain, whose things they announce, credit or count.
    Part("subscriptions", subscriptions.build, subscriptions.clear),
    Part("news", news.build, news.clear),
    Part("champions", champions.build, champions.clear),
    Part("credits", credits.build, credits.clear),
    Part("insights", insights.build, insights.clear),
    Part("offline", offline.build, offline.clear),
    # Residents' voice: last, so no earlier part picks its private meeting as an event.
    Part("commissioning", commissioning.build, commissioning.clear),
    # Stories and learning: the toolkit's guides and courses.
    Part("toolkit", toolkit.build, toolkit.clear),
)
