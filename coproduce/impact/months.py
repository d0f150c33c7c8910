"""The months an impact page counts over: the current month and the ones before it. Pure:
no Django."""

from __future__ import annotations

from datetime import date

MONTHS = 12


def months_back(today: date, count: int = MONTHS) -> list[date]:
    """The first day of each of the last `count` months, oldest first, ending with today's."""
    year, month = today.year, today.month
    found = []
    for _ in range(count):
        found.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return found[::-1]


def month_after(first: date) -> date:
    """The first day of the month after."""
    return date(first.year + (first.month == 12), first.month % 12 + 1, 1)
