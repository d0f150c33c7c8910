"""Sections other apps add to a project's page.

Projects sit at the base of the domains, so they import none of the apps built on them. An
app with something to show on a project's page (gatherings: the action learning sets a
project came to) registers a panel from its AppConfig.ready(); the page renders every panel
in the order they were registered, after the discussion.
"""

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

# A panel gets the project and the request and returns its HTML rendered from a template
# (render_to_string, so it is already safe), or "" to show nothing.
Panel = Callable[[object, HttpRequest], SafeString | str]
PANELS: list[Panel] = []


def register(panel: Panel) -> Panel:
    """Add a panel to every project's page (once, however often ready() runs)."""
    if panel not in PANELS:
        PANELS.append(panel)
    return panel


def panels_for(project, request: HttpRequest) -> list[SafeString]:
    """The HTML of every registered panel with something to show for this project."""
    rendered = (panel(project, request) for panel in PANELS)
    return [html for html in rendered if html]
