from datetime import UTC, datetime

import pytest

from coproduce.openactive import rpde


def test_modified_round_trips_to_the_microsecond():
    """A change time becomes whole microseconds and back without losing anything."""
    moment = datetime(2026, 12, 6, 16, 30, 5, 123456, tzinfo=UTC)
    assert rpde.moment_of(rpde.modified_of(moment)) == moment
    assert rpde.modified_of(moment) == 1_796_574_605_123_456


def test_no_position_is_the_start():
    """A reader with no position starts at the beginning of the feed."""
    assert rpde.Position.from_query(None, None) == rpde.Position()
    assert rpde.Position.from_query("", "") == rpde.Position()


@pytest.mark.parametrize(
    ("after_timestamp", "after_id"),
    [
        ("12", None),
        (None, "3"),
        ("-1", "3"),
        ("1.5", "3"),
        ("12", "abc"),
        ("²", "3"),
        ("9" * 17, "3"),
        (str(2**53), "3"),
        (" 12", "3"),
    ],
)
def test_bad_positions_are_refused(after_timestamp, after_id):
    """Half a position, or one that is not two whole numbers, is refused with a reason."""
    with pytest.raises(rpde.FeedError):
        rpde.Position.from_query(after_timestamp, after_id)


def test_page_points_next_after_its_last_item():
    """`next` carries the last item's modified and id; deleted items have no data."""
    items = [
        rpde.Item(id=4, modified=100, kind="Slot", data={"@type": "Slot"}),
        rpde.Item(id=2, modified=105, kind="Slot", data=None),
    ]
    page = rpde.page(items, base_url="https://x.test/feed", position=rpde.Position())
    assert page["next"] == "https://x.test/feed?afterTimestamp=105&afterId=2"
    assert page["items"][1] == {"state": "deleted", "kind": "Slot", "id": 2, "modified": 105}
    assert page["items"][0]["state"] == "updated" and page["items"][0]["data"]
    assert page["license"] == rpde.LICENSE


def test_last_page_names_itself_as_next():
    """An empty page after a position repeats that position, so readers poll it."""
    position = rpde.Position(modified=105, id=2)
    page = rpde.page([], base_url="https://x.test/feed", position=position)
    assert page["next"] == "https://x.test/feed?afterTimestamp=105&afterId=2"
    assert page["items"] == []
    empty_feed = rpde.page([], base_url="https://x.test/feed", position=rpde.Position())
    assert empty_feed["next"] == "https://x.test/feed"
