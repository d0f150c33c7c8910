from datetime import date
from itertools import pairwise

from coproduce.impact.months import month_after, months_back


def test_twelve_months_back_cross_the_year():
    months = months_back(date(2026, 3, 17))
    assert len(months) == 12
    assert months[0] == date(2025, 4, 1) and months[-1] == date(2026, 3, 1)
    assert all(month_after(a) == b for a, b in pairwise(months))


def test_month_after_december():
    assert month_after(date(2025, 12, 1)) == date(2026, 1, 1)
