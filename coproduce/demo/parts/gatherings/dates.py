"""When gatherings happen: local times (Europe/London), weekdays, and the months the demo spans."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
PAST_MONTHS, FUTURE_MONTHS = 9, 3
DAY = timedelta(days=1)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def on_or_after(day: date, weekday: int, *, days: int = 1) -> date:
    """The first such weekday from `day` with no day of the event in the Christmas break."""
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while any(_closed(day + timedelta(days=n)) for n in range(days)):
        day += timedelta(weeks=1)
    return day


def _closed(day: date) -> bool:
    return (day.month, day.day) >= (12, 23) or (day.month, day.day) <= (1, 1)


def months(today: date) -> list[tuple[int, int]]:
    start = today.year * 12 + today.month - 1
    return [divmod(m, 12) for m in range(start - PAST_MONTHS, start + FUTURE_MONTHS + 1)]
