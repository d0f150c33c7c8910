"""Calendar feeds of gatherings, read back with the icalendar library."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import CalendarFeed, Event, Rsvp, Series
from coproduce.gatherings.services.feeds import calendar_feed_get_or_create
from coproduce.places.models import Place
from coproduce.places.tests.factories import PlaceFactory

LONDON = ZoneInfo("Europe/London")
SITE = "https://coproduce.example"
CALENDAR = "text/calendar; charset=utf-8"
JOIN = "https://meet.example/secret-room"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def organiser(db):
    return UserFactory(roles=[Role.ORGANISER], display_name="Olu Organiser")


@pytest.fixture
def library(db):
    return PlaceFactory(name="Northbrook Library", address="1 High Street", postcode="NB1 1AA")


@pytest.fixture
def series(organiser):
    series = Series.objects.create(
        title="Monthly action learning set",
        slug="monthly-set",
        summary="Bring a project, get help.",
        kind=Event.Kind.ACTION_LEARNING_SET,
        created_by=organiser,
    )
    series.organisers.add(organiser)
    return series


def _event(
    organiser, *, starts_at: datetime, hours: float = 2, place=None, online_url="", **extra
) -> Event:
    event = Event.objects.create(
        title=extra.pop("title", "Action learning set"),
        summary=extra.pop("summary", "Bring a project, get help."),
        kind=extra.pop("kind", Event.Kind.ACTION_LEARNING_SET),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=hours),
        place=place,
        online_url=online_url,
        access_provisions=["creche", "bsl"],
        created_by=organiser,
        **extra,
    )
    event.organisers.add(organiser)
    return event


def _soon(days: int = 10, hour: int = 18, minute: int = 30) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _place(event: Event, user, status=Rsvp.Status.CONFIRMED, **extra) -> Rsvp:
    return Rsvp.objects.create(
        event=event, user=user, status=status, queued_at=timezone.now(), **extra
    )


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _read(response) -> list[icalendar.Event]:
    assert response.status_code == 200
    assert response["Content-Type"] == CALENDAR
    return icalendar.Calendar.from_ical(response.content).events


def _text(response) -> str:
    """The feed unfolded, so that a folded word is still found whole."""
    return response.content.decode("utf-8").replace("\r\n ", "")


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def test_event_download_describes_the_event(organiser, library, series):
    """One event as an attachment: UID, title, summary and link, place, kind, sequence."""
    event = _event(organiser, starts_at=_soon(), place=library, series=series, sequence=2)
    response = Client().get(reverse("gatherings:event_ics", args=[event.pk]))
    (read,) = _read(response)
    assert response["Content-Disposition"] == f'attachment; filename="event-{event.pk}.ics"'
    page = SITE + reverse("gatherings:event", args=[event.pk])
    assert read["UID"] == f"event-{event.pk}@coproduce.example"
    assert read["SUMMARY"] == "Action learning set"
    assert read["DESCRIPTION"] == f"Bring a project, get help.\n\nMore about it: {page}"
    assert read["URL"] == page
    assert read["LOCATION"] == "Northbrook Library, 1 High Street, NB1 1AA"
    assert read["STATUS"] == "CONFIRMED"
    assert read["SEQUENCE"] == 2
    assert read["LAST-MODIFIED"].dt == event.updated_at.replace(microsecond=0)
    assert read.categories == ["Action learning set"]
    assert read.start == _soon() and str(read.start.tzinfo) == "Europe/London"


def test_unknown_event_is_not_found(db):
    """An event that does not exist has no calendar file."""
    assert Client().get(reverse("gatherings:event_ics", args=[999999])).status_code == 404


@pytest.mark.parametrize(
    ("before", "after", "shift"),
    [
        (date(2026, 3, 28), date(2026, 3, 30), timedelta(hours=-1)),  # GMT to BST, 29 March
        (date(2026, 10, 24), date(2026, 10, 26), timedelta(hours=1)),  # BST to GMT, 25 October
    ],
)
def test_event_times_keep_their_london_wall_clock_across_the_clock_change(
    organiser, library, before, after, shift
):
    """18:30 on either side of a clock change reads back as 18:30 London time."""
    instants = []
    for day in (before, after):
        event = _event(
            organiser, starts_at=datetime.combine(day, time(18, 30), tzinfo=LONDON), place=library
        )
        response = Client().get(reverse("gatherings:event_ics", args=[event.pk]))
        assert "DTSTART;TZID=Europe/London:" + day.strftime("%Y%m%d") + "T183000" in _text(response)
        (read,) = _read(response)
        assert str(read.start.tzinfo) == "Europe/London"
        assert (read.start.date(), read.start.hour, read.start.minute) == (day, 18, 30)
        assert (read.end.hour, read.end.minute) == (20, 30)
        instants.append(read.start.astimezone(UTC))
    assert instants[1] - instants[0] == timedelta(days=2) + shift


def test_series_feed_keeps_wall_clock_times_across_next_years_clock_changes(organiser, series):
    """A series' sessions at 18:30 around next year's clock changes all read back as 18:30."""
    year = timezone.localdate().year + 1
    days = []
    for month in (3, 10):
        change = _last_sunday(year, month)
        days += [change - timedelta(days=1), change + timedelta(days=1)]
    for day in days:
        _event(
            organiser,
            starts_at=datetime.combine(day, time(18, 30), tzinfo=LONDON),
            series=series,
            online_url=JOIN,
        )
    read = _read(Client().get(reverse("gatherings:series_ics", args=[series.slug])))
    assert [e.start.date() for e in read] == days
    assert {(e.start.hour, e.start.minute, str(e.start.tzinfo)) for e in read} == {
        (18, 30, "Europe/London")
    }
    utc_hours = [e.start.astimezone(UTC).hour for e in read]
    assert utc_hours == [18, 17, 17, 18]


def test_series_feed_has_the_last_year_and_everything_to_come(organiser, series):
    """Sessions of the past 12 months and all future ones; not older ones, nor other series."""
    now = timezone.now()
    recent = _event(organiser, starts_at=now - timedelta(days=300), series=series, online_url=JOIN)
    _event(organiser, starts_at=now - timedelta(days=400), series=series, online_url=JOIN)
    later = _event(organiser, starts_at=now + timedelta(days=500), series=series, online_url=JOIN)
    _event(organiser, starts_at=now + timedelta(days=5), online_url=JOIN)
    response = Client().get(reverse("gatherings:series_ics", args=[series.slug]))
    uids = [str(e["UID"]) for e in _read(response)]
    assert uids == [f"event-{recent.pk}@coproduce.example", f"event-{later.pk}@coproduce.example"]
    assert response["Content-Disposition"].startswith("inline;")


def test_unknown_series_is_not_found(db):
    """A series that does not exist has no feed."""
    response = Client().get(reverse("gatherings:series_ics", args=["no-such-series"]))
    assert response.status_code == 404


def test_series_feed_queries_do_not_grow_with_events(organiser, series, library):
    """The series feed asks the database the same number of times for 2 events or 40."""
    url = reverse("gatherings:series_ics", args=[series.slug])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            _read(Client().get(url))
        return len(queries)

    for days in (1, 2):
        _event(organiser, starts_at=_soon(days), series=series, place=library)
    few = count()
    for days in range(3, 41):
        _event(organiser, starts_at=_soon(days), series=series, place=library)
    assert count() == few <= 3


def test_cancelled_events_stay_in_the_feed_marked_cancelled(organiser, series):
    """A cancelled session says so, with its new sequence number, so calendars update."""
    event = _event(
        organiser,
        starts_at=_soon(),
        series=series,
        online_url=JOIN,
        status=Event.Status.CANCELLED,
        cancel_reason="The room flooded.",
        sequence=1,
    )
    (read,) = _read(Client().get(reverse("gatherings:series_ics", args=[series.slug])))
    assert read["UID"] == f"event-{event.pk}@coproduce.example"
    assert read["STATUS"] == "CANCELLED"
    assert read["SEQUENCE"] == 1
    assert read["SUMMARY"] == "Cancelled: Action learning set"
    assert "The room flooded." in read["DESCRIPTION"]


def test_place_feed_has_events_at_the_place_and_its_rooms(organiser, library):
    """A place's feed lists events there and in its rooms, not elsewhere."""
    room = PlaceFactory(
        name="Reading room", kind=Place.Kind.ROOM, building=library, ward=library.ward
    )
    here = _event(organiser, starts_at=_soon(1), place=library)
    in_room = _event(organiser, starts_at=_soon(2), place=room)
    _event(organiser, starts_at=_soon(3), place=PlaceFactory())
    read = _read(Client().get(reverse("gatherings:place_ics", args=[library.pk])))
    assert [str(e["UID"]) for e in read] == [
        f"event-{here.pk}@coproduce.example",
        f"event-{in_room.pk}@coproduce.example",
    ]
    assert read[1]["LOCATION"] == "Reading room, Northbrook Library, 1 High Street, NB1 1AA"


def test_hidden_or_unknown_places_have_no_feed(db):
    """Only places shown on the map have a feed."""
    hidden = PlaceFactory(is_listed=False)
    assert Client().get(reverse("gatherings:place_ics", args=[hidden.pk])).status_code == 404
    assert Client().get(reverse("gatherings:place_ics", args=[999999])).status_code == 404


def test_public_feeds_say_online_but_never_give_the_link(organiser, series):
    """Visitors, people without a place and people waiting see "Online", not the link."""
    event = _event(organiser, starts_at=_soon(), series=series, online_url=JOIN, capacity=1)
    waiting = UserFactory()
    _place(event, UserFactory())
    _place(event, waiting, Rsvp.Status.WAITING)
    responses = [
        Client().get(reverse("gatherings:series_ics", args=[series.slug])),
        Client().get(reverse("gatherings:event_ics", args=[event.pk])),
        _as(UserFactory()).get(reverse("gatherings:event_ics", args=[event.pk])),
        _as(waiting).get(reverse("gatherings:event_ics", args=[event.pk])),
    ]
    for response in responses:
        (read,) = _read(response)
        assert read["LOCATION"] == "Online"
        assert JOIN not in _text(response)


def test_people_with_a_place_get_the_link_to_join_online(organiser):
    """Someone with a confirmed place (or an organiser) downloads the event with its link."""
    event = _event(organiser, starts_at=_soon(), online_url=JOIN)
    going = UserFactory()
    _place(event, going)
    for user in (going, organiser):
        response = _as(user).get(reverse("gatherings:event_ics", args=[event.pk]))
        (read,) = _read(response)
        assert read["LOCATION"] == JOIN
        assert f"Join online: {JOIN}" in read["DESCRIPTION"]
        assert response["Cache-Control"] == "private, no-store"


def test_person_feed_has_their_places_and_waiting_list(organiser, library):
    """Confirmed places with the link to join; waiting ones marked and without it."""
    person = UserFactory()
    going = _event(organiser, starts_at=_soon(1), online_url=JOIN, title="Hack day")
    full = _event(organiser, starts_at=_soon(2), online_url=JOIN, title="Forum")
    gave_up = _event(organiser, starts_at=_soon(3), place=library, title="Talk")
    _event(organiser, starts_at=_soon(4), place=library, title="Not mine")
    _place(going, person)
    _place(full, person, Rsvp.Status.WAITING)
    _place(gave_up, person, Rsvp.Status.CANCELLED)
    feed = calendar_feed_get_or_create(user=person)
    response = Client().get(reverse("gatherings:person_ics", args=[feed.token]))
    first, second = _read(response)
    assert (first["SUMMARY"], first["LOCATION"]) == ("Hack day", JOIN)
    assert (second["SUMMARY"], second["LOCATION"]) == ("Waiting list: Forum", "Online")
    assert _text(response).count(JOIN) == 2  # LOCATION and DESCRIPTION of the first only
    assert response["Cache-Control"] == "private, no-store"


def test_feeds_never_say_who_is_coming(organiser, library, series):
    """No attendee's name, email or access request is in any feed, even their own."""
    event = _event(organiser, starts_at=_soon(), place=library, series=series, online_url=JOIN)
    secrets = []
    people = []
    for number, status in enumerate([Rsvp.Status.CONFIRMED, Rsvp.Status.WAITING]):
        person = UserFactory(
            display_name=f"Zebedee{number} Quartermaine", email=f"zq{number}@hidden.example"
        )
        _place(
            event,
            person,
            status,
            access_requests=["creche"],
            access_note=f"Wheelchair user {number}, needs a ramp",
        )
        people.append(person)
        secrets += [f"Zebedee{number}", f"zq{number}", f"Wheelchair user {number}"]
    secrets += ["hidden.example", "creche", "Crèche", "British Sign Language", "ramp"]
    responses = [
        Client().get(reverse("gatherings:event_ics", args=[event.pk])),
        Client().get(reverse("gatherings:series_ics", args=[series.slug])),
        Client().get(reverse("gatherings:place_ics", args=[library.pk])),
    ]
    for person in people:
        token = calendar_feed_get_or_create(user=person).token
        responses.append(Client().get(reverse("gatherings:person_ics", args=[token])))
        responses.append(_as(person).get(reverse("gatherings:event_ics", args=[event.pk])))
    for response in responses:
        assert len(_read(response)) == 1
        text = _text(response)
        for secret in secrets:
            assert secret not in text, secret


def test_person_feed_is_not_found_for_a_wrong_link(db):
    """A link that is no one's gives nothing away."""
    response = Client().get(reverse("gatherings:person_ics", args=["not-a-real-token"]))
    assert response.status_code == 404


def test_person_feed_of_a_closed_account_is_not_found(db):
    """Once an account is closed its calendar link stops working."""
    person = UserFactory()
    token = calendar_feed_get_or_create(user=person).token
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert Client().get(reverse("gatherings:person_ics", args=[token])).status_code == 404


def test_calendar_page_needs_sign_in(db):
    """Visitors are sent to sign in, and no link is made for anyone."""
    url = reverse("gatherings:my_calendar")
    for response in (Client().get(url), Client().post(url)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert not CalendarFeed.objects.exists()


def test_calendar_page_makes_the_link_once_and_shows_it(organiser):
    """Opening the page makes nothing; the button makes the link; visits show the same one."""
    person = UserFactory()
    event = _event(organiser, starts_at=_soon(), online_url=JOIN, title="Open Space day")
    _place(event, person)
    client, url = _as(person), reverse("gatherings:my_calendar")
    assert "You do not have a calendar link yet." in client.get(url).text
    assert not CalendarFeed.objects.exists()
    response = client.get(client.post(url)["Location"])
    assert "Your calendar link is ready." in response.text
    feed, body = CalendarFeed.objects.get(user=person), response.text
    assert body.count("<h1") == 1
    path = reverse("gatherings:person_ics", args=[feed.token])
    assert f'value="{SITE}{path}"' in body
    assert f'href="webcal://coproduce.example{path}"' in body
    assert reverse("gatherings:event_ics", args=[event.pk]) in body
    assert "Open Space day" in body
    client.get(url)
    assert CalendarFeed.objects.get(user=person).token == feed.token


def test_making_a_new_link_stops_the_old_one(db):
    """After "Make a new link" the old link is not found and the new one works."""
    person = UserFactory()
    old = calendar_feed_get_or_create(user=person).token
    client = _as(person)
    response = client.post(reverse("gatherings:my_calendar"))
    assert response.status_code == 302
    assert response["Location"] == reverse("gatherings:my_calendar")
    new = CalendarFeed.objects.get(user=person).token
    assert new != old
    assert Client().get(reverse("gatherings:person_ics", args=[old])).status_code == 404
    _read(Client().get(reverse("gatherings:person_ics", args=[new])))
    assert "The old link has stopped working." in client.get(response["Location"]).content.decode()
