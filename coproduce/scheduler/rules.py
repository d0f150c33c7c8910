"""When a scheduled job is due. Pure: no Django.

A rule names the instants a job should run at ("slots"). The scheduler asks for the latest
slot at or before now; a slot is run at most once, whoever asks. Daily and weekly rules are in
the council's local time, so "07:00" stays 07:00 across the clock changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class EveryMinutes:
    """Every `minutes` minutes, on the minute marks counted from midnight UTC."""

    minutes: int = 1

    def __post_init__(self):
        if not 1 <= self.minutes <= 1440 or 1440 % self.minutes:
            raise ValueError(f"minutes must divide a day evenly, not {self.minutes}")

    def __str__(self) -> str:
        return "every minute" if self.minutes == 1 else f"every {self.minutes} minutes"

    def latest_slot(self, now: datetime, zone: ZoneInfo) -> datetime:
        now = now.astimezone(UTC)
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        elapsed = (now - midnight) // timedelta(minutes=self.minutes)
        return midnight + elapsed * timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class DailyAt:
    """Each day at a local time; with `weekdays` (Monday is 0), only on those days."""

    at: time
    weekdays: frozenset[int] | None = None

    def __str__(self) -> str:
        days = (
            "daily"
            if self.weekdays is None
            else "on " + ", ".join(DAY_NAMES[day] for day in sorted(self.weekdays))
        )
        return f"{days} at {self.at:%H:%M}"

    def latest_slot(self, now: datetime, zone: ZoneInfo) -> datetime:
        local = now.astimezone(zone)
        day = local.date()
        for _ in range(8):
            # A local time skipped by the clocks going forward resolves to the hour after.
            candidate = datetime.combine(day, self.at, tzinfo=zone)
            candidate = candidate.astimezone(UTC).astimezone(zone)
            if candidate <= local and (self.weekdays is None or day.weekday() in self.weekdays):
                return candidate.astimezone(UTC)
            day -= timedelta(days=1)
        raise AssertionError("a weekly rule always has a slot in the last eight days")


Rule = EveryMinutes | DailyAt
