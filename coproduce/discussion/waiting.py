"""Things that wait for a moderator's yes or no before anyone sees them.

Apps above discussion (a statement in a conversation, say) register a kind here from their
AppConfig.ready(). The moderators' queue lists what waits of every kind, and a moderator
approves or rejects each item there: discussion writes the moderation log and the app's own
`decide` changes the item. Discussion imports none of those apps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Waiting:
    """One item waiting, as the queue shows it."""

    kind: str  # the slug of its WaitingKind
    pk: int
    text: str
    author: Any  # a user, or None; named to moderators with name_for
    where: str  # what it belongs to, such as a conversation's question
    url: str  # the page it will show on
    created_at: datetime


@dataclass(frozen=True)
class WaitingKind:
    slug: str  # also the ModerationAction target it is logged as
    label: Any  # what one item is called, for moderators: "Statement"
    oldest: Callable[[int], list[Waiting]]  # at most n waiting items, oldest first
    count: Callable[[], int]
    find: Callable[[int], Waiting | None]  # one item by pk if it still waits
    # decide(moderator=, pk=, approve=, reason=) changes the item and tells its author; it
    # returns the item's text for the log, and raises Refusal if it no longer waits.
    decide: Callable[..., str]
    can_moderate: Callable[[Any], bool]


_kinds: dict[str, WaitingKind] = {}


def register(kind: WaitingKind) -> WaitingKind:
    _kinds[kind.slug] = kind
    return kind


def kinds() -> list[WaitingKind]:
    return list(_kinds.values())


def kind_for(slug: str) -> WaitingKind | None:
    return _kinds.get(slug)
