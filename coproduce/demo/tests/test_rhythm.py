import random
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

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


@pytest.mark.parametrize("hour", [0, 1, 6, 12, 23])
def test_no_day_is_a_pile_whatever_the_time_the_demo_is_built(hour):
    # The chain a volunteer's offer follows: project, parameters published, offer. Something
    # made yesterday has had less time for what follows it, but no day may become a pile (a
    # demo built just after midnight once put 6% of all offers on the day before).
    now = datetime(2026, 12, 6, hour, 26, tzinfo=UTC)
    rhythm, rng = Rhythm(now), random.Random(hour)
    chains = []
    for _ in range(6_000):
        created = rhythm.moment(rng)
        published = rhythm.moment(rng, after=created)
        chains.append((created, published, rhythm.moment(rng, after=published)))
    for step in zip(*chains, strict=True):
        assert all(now - timedelta(days=366) < m < now for m in step)
        days = Counter(m.astimezone(UTC).date() for m in step)  # as the database keeps them
        assert max(days.values()) / len(step) < 0.03, days.most_common(2)
    assert all(a < b < c for a, b, c in chains)


def test_replies_come_mostly_within_weeks_of_what_they_answer():
    rhythm, rng = Rhythm(NOW), random.Random(5)
    start = NOW - timedelta(days=200)
    delays = sorted((rhythm.moment(rng, after=start) - start).days for _ in range(2_000))
    assert delays[len(delays) // 2] < 14
    assert delays[-1] > 60


def test_a_moment_after_a_summer_time_is_never_after_now():
    """Found when a demo built at 21:33 in December had a comment at 21:58: the delay was
    added to a London time in October (summer time), which keeps the clock time and so lands
    an hour late in winter."""
    now = datetime(2026, 12, 6, 21, 33, 12, 591039, tzinfo=UTC)
    rhythm = Rhythm(now, days=700)
    after = datetime(2026, 10, 22, 22, 40, 10, tzinfo=LONDON)
    moments = [rhythm.moment(random.Random(seed), after=after) for seed in range(20_000)]
    assert max(moments) <= now
    assert min(moments) > after
