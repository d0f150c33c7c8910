"""Things other than comments and projects that people can report, and moderators hide.

An app registers a ReportTarget for each kind of thing (a shared item, an event, a place
photo). Reports of all kinds wait in the one moderators' queue, with the same reasons and
the same actions: hide (with the owners told why), restore, or dismiss the report. The
reporter is never named to the owner.

Apps above discussion register from their own `report_targets.py`, imported from their
AppConfig.ready(); kinds from apps below discussion (place photos) are registered in
discussion/report_targets.py. Discussion imports none of the apps above it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ReportTarget:
    slug: str  # at most 10 letters: also the ModerationAction target it is logged as
    label: Any  # what one is called, for moderators: "Shared item"
    model: type  # the Django model
    title: Callable[[Any], str]  # a short name for it: an item's title
    text: Callable[[Any], str]  # what it says, for moderators and the log
    url: Callable[[Any], str]  # its page
    owners: Callable[[Any], Iterable[Any]]  # who is told when it is hidden or restored
    can_see: Callable[[Any, Any], bool]  # can_see(user, obj), ignoring moderation
    # What to call it in a link: "Report this item" reads "Report" + this.
    link_text: Any = None
    select_related: tuple[str, ...] = ()


_by_slug: dict[str, ReportTarget] = {}
_by_model: dict[type, ReportTarget] = {}


def register(target: ReportTarget) -> ReportTarget:
    """Add a kind of thing that can be reported. Registering the same slug again replaces it."""
    if len(target.slug) > 10:
        raise ValueError("A report target's slug has at most 10 letters.")
    _by_slug[target.slug] = target
    _by_model[target.model] = target
    return target


def target_for(slug: str) -> ReportTarget | None:
    return _by_slug.get(slug)


def target_of(obj) -> ReportTarget | None:
    """The registered kind of this object, or None if it cannot be reported."""
    return _by_model.get(type(obj))


def targets() -> list[ReportTarget]:
    return list(_by_slug.values())


def find(slug: str, pk: int):
    """The thing of this kind with this id, or None."""
    target = target_for(slug)
    if target is None:
        return None
    queryset = target.model._default_manager.all()
    if target.select_related:
        queryset = queryset.select_related(*target.select_related)
    return queryset.filter(pk=pk).first()
