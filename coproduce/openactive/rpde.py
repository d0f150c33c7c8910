"""Realtime Paged Data Exchange 1.0, "modified" ordering: the paging rules, no Django.

A feed is read in order of (modified, id). A page holds the items after the pair the reader
sends as `afterTimestamp` and `afterId`; its `next` carries the pair of its last item, and
the last page names itself as `next`, so a reader polls it for changes. Items that are gone
stay in the feed as `"state": "deleted"` with no `data`, so readers remove their copies.

`modified` is the row's last change in whole microseconds since 1970 (UTC): exact, so two
rows changed in the same millisecond still page in order, and below 2^53, so JavaScript
readers keep it exactly.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode

LICENSE = "https://creativecommons.org/licenses/by/4.0/"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_LARGEST = 2**53 - 1
_DIGITS = frozenset("0123456789")


class FeedError(ValueError):
    """A position a reader sent that cannot be used; the message says why."""


@dataclass(frozen=True)
class Position:
    """Where a reader is: after the item with this `modified` and `id`, or at the start."""

    modified: int | None = None
    id: int | None = None

    @classmethod
    def from_query(cls, after_timestamp: str | None, after_id: str | None) -> "Position":
        if not after_timestamp and not after_id:
            return cls()
        if not after_timestamp or not after_id:
            raise FeedError("afterTimestamp and afterId must be given together")
        return cls(
            modified=_whole(after_timestamp, "afterTimestamp"),
            id=_whole(after_id, "afterId"),
        )


def _whole(raw: str, name: str) -> int:
    if not 0 < len(raw) <= 16 or not set(raw) <= _DIGITS or int(raw) > _LARGEST:
        raise FeedError(f"{name} must be a whole number from 0 to {_LARGEST}")
    return int(raw)


def modified_of(moment: datetime) -> int:
    """A change time as RPDE `modified`: whole microseconds since 1970, UTC."""
    delta = moment.astimezone(UTC) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def moment_of(modified: int) -> datetime:
    """The change time a `modified` value stands for (the inverse of `modified_of`)."""
    seconds, micro = divmod(modified, 1_000_000)
    return datetime.fromtimestamp(seconds, tz=UTC).replace(microsecond=micro)


@dataclass(frozen=True)
class Item:
    id: int
    modified: int
    kind: str
    data: dict[str, Any] | None  # None: the item is deleted

    def as_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {
            "state": "updated" if self.data is not None else "deleted",
            "kind": self.kind,
            "id": self.id,
            "modified": self.modified,
        }
        if self.data is not None:
            item["data"] = self.data
        return item


def page(items: Iterable[Item], *, base_url: str, position: Position) -> dict[str, Any]:
    """One RPDE page. `next` follows the last item, or repeats this page's own position
    when there are no more items."""
    rows = [item.as_json() for item in items]
    if rows:
        after = (rows[-1]["modified"], rows[-1]["id"])
    elif position.modified is not None:
        after = (position.modified, position.id)
    else:
        after = None
    next_url = base_url
    if after is not None:
        next_url += "?" + urlencode({"afterTimestamp": after[0], "afterId": after[1]})
    return {"next": next_url, "items": rows, "license": LICENSE}
