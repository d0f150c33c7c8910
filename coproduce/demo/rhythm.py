"""When things happen in the demo borough: a year of activity with a weekly and seasonal beat.

Pure: no Django. A real borough is quiet in August and over Christmas, busy in spring and
autumn, busier at weekends and in the evening, and a little busier each month as more people
find the site. `Rhythm` draws moments with that shape, from a seeded `random.Random`, so the
same seed always gives the same moments.
"""

import random
from bisect import bisect_right
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

# Monday to Sunday.
WEEKDAY = (1.0, 1.05, 1.1, 1.1, 0.9, 1.35, 1.25)
# January to December: a dip in the summer holidays and over Christmas.
MONTH = (0.85, 0.95, 1.1, 1.15, 1.2, 1.15, 1.0, 0.65, 1.15, 1.15, 1.05, 0.75)
# Hour of the day, midnight to 11pm: mornings, a lunchtime bump, and the evening.
HOUR = (
    0.05, 0.02, 0.01, 0.01, 0.02, 0.05, 0.2, 0.6, 1.0, 1.3, 1.4, 1.3,
    1.4, 1.3, 1.2, 1.1, 1.1, 1.2, 1.5, 1.8, 1.9, 1.6, 1.0, 0.4,
)  # fmt: skip
HOUR_CUMULATIVE = list(accumulate(HOUR))
GROWTH = 0.6  # the oldest day is this busy compared with today


def _closed(day: date) -> bool:
    return (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 1)


def day_weight(day: date, *, age: float) -> float:
    """How busy a day is; `age` is 0 for today and 1 for the oldest day drawn."""
    weight = WEEKDAY[day.weekday()] * MONTH[day.month - 1] * (1 - (1 - GROWTH) * age)
    return weight * 0.35 if _closed(day) else weight


class Rhythm:
    """Moments in the `days` before `now` (an aware datetime), shaped by the weights above."""

    def __init__(self, now: datetime, *, days: int = 365) -> None:
        self.now = now
        today = now.astimezone(LONDON).date()
        self.days = [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
        weights = [
            day_weight(d, age=(days - 1 - i) / max(1, days - 1)) for i, d in enumerate(self.days)
        ]
        self.cumulative = list(accumulate(weights))

    def moment(self, rng: random.Random, *, after: datetime | None = None) -> datetime:
        """One moment in the past, later than `after` when given (and never after now)."""
        low = 0
        if after is not None:
            first = after.astimezone(LONDON).date()
            low = max(0, (first - self.days[0]).days)
            if low >= len(self.days):
                return self._between(rng, after)
        base = self.cumulative[low - 1] if low else 0.0
        point = base + rng.random() * (self.cumulative[-1] - base)
        index = min(bisect_right(self.cumulative, point), len(self.days) - 1)
        hour = bisect_right(HOUR_CUMULATIVE, rng.random() * HOUR_CUMULATIVE[-1])
        at = datetime.combine(
            self.days[index], time(min(hour, 23), rng.randrange(60), rng.randrange(60)), LONDON
        )
        if after is not None and at <= after:
            return self._between(rng, after)
        if at >= self.now:
            return self._between(rng, after or self.now - timedelta(hours=6))
        return at

    def _between(self, rng: random.Random, after: datetime) -> datetime:
        """Soon after `after`, but before now (or `after` itself if that is now or later)."""
        room = (self.now - after).total_seconds()
        if room <= 1:
            return after
        return after + timedelta(seconds=rng.uniform(0, min(room, 3 * 86_400)))

    def moments(self, rng: random.Random, count: int) -> list[datetime]:
        return [self.moment(rng) for _ in range(count)]
