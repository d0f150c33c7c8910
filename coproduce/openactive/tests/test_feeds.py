"""The feeds' stream: tombstones of rows deleted outright merged in (modified, id) order, and
the lag that keeps a late commit from being paged past (ADR 0034)."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from coproduce.bookings.models import Booking
from coproduce.bookings.tests.factories import BookingFactory, RoomFactory
from coproduce.gatherings.models import Event
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.openactive import feeds, rpde
from coproduce.openactive.models import Deletion

pytestmark = pytest.mark.django_db

BASE = "https://example.org/openactive/feeds/x"


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(feeds, "PAGE_SIZE", 2)


def _later():
    return timezone.now() + timedelta(minutes=1)


def _read(name, position=None, now=None):
    """Every item from `position` on, following `next` until a page is empty."""
    position = position or rpde.Position()
    now = now or _later()
    seen = []
    for _ in range(50):
        page = feeds.FEEDS[name].page(position, base_url=BASE, now=now)
        if not page["items"]:
            return seen, position
        seen.extend(page["items"])
        last = page["items"][-1]
        position = rpde.Position(modified=last["modified"], id=last["id"])
    raise AssertionError("the feed never ended")


def test_deleting_an_event_outright_leaves_a_tombstone_in_both_event_feeds():
    """Through the admin or a queryset: post_delete writes one tombstone per row."""
    event = EventFactory()
    event_id = event.pk
    Event.objects.filter(pk=event_id).delete()
    assert Deletion.objects.get().row_id == event_id
    for name in ("session-series", "scheduled-sessions"):
        seen, _ = _read(name)
        assert seen == [
            {
                "state": "deleted",
                "kind": feeds.FEEDS[name].kind,
                "id": event_id,
                "modified": seen[0]["modified"],
            }
        ]


def test_a_room_deleted_with_its_space_and_a_booking_deleted_leave_tombstones():
    """A cascade sends post_delete for each row, so rooms gone with their space are sent."""
    booking = BookingFactory(status=Booking.Status.CONFIRMED)
    room = RoomFactory()
    booking_id, room_id = booking.pk, room.pk
    booking.delete()
    room.space.delete()
    assert [item["id"] for item in _read("slots")[0] if item["state"] == "deleted"] == [booking_id]
    rooms = {item["id"]: item["state"] for item in _read("facility-uses")[0]}
    assert rooms[room_id] == "deleted"


def test_a_deletion_rolled_back_leaves_no_tombstone():
    event_id = EventFactory().pk
    with pytest.raises(RuntimeError), transaction.atomic():
        Event.objects.get(pk=event_id).delete()
        raise RuntimeError("changed my mind")
    assert not Deletion.objects.exists()
    assert Event.objects.filter(pk=event_id).exists()


def test_paging_through_a_feed_across_deletions_sees_each_change_once(small_pages):
    """A reader part way through: an event deleted behind them and one ahead of them both
    come later as tombstones, and the one ahead is never sent as live after it went."""
    events = [EventFactory() for _ in range(5)]
    first_page = feeds.FEEDS["session-series"].page(rpde.Position(), base_url=BASE, now=_later())
    read = [item["id"] for item in first_page["items"]]
    assert read == [events[0].pk, events[1].pk]
    position = rpde.Position(
        modified=first_page["items"][-1]["modified"], id=first_page["items"][-1]["id"]
    )
    behind, ahead = events[0], events[3]
    behind_id, ahead_id = behind.pk, ahead.pk
    behind.delete()
    ahead.delete()
    rest, _ = _read("session-series", position)
    assert [(item["id"], item["state"]) for item in rest] == [
        (events[2].pk, "updated"),
        (events[4].pk, "updated"),
        (behind_id, "deleted"),
        (ahead_id, "deleted"),
    ]
    keys = [(item["modified"], item["id"]) for item in rest]
    assert keys == sorted(keys)


def test_tombstones_and_rows_sharing_a_moment_page_by_id(small_pages):
    """Live rows and tombstones with one `modified` interleave by id across page ends."""
    moment = timezone.now() - timedelta(minutes=5)
    events = [EventFactory() for _ in range(3)]
    Event.objects.update(updated_at=moment)
    ids = sorted(event.pk for event in events)
    # Tombstones with ids between and after the live rows', at the same instant.
    for row_id in (ids[0] + 1000, ids[1] + 2000, 1):
        Deletion.objects.create(kind=Deletion.Kind.EVENT, row_id=row_id, modified=moment)
    seen, _ = _read("scheduled-sessions")
    assert [item["id"] for item in seen] == sorted([*ids, ids[0] + 1000, ids[1] + 2000, 1])
    assert {item["modified"] for item in seen} == {rpde.modified_of(moment)}


def test_other_kinds_of_tombstone_stay_out_of_a_feed():
    Deletion.objects.create(kind=Deletion.Kind.BOOKING, row_id=7)
    assert _read("session-series")[0] == []


# Late commits ------------------------------------------------------------------------------
def test_the_newest_changes_wait_for_the_lag(settings):
    """A row changed within the last few seconds is not yet in the feed; after, it is."""
    settings.OPENACTIVE_FEED_LAG_SECONDS = 5
    event = EventFactory()
    feed = feeds.FEEDS["session-series"]
    changed = event.updated_at
    assert (
        feed.page(rpde.Position(), base_url=BASE, now=changed + timedelta(seconds=4))["items"] == []
    )
    later = feed.page(rpde.Position(), base_url=BASE, now=changed + timedelta(seconds=5))
    assert [item["id"] for item in later["items"]] == [event.pk]


def test_a_late_commit_is_not_paged_past(settings):
    """B commits at T; A was saved at T-1s but commits after a reader has read at T+1s.
    Without the lag the reader passes T and never sees A; with it, A comes before B."""
    feed = feeds.FEEDS["session-series"]
    moment = timezone.now() - timedelta(hours=1)
    b = EventFactory()
    Event.objects.filter(pk=b.pk).update(updated_at=moment)

    def reader_then_late_commit(lag_seconds):
        settings.OPENACTIVE_FEED_LAG_SECONDS = lag_seconds
        Event.objects.exclude(pk=b.pk).delete()
        Deletion.objects.all().delete()
        first = feed.page(rpde.Position(), base_url=BASE, now=moment + timedelta(seconds=1))
        items = first["items"]
        position = (
            rpde.Position(modified=items[-1]["modified"], id=items[-1]["id"])
            if items
            else rpde.Position()
        )
        a = EventFactory()  # commits now, with a change time before B's
        Event.objects.filter(pk=a.pk).update(updated_at=moment - timedelta(seconds=1))
        rest, _ = _read("session-series", position, now=moment + timedelta(seconds=10))
        return a.pk, [item["id"] for item in items + rest]

    a_id, seen = reader_then_late_commit(0)
    assert a_id not in seen  # the gap the lag closes
    a_id, seen = reader_then_late_commit(5)
    assert seen == [a_id, b.pk]
