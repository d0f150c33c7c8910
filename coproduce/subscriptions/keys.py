"""Topic keys and the things a subscription wants, as plain values. No Django import.

A topic is a short string, "<kind>:<value>": "theme:food", "ward:12", "place:7", "group:3",
"series:5". The whole borough has no topic (None; stored as ""). The things a subscription
wants are kept as a bit mask, so one indexed query can ask "wants events?" with a bitwise and.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

THINGS: tuple[str, ...] = ("projects", "events", "funding", "items", "decisions", "news")
# A bit per thing, in THINGS order; 0 would mean nothing, so "all" is every bit set.
BITS: dict[str, int] = {thing: 1 << index for index, thing in enumerate(THINGS)}
ALL_THINGS = (1 << len(THINGS)) - 1

KINDS: tuple[str, ...] = ("theme", "ward", "place", "group", "series")
NUMBERED = frozenset({"ward", "place", "group", "series"})
_THEME = re.compile(r"[a-z][a-z_]{0,29}")
_NUMBER = re.compile(r"[1-9][0-9]{0,11}")  # ASCII digits only, no leading zero
MAX_KEY = 40


class BadTopic(ValueError):
    """The text is not a topic key."""


def parse(key: str) -> tuple[str, str | int]:
    """Split a key into (kind, value): ("ward", 12), ("theme", "food"). Raises BadTopic."""
    if not isinstance(key, str) or len(key) > MAX_KEY or ":" not in key:
        raise BadTopic(key)
    kind, _, value = key.partition(":")
    if kind not in KINDS:
        raise BadTopic(key)
    if kind in NUMBERED:
        if not _NUMBER.fullmatch(value):
            raise BadTopic(key)
        return kind, int(value)
    if not _THEME.fullmatch(value):
        raise BadTopic(key)
    return kind, value


def make(kind: str, value: str | int) -> str:
    """The key for a kind and value; the inverse of `parse`."""
    key = f"{kind}:{value}"
    parse(key)
    return key


def mask_of(things: Iterable[str]) -> int:
    """The bit mask for these things; none chosen means all of them. Raises ValueError."""
    mask = 0
    for thing in things:
        if thing not in BITS:
            raise ValueError(f"unknown thing {thing!r}")
        mask |= BITS[thing]
    return mask or ALL_THINGS


def things_of(mask: int) -> list[str]:
    """The things a mask stands for, in THINGS order."""
    return [thing for thing in THINGS if mask & BITS[thing]]


def wants(mask: int, thing: str) -> bool:
    return bool(mask & BITS[thing])
