"""Places for a need: in or next to its ward, open when needed, reasons only for those kept."""

from coproduce.common.opening_hours import week_mask
from coproduce.matching.place_ranking import PlaceRow, rank_places

from .test_ranking import NEED

SATURDAY = week_mask([{"day": 5, "opens": "09:00", "closes": "12:00"}])
MONDAY = week_mask([{"day": 0, "opens": "09:00", "closes": "12:00"}])


def test_places_open_on_needed_day_in_ward():
    """Places shut on the needed day are left out; open ones say when."""
    rows = [
        PlaceRow(1, 10, True, SATURDAY),
        PlaceRow(2, 10, True, MONDAY),
        PlaceRow(3, 11, False, ""),
        PlaceRow(4, 99, True, SATURDAY),
    ]
    matches = rank_places(NEED, rows)
    assert [m.place_id for m in matches] == [1, 3]
    assert matches[0].reasons == [
        "In this ward",
        "Open on Saturdays in the mornings",
        "Step-free access",
    ]
    assert "Opening hours not known" in matches[1].reasons
    assert [m.place_id for m in rank_places(NEED, rows, needs_step_free=True)] == [1]


def test_reasons_are_written_only_for_the_places_kept():
    """Of 500 places, only the 10 kept have their reasons translated."""
    asked: list[str] = []

    def translate(text: str) -> str:
        asked.append(text)
        return text

    rows = [PlaceRow(n, 10, n % 2 == 0, SATURDAY) for n in range(500)]
    matches = rank_places(NEED, rows, limit=10, translate=translate)
    assert [m.place_id for m in matches] == list(range(0, 20, 2))
    # Each kept place: ward, opening days (day, time, joins), step-free.
    assert asked.count("In this ward") == 10
    assert len(asked) < 100


def test_ties_keep_the_order_given():
    """Places with equal scores stay in the order they came in."""
    rows = [PlaceRow(n, 10, False, "") for n in (5, 3, 9)]
    assert [m.place_id for m in rank_places(NEED, rows)] == [5, 3, 9]
