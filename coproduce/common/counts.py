"""Counts of people shown in public: anything under 5 is shown as "fewer than 5".

Small numbers about a street or a ward can point to a person ("the 2 people on Mill Lane
who…"), so every public count of people, and every export of people by area, goes through
`public_count`. Pure: no Django import, so a CSV writer or a benchmark can use it too.
"""

SMALLEST_SHOWN = 5


def is_suppressed(count: int) -> bool:
    """True when a count of people is too small to show: 1 to 4 (0 is safe to show)."""
    return 0 < count < SMALLEST_SHOWN


def public_count(count: int, *, fewer_than: str = "fewer than 5") -> str:
    """The count as text, or `fewer_than` (pass a translated phrase) when it is 1 to 4."""
    return fewer_than if is_suppressed(count) else f"{count:,}"
