"""What the council can hear from: a registry of sources, each able to find an item by its id.

A council response is linked to one item from one source: a survey, a conversation, and later
feedback on a service or a mystery-shopping result. This app sits above the apps that hold
those items, so it knows them only through their `Source`: how to fetch an item, its title and
page, the service and ward it is about, whether it is ready for a response, and who may write
one. Adding a source is one call: `register(Source(...))`, usually from an AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


def _nothing(item: Any) -> None:
    return None


def _always(item: Any) -> bool:
    return True


@dataclass(frozen=True)
class Source:
    """One kind of thing the council can respond to.

    `fetch(pk)` gives the item or None (not there, or not public). `service` and `ward` give
    the directory service and the ward it is about, or None. `is_ready(item)` says whether a
    response may be written yet (a survey once it has closed). `may_respond(user, item)` says
    who may write one.
    """

    key: str
    label: str | Promise
    fetch: Callable[[int], Any | None]
    title: Callable[[Any], str]
    url: Callable[[Any], str]
    may_respond: Callable[[Any, Any], bool]
    service: Callable[[Any], Any | None] = _nothing
    ward: Callable[[Any], Any | None] = _nothing
    is_ready: Callable[[Any], bool] = _always


_sources: dict[str, Source] = {}


def register(source: Source) -> Source:
    """Add a source (once, however often ready() runs); a different one under a taken key
    is a mistake."""
    existing = _sources.get(source.key)
    if existing is not None and existing != source:
        raise ValueError(f"A different source called {source.key!r} is already registered.")
    _sources[source.key] = source
    return source


def unregister(key: str) -> None:
    """Take a source off again (for tests that add one of their own)."""
    _sources.pop(key, None)


def get(key: str) -> Source | None:
    return _sources.get(key)


def all_sources() -> list[Source]:
    return sorted(_sources.values(), key=lambda s: str(s.label))
