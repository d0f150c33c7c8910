import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from coproduce.demo.rhythm import LONDON, Rhythm

NOW = datetime(2026, 12, 5, 9, tzinfo=UTC)


def test_moments_are_in_the_past_year_and_spread():
    moments = Rhythm(NOW).moments(random.Random(1), 20_000)
    assert all(NOW - timedelta(days=366) < m < NOW for m in moments)
    days = Counter(m.astimezone(LONDON).date() for m in moments)
    assert len(days) > 350
    assert max(days.values()) / len(moments) < 0.01


def test_weekends_are_busier_august_and_nights_quieter():
    moments = Rhythm(NOW).moments(random.Random(2), 20_000)
    weekday = Counter(m.weekday() for m in moments)
    month = Counter(m.month for m in moments)
    hour = Counter(m.hour for m in moments)
    assert weekday[5] > weekday[2] > weekday[4]
    assert month[8] < month[10] * 0.8
    assert hour[3] * 20 < hour[19]


def test_after_keeps_order_and_the_same_seed_gives_the_same_moments():
    rhythm = Rhythm(NOW)
    start = NOW - timedelta(days=40)
    rng = random.Random(3)
    assert all(start < rhythm.moment(rng, after=start) < NOW for _ in range(2_000))
    late = NOW - timedelta(minutes=5)
    assert late <= rhythm.moment(rng, after=late) <= NOW
    assert rhythm.moments(random.Random(4), 50) == rhythm.moments(random.Random(4), 50)
