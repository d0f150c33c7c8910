import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.bookings import services as booking_services
from coproduce.bookings.models import Booking
from coproduce.bookings.tests.factories import BookingFactory, RoomFactory, WindowFactory, future
from coproduce.gatherings.models import Event
from coproduce.gatherings.services.events import event_cancel
from coproduce.gatherings.tests.factories import EventFactory, organiser
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.openactive import feeds

pytestmark = pytest.mark.django_db


def _get(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def _feed_url(name):
    return reverse("openactive:feed", args=[name])


def _read_all(client, name):
    """Every item of a feed, following `next` until a page comes back empty."""
    seen, url, pages = [], _feed_url(name), 0
    while True:
        response, page = _get(client, url)
        assert response.status_code == 200
        pages += 1
        if not page["items"]:
            return seen, page, pages
        seen.extend(page["items"])
        url = page["next"].removeprefix("http://testserver")
        assert pages < 50


@pytest.fixture(autouse=True)
def _no_lag(settings):
    """These tests read what they have just written; the lag itself is tested in
    test_feeds.py."""
    settings.OPENACTIVE_FEED_LAG_SECONDS = 0


@pytest.fixture
def small_pages(monkeypatch, settings):
    settings.SITE_URL = "http://testserver"
    monkeypatch.setattr(feeds, "PAGE_SIZE", 2)


def test_paging_through_a_feed_sees_every_item_once(client, small_pages):
    """Following `next` from the start reads each event once, in order of change."""
    events = [EventFactory() for _ in range(5)]
    seen, last, pages = _read_all(client, "session-series")
    assert sorted(item["id"] for item in seen) == sorted(e.pk for e in events)
    assert len(seen) == 5 and pages == 4
    assert [i["modified"] for i in seen] == sorted(i["modified"] for i in seen)
    assert all(item["state"] == "updated" and item["kind"] == "SessionSeries" for item in seen)
    _, again = _get(client, last["next"].removeprefix("http://testserver"))
    assert again["items"] == [] and again["next"] == last["next"]


def test_rows_changed_at_the_same_instant_are_all_read(client, small_pages):
    """Items sharing one `modified` page by id, so none is skipped at a page boundary."""
    events = [EventFactory() for _ in range(5)]
    Event.objects.update(updated_at=timezone.now())
    seen, _last, _pages = _read_all(client, "scheduled-sessions")
    assert [item["id"] for item in seen] == sorted(e.pk for e in events)


def test_a_change_moves_the_item_to_the_end(client, small_pages):
    """A reader at the end of the feed sees a changed event again, and only that one."""
    first, _second = EventFactory(), EventFactory()
    _seen, last, _pages = _read_all(client, "session-series")
    first.title = "Moved to the library"
    first.save()
    _, page = _get(client, last["next"].removeprefix("http://testserver"))
    assert [item["id"] for item in page["items"]] == [first.pk]
    assert page["items"][0]["data"]["name"] == "Moved to the library"


def test_a_cancelled_event_becomes_a_tombstone(client, small_pages):
    """Cancelling an event sends it on as deleted, with no data, in both event feeds."""
    person = organiser()
    event = EventFactory(organisers=[person])
    _seen, last, _pages = _read_all(client, "scheduled-sessions")
    event_cancel(event=event, by=person, reason="Flooded.")
    for name in ("scheduled-sessions", "session-series"):
        url = last["next"] if name == "scheduled-sessions" else _feed_url(name)
        _, page = _get(client, url.removeprefix("http://testserver"))
        assert page["items"] == [
            {
                "state": "deleted",
                "kind": feeds.FEEDS[name].kind,
                "id": event.pk,
                "modified": page["items"][0]["modified"],
            }
        ]


def test_event_data_is_openactive_and_names_no_person(client):
    """A session series is JSON-LD with its group as organiser; nothing personal is sent."""
    group = OrganisationFactory(name="Northbrook Gardeners")
    event = EventFactory(group=group, capacity=20)
    _, page = _get(client, _feed_url("session-series"))
    data = page["items"][0]["data"]
    assert data["@context"] == "https://openactive.io/"
    assert data["@type"] == "SessionSeries"
    assert data["organizer"] == {"@type": "Organization", "name": "Northbrook Gardeners"}
    assert data["location"]["geo"]["latitude"] == event.place.latitude
    _, sessions = _get(client, _feed_url("scheduled-sessions"))
    session = sessions["items"][0]["data"]
    assert session["superEvent"] == data["@id"]
    assert session["duration"] == "PT2H"
    assert event.created_by.email not in json.dumps([page, sessions])


def test_an_organiser_is_named_only_as_the_public_sees_them(client):
    """Without a group, the organiser is named as `name_for` names them to a visitor."""
    EventFactory(organisers=[organiser(display_name="Priya Shah")])
    _, page = _get(client, _feed_url("session-series"))
    assert page["items"][0]["data"]["organizer"] == {"@type": "Person", "name": "A resident"}


def test_rooms_are_facility_uses_and_closed_ones_are_tombstones(client):
    """An open room carries its bookable hours; a space closed for booking sends deleted."""
    room = RoomFactory()
    WindowFactory(space=room.space)
    _, page = _get(client, _feed_url("facility-uses"))
    data = page["items"][0]["data"]
    assert data["@type"] == "FacilityUse" and data["name"] == room.place.name
    assert data["hoursAvailable"][0]["opens"] == "08:00"
    assert len(data["hoursAvailable"][0]["dayOfWeek"]) == 7
    room.space.is_open_for_booking = False
    room.space.save()
    room.save()
    _, page = _get(client, _feed_url("facility-uses"))
    assert page["items"][0]["state"] == "deleted" and "data" not in page["items"][0]


def test_confirmed_bookings_are_taken_slots_and_cancelling_sends_a_tombstone(client):
    """A confirmed booking is a slot with no uses left and no purpose or booker; cancelled,
    it is deleted."""
    starts_at, ends_at = future()
    booking = BookingFactory(
        status=Booking.Status.CONFIRMED, starts_at=starts_at, ends_at=ends_at, purpose="Secret"
    )
    BookingFactory(status=Booking.Status.REQUESTED, starts_at=starts_at + timedelta(days=1))
    _, page = _get(client, _feed_url("slots"))
    states = {item["id"]: item["state"] for item in page["items"]}
    assert list(states.values()) == ["updated", "deleted"]
    data = page["items"][0]["data"]
    assert (data["@type"], data["remainingUses"], data["maximumUses"]) == ("Slot", 0, 1)
    assert "Secret" not in json.dumps(page)
    booking_services.booking_cancel(booking=booking, by=booking.requested_by, reason="")
    _, again = _get(client, page["next"].removeprefix(_settings_site()))
    assert [(i["id"], i["state"]) for i in again["items"]] == [(booking.pk, "deleted")]


def _settings_site():
    from django.conf import settings

    return settings.SITE_URL


@pytest.mark.parametrize(
    "params",
    [
        {"afterTimestamp": "soon", "afterId": "1"},
        {"afterTimestamp": "12"},
        {"afterId": "1"},
        {"afterTimestamp": "12", "afterId": "-1"},
        {"afterTimestamp": "99999999999999999999", "afterId": "1"},
    ],
)
def test_a_bad_position_is_a_400_with_a_reason(client, params):
    """A position that is not two whole numbers gets 400 and a JSON error."""
    response, body = _get(client, _feed_url("slots"), **params)
    assert response.status_code == 400
    assert "afterTimestamp" in body["error"] or "afterId" in body["error"]


def test_an_unknown_feed_is_not_found(client):
    """Only the four feeds exist."""
    assert client.get(_feed_url("people")).status_code == 404


@pytest.mark.parametrize("name", list(feeds.FEEDS))
def test_a_page_costs_the_same_queries_however_many_items(
    client, name, django_assert_max_num_queries
):
    """A page of 2 and a page of 8 items run the same number of queries."""

    def make(n):
        for day in range(n):
            starts_at, ends_at = future(days=10 + day)
            EventFactory(group=OrganisationFactory() if day % 2 else None)
            BookingFactory(status=Booking.Status.CONFIRMED, starts_at=starts_at, ends_at=ends_at)

    make(2)
    with django_assert_max_num_queries(99) as small:
        _get(client, _feed_url(name))
    make(6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        _response, page = _get(client, _feed_url(name))
    assert len(page["items"]) >= 8


def test_dataset_lists_the_feeds(client):
    """The dataset page names each feed with its address."""
    _, body = _get(client, reverse("openactive:dataset"))
    urls = [d["contentUrl"] for d in body["distribution"]]
    assert len(urls) == 4
    assert all(url.endswith(_feed_url(name)) for url, name in zip(urls, feeds.FEEDS, strict=True))
