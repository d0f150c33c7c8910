from datetime import UTC, date, datetime, time, timedelta

from coproduce.bookings import availability as av

WEEKDAY_EVENINGS = av.Window(frozenset(range(5)), time(18), time(22), date(2026, 1, 1))
WEEKENDS = av.Window(frozenset({5, 6}), time(9), time(17), date(2026, 1, 1))


def _utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_windows_keep_local_hours_across_the_clock_change():
    """18:00 London is 18:00 UTC in GMT and 17:00 UTC in BST."""
    before = av.window_intervals([WEEKDAY_EVENINGS], date(2026, 3, 27), date(2026, 3, 27))
    after = av.window_intervals([WEEKDAY_EVENINGS], date(2026, 3, 30), date(2026, 3, 30))
    assert before == [(_utc(2026, 3, 27, 18), _utc(2026, 3, 27, 22))]
    assert after == [(_utc(2026, 3, 30, 17), _utc(2026, 3, 30, 21))]


def test_weekend_day_when_clocks_go_back_has_its_local_hours():
    """On 25 October 2026 the weekend window 09:00-17:00 is GMT: 09:00-17:00 UTC."""
    got = av.window_intervals([WEEKENDS], date(2026, 10, 25), date(2026, 10, 25))
    assert got == [(_utc(2026, 10, 25, 9), _utc(2026, 10, 25, 17))]


def test_windows_apply_only_between_their_dates():
    """A window with an end date stops after it."""
    window = av.Window(frozenset(range(7)), time(9), time(10), date(2026, 5, 2), date(2026, 5, 3))
    got = av.window_intervals([window], date(2026, 5, 1), date(2026, 5, 5))
    assert [start.day for start, _ in got] == [2, 3]


def test_subtract_takes_bookings_out_of_free_time():
    """Free time is the window minus bookings, including partial and touching ones."""
    free = [(_utc(2026, 5, 1, 8), _utc(2026, 5, 1, 22))]
    busy = [
        (_utc(2026, 5, 1, 7), _utc(2026, 5, 1, 9)),
        (_utc(2026, 5, 1, 12), _utc(2026, 5, 1, 13)),
        (_utc(2026, 5, 1, 13), _utc(2026, 5, 1, 14)),
        (_utc(2026, 5, 1, 21), _utc(2026, 5, 1, 23)),
    ]
    assert av.subtract(free, busy) == [
        (_utc(2026, 5, 1, 9), _utc(2026, 5, 1, 12)),
        (_utc(2026, 5, 1, 14), _utc(2026, 5, 1, 21)),
    ]


def test_subtract_over_many_free_intervals():
    """One long booking spanning two windows removes both parts."""
    free = [
        (_utc(2026, 5, 1, 8), _utc(2026, 5, 1, 10)),
        (_utc(2026, 5, 1, 12), _utc(2026, 5, 1, 14)),
    ]
    busy = [(_utc(2026, 5, 1, 9), _utc(2026, 5, 1, 13))]
    assert av.subtract(free, busy) == [
        (_utc(2026, 5, 1, 8), _utc(2026, 5, 1, 9)),
        (_utc(2026, 5, 1, 13), _utc(2026, 5, 1, 14)),
    ]


def test_covers_needs_one_interval_to_hold_the_whole_booking():
    """A booking across a gap between windows is not covered."""
    open_ = [
        (_utc(2026, 5, 1, 8), _utc(2026, 5, 1, 10)),
        (_utc(2026, 5, 1, 11), _utc(2026, 5, 1, 14)),
    ]
    assert av.covers(open_, _utc(2026, 5, 1, 11), _utc(2026, 5, 1, 14))
    assert not av.covers(open_, _utc(2026, 5, 1, 9), _utc(2026, 5, 1, 12))


def test_month_days_split_open_booked_and_free():
    """A month of a weekday-evening hall: 21 open days in May 2026, one booked evening."""
    booking = (_utc(2026, 5, 5, 17), _utc(2026, 5, 5, 19))  # 18:00-20:00 BST
    days = av.month_days([WEEKDAY_EVENINGS], [booking], 2026, 5)
    assert len(days) == 31
    assert sum(1 for d in days if d.open) == 21
    fifth = days[4]
    assert fifth.booked == [booking]
    assert fifth.free == [(_utc(2026, 5, 5, 19), _utc(2026, 5, 5, 21))]


def test_month_days_is_fast():
    """A month with three windows and 300 bookings is worked out in well under 20 ms."""
    import time as clock

    windows = [
        WEEKDAY_EVENINGS,
        WEEKENDS,
        av.Window(frozenset(range(5)), time(9), time(12), date(2026, 1, 1)),
    ]
    start = _utc(2026, 5, 1, 9)
    bookings = [
        (start + timedelta(hours=2 * i), start + timedelta(hours=2 * i + 1)) for i in range(300)
    ]
    began = clock.perf_counter()
    for _ in range(10):
        av.month_days(windows, bookings, 2026, 5)
    assert (clock.perf_counter() - began) / 10 < 0.02
