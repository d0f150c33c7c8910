"""When things happen in the demo borough: a year of activity with a weekly and seasonal beat.

Pure: no Django. A real borough is quiet in August and over Christmas, busy in spring and
autumn, busier at weekends and in the evening, and a little busier each month as more people
find the site. `Rhythm` draws moments with that shape, from a seeded `random.Random`, so the
same seed always gives the same moments.
"""

import math
import random
from bisect import bisect_right
from datetime import UTC, date, datetime, time, timedelta
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
    """Moments in the `days` before `now` (an aware datetime), shaped by the weights above.

    Today counts only as far as it has gone: at half past midnight it has had almost none
    of its activity yet, so a demo built then has no pile of moments just before now.
    """

    def __init__(self, now: datetime, *, days: int = 365, settle_days: float = 14.0) -> None:
        self.now = now
        self.settle = timedelta(days=settle_days)
        local = now.astimezone(LONDON)
        today = local.date()
        self.days = [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
        weights = [
            day_weight(d, age=(days - 1 - i) / max(1, days - 1)) for i, d in enumerate(self.days)
        ]
        self.today_gone = _hours_gone(local)
        weights[-1] *= self.today_gone / HOUR_CUMULATIVE[-1]
        self.cumulative = list(accumulate(weights))
        self.busiest = max(WEEKDAY) * max(MONTH) * max(HOUR)

    def moment(self, rng: random.Random, *, after: datetime | None = None) -> datetime:
        """One moment in the past, later than `after` when given (and never after now)."""
        if after is not None:
            return self._after(rng, after)
        point = rng.random() * self.cumulative[-1]
        index = min(bisect_right(self.cumulative, point), len(self.days) - 1)
        today = index == len(self.days) - 1
        limit = self.today_gone if today else HOUR_CUMULATIVE[-1]
        hour = bisect_right(HOUR_CUMULATIVE, rng.random() * limit)
        at = datetime.combine(
            self.days[index], time(min(hour, 23), rng.randrange(60), rng.randrange(60)), LONDON
        )
        if at >= self.now:  # the hour now, drawn past the minute now
            return self.now - timedelta(seconds=rng.uniform(1, 60 * self.now.minute + 1))
        return at

    def _after(self, rng: random.Random, after: datetime) -> datetime:
        """Later than `after`, most often within two weeks (interest fades), and before now.

        The delay is exponential, cut at now, then thinned by the week, month and hour so
        replies keep the borough's beat.
        """
        # In UTC: adding to a London time keeps the clock time, so a delay that crosses the
        # end of summer time would land an hour later than meant, past now.
        after = after.astimezone(UTC)
        room = (self.now - after).total_seconds()
        if room <= 1:
            return after
        scale = self.settle.total_seconds()
        cut = 1 - math.exp(-room / scale)
        at = after
        for _ in range(24):
            delay = -scale * math.log(1 - rng.random() * cut)
            at = after + timedelta(seconds=min(max(delay, 0.001), room - 0.001))
            if rng.random() * self.busiest <= self._shape(at):
                return at
        return at

    @staticmethod
    def _shape(at: datetime) -> float:
        local = at.astimezone(LONDON)
        weight = WEEKDAY[local.weekday()] * MONTH[local.month - 1] * HOUR[local.hour]
        return weight * 0.35 if _closed(local.date()) else weight

    def moments(self, rng: random.Random, count: int) -> list[datetime]:
        return [self.moment(rng) for _ in range(count)]


def _hours_gone(local: datetime) -> float:
    """How much of today's weight has passed by `local` (in HOUR units)."""
    before = HOUR_CUMULATIVE[local.hour - 1] if local.hour else 0.0
    return before + HOUR[local.hour] * (local.minute * 60 + local.second) / 3600
