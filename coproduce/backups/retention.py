"""Which backups to keep: the newest of each of the last few days, weeks and months.

A grandfather-father-son rota. A backup is kept if it is the newest of its day among the
newest `daily` days that have one, or the newest of its ISO week among the newest `weekly`
weeks, or the newest of its month among the newest `monthly` months. Everything else may go.
The newest backup is always kept, whatever the policy says, so a policy of zeros never
leaves a council with nothing.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Policy:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def __post_init__(self) -> None:
        for name in ("daily", "weekly", "monthly"):
            if getattr(self, name) < 0:
                raise ValueError(f"A retention policy cannot keep a negative number ({name}).")


def _newest_per_period(
    times: list[datetime], period: Callable[[datetime], tuple], how_many: int
) -> set[datetime]:
    kept: dict[tuple, datetime] = {}
    for moment in sorted(times, reverse=True):
        key = period(moment)
        if key not in kept:
            if len(kept) == how_many:
                break
            kept[key] = moment
    return set(kept.values())


def to_keep(times: Iterable[datetime], policy: Policy) -> set[datetime]:
    times = list(times)
    if not times:
        return set()
    keep = {max(times)}
    keep |= _newest_per_period(times, lambda t: (t.date(),), policy.daily)
    keep |= _newest_per_period(times, lambda t: tuple(t.isocalendar())[:2], policy.weekly)
    keep |= _newest_per_period(times, lambda t: (t.year, t.month), policy.monthly)
    return keep


def to_remove(times: Iterable[datetime], policy: Policy) -> list[datetime]:
    times = list(times)
    keep = to_keep(times, policy)
    return sorted(t for t in times if t not in keep)
