"""Sections other apps add to a page of a lower app: one place to plug in, for every page.

An app sits above the apps whose pages it adds to (gatherings adds the learning sets a project
came to; subscriptions adds "get updates" to a ward, a place, a group and a series; credits and
the offline app add to events), so the page's own app cannot import it. The higher app
registers a panel for a page name from its AppConfig.ready(); the page renders every panel for
its name in the order they were registered, with `{% load panels %}{% panels "event" event %}`
or `panels_for("event", event, request)` in its view.

Most panels have nothing to show on most pages (few projects went to a learning set or won
a vote), yet each asked the database to find that out: a query each, about a millisecond
of Python apiece. A panel marked with `shown_if` says which rows it shows, and `panels_for`
asks whether each such panel has any in one query for the page, then calls only those that
do. The panel still reads its own rows, from the same queryset, so the two cannot disagree.
"""

from collections.abc import Callable

from django.db.models import Exists, QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString

# A panel gets the page's object and the request and returns HTML rendered from a template
# (render_to_string, so already safe), or "" to show nothing.
Panel = Callable[[object, HttpRequest], SafeString | str]
PAGES = frozenset(
    {
        "project",
        "event",
        "series",
        "place",
        "group",
        "ward",
        "service",
        "survey",
        "conversation",
        "feedback",
        "shopping_visit",
    }
)
_panels: dict[str, list[Panel]] = {page: [] for page in PAGES}


def shown_if(rows: Callable[[object], QuerySet]) -> Callable[[Panel], Panel]:
    """Mark a panel that shows nothing unless `rows(thing)` has a row (see the module's
    docstring). Only for a panel that returns "" whenever `rows(thing)` is empty."""

    def mark(panel: Panel) -> Panel:
        panel.shown_if = rows
        return panel

    return mark


def register(page: str, panel: Panel) -> Panel:
    """Add a panel to every page of this name (once, however often ready() runs)."""
    if page not in PAGES:
        raise ValueError(f"No page called {page!r} takes panels. Pages: {sorted(PAGES)}.")
    if panel not in _panels[page]:
        _panels[page].append(panel)
    return panel


def unregister(page: str, panel: Panel) -> None:
    """Take a panel off again (for tests that add one of their own)."""
    if panel in _panels.get(page, []):
        _panels[page].remove(panel)


def panels_for(page: str, thing, request: HttpRequest) -> list[SafeString]:
    """The HTML of every panel registered for this page with something to show for `thing`."""
    registered = _panels[page]
    asked = [panel for panel in registered if getattr(panel, "shown_if", None)]
    with_rows = _with_rows(thing, asked) if asked else set()
    rendered = (
        panel(thing, request) for panel in registered if panel in with_rows or panel not in asked
    )
    return [html for html in rendered if html]


def _with_rows(thing, asked: list[Panel]) -> set[Panel]:
    """The marked panels that have a row to show, in one query."""
    questions = {f"shown_{i}": Exists(panel.shown_if(thing)) for i, panel in enumerate(asked)}
    answers = type(thing)._base_manager.filter(pk=thing.pk).values(**questions).first() or {}
    return {panel for i, panel in enumerate(asked) if answers.get(f"shown_{i}")}
