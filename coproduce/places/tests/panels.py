"""The "what happens here" panels other apps add to a place's page, registered for a test
as their AppConfig.ready() registers them (and left as found afterwards)."""

from contextlib import contextmanager

from coproduce.bookings.place_panel import rooms_panel
from coproduce.common import panels
from coproduce.directory.place_panel import services_panel
from coproduce.gatherings.place_panel import events_panel
from coproduce.groups.place_panel import groups_panel
from coproduce.projects.place_panel import projects_panel

PLACE_PANELS = [events_panel, groups_panel, services_panel, projects_panel, rooms_panel]


@contextmanager
def place_panels():
    added = [p for p in PLACE_PANELS if p not in panels._panels["place"]]
    for panel in added:
        panels.register("place", panel)
    try:
        yield
    finally:
        for panel in added:
            panels.unregister("place", panel)
