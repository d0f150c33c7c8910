"""Organisers' event pages: putting on an event, changing and cancelling it, who is coming and
who came. Each URL is tried as a visitor, a resident, a resident with a place, the event's
organiser and an officer."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Event, Rsvp
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.places.tests.factories import PlaceFactory

from .event_cast import event_cast
from .factories import EventFactory, SeriesFactory
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """An event with its organiser, someone with a place, a resident and an officer."""
    return event_cast()


def _event_form(where, **overrides) -> dict:
    data = {
        "title": "Repair café",
        "summary": "Bring something broken and we will fix it together.",
        "description": "",
        "kind": Event.Kind.WORKSHOP,
        "day": "17/6/2030",
        "starts": "10:00",
        "ends": "13:00",
        "place": where.pk,
        "online_url": "",
        "capacity": "20",
        "access_provisions": ["step_free"],
    }
    data.update(overrides)
    return data


# Putting on an event


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", SIGN_IN),
        ("resident", 403),
        ("attendee", 403),
        ("organiser", 200),
        ("officer", 200),
    ],
)
def test_only_organisers_and_officers_may_open_the_new_event_form(client, cast, role, expected):
    """Residents are refused the form; visitors are sent to sign in."""
    check(as_role(client, cast, role).get(reverse("gatherings:event_create")), expected)


def test_a_resident_cannot_put_on_an_event_by_posting(client, cast):
    """Posting the form as a resident is refused and saves nothing."""
    before = Event.objects.count()
    client.force_login(cast.resident)
    response = client.post(reverse("gatherings:event_create"), _event_form(PlaceFactory()))
    assert response.status_code == 403
    assert Event.objects.count() == before


def test_an_organiser_puts_on_an_event(client, cast):
    """A good form saves the event, with its organiser, and shows its page."""
    client.force_login(cast.organiser)
    response = client.post(reverse("gatherings:event_create"), _event_form(PlaceFactory()))
    event = Event.objects.get(title="Repair café")
    assert response["Location"] == reverse("gatherings:event", args=[event.pk])
    assert list(event.organisers.all()) == [cast.organiser]
    assert event.capacity == 20 and event.access_provisions == ["step_free"]
    assert timezone.localtime(event.starts_at).hour == 10


def test_an_empty_event_form_is_a_400_with_a_message_per_field(client, cast):
    """Nothing filled in: 400, an error summary and a message for each thing missing."""
    before = Event.objects.count()
    client.force_login(cast.organiser)
    response = client.post(reverse("gatherings:event_create"), {"title": ""})
    assert response.status_code == 400
    page = text(response)
    assert "govuk-error-summary" in page and "There is a problem" in page
    for message in [
        "Give the event a title",
        "Say in a sentence what the event is",
        "Choose what kind of event it is",
        "Enter the date",
        "Enter the time",
    ]:
        assert message in page
    assert Event.objects.count() == before


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"ends": "09:00"}, "The end time must be after the start time"),
        ({"place": "", "online_url": ""}, "Choose a place, or give a link to join online"),
        ({"day": "31/2/2030"}, "The date must be a real date"),
        ({"capacity": "0"}, "Enter 1 place or more"),
        ({"access_provisions": ["jetpack"]}, "Choose access support from the list"),
        ({"day": "1/1/2020"}, "The start must be in the future."),
    ],
)
def test_a_bad_event_form_says_what_is_wrong_and_saves_nothing(client, cast, overrides, message):
    """Each mistake gets its own message, in a 400 with an error summary."""
    before = Event.objects.count()
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:event_create"), _event_form(PlaceFactory(), **overrides)
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert message in text(response)
    assert Event.objects.count() == before


def test_an_event_can_be_online_only(client, cast):
    """With no place but a link, the event is online."""
    client.force_login(cast.organiser)
    client.post(
        reverse("gatherings:event_create"),
        _event_form(PlaceFactory(), place="", online_url="https://meet.example/room"),
    )
    event = Event.objects.get(title="Repair café")
    assert event.is_online and event.online_url == "https://meet.example/room"


def test_an_event_is_added_to_a_series_its_organiser_runs(client, cast):
    """With ?series=, the new event joins that series."""
    series = SeriesFactory(organisers=[cast.organiser])
    client.force_login(cast.organiser)
    url = reverse("gatherings:event_create") + f"?series={series.slug}"
    assert client.get(url).status_code == 200
    client.post(url, _event_form(PlaceFactory()))
    assert Event.objects.get(title="Repair café").series == series


def test_nobody_adds_events_to_a_series_they_do_not_run(client, cast):
    """Another organiser's series is not found."""
    series = SeriesFactory(organisers=[cast.other_organiser])
    client.force_login(cast.organiser)
    response = client.get(reverse("gatherings:event_create") + f"?series={series.slug}")
    assert response.status_code == 404


# Changing and cancelling an event

OWNERS_ONLY = [
    ("visitor", SIGN_IN),
    ("resident", 403),
    ("attendee", 403),
    ("other_organiser", 403),
    ("organiser", 200),
    ("officer", 200),
]


@pytest.mark.parametrize(("role", "expected"), OWNERS_ONLY)
def test_only_the_events_organisers_and_officers_may_change_it(client, cast, role, expected):
    """The change form is for the event's own organisers and officers."""
    check(
        as_role(client, cast, role).get(reverse("gatherings:event_edit", args=[cast.event.pk])),
        expected,
    )


def test_the_change_form_starts_with_the_events_details(client, cast):
    """The form is filled in with what the event is now."""
    client.force_login(cast.organiser)
    response = client.get(reverse("gatherings:event_edit", args=[cast.event.pk]))
    assert 'value="Canal clean-up planning"' in response.text
    for box, value in [("day", "17"), ("month", "6"), ("year", "2030")]:
        assert re.search(rf'name="day-{box}"[^>]*value="{value}"', response.text), box
    assert 'value="6pm"' in response.text


def test_an_organiser_changes_the_event(client, cast):
    """A good form saves the change and goes back to the event."""
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:event_edit", args=[cast.event.pk]),
        _event_form(cast.event.place, title="Canal clean-up, second go", capacity="12"),
    )
    assert response["Location"] == reverse("gatherings:event", args=[cast.event.pk])
    cast.event.refresh_from_db()
    assert cast.event.title == "Canal clean-up, second go" and cast.event.capacity == 12


def test_places_cannot_drop_below_those_taken(client, cast):
    """Fewer places than people going is a 400 that says how many are going."""
    rsvp_join(event=cast.event, user=UserFactory())
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:event_edit", args=[cast.event.pk]),
        _event_form(cast.event.place, capacity="1"),
    )
    assert response.status_code == 400
    assert "2 people already have a place" in response.text
    cast.event.refresh_from_db()
    assert cast.event.capacity == 10


def test_a_resident_cannot_change_an_event_by_posting(client, cast):
    """Posting the change form as someone with a place is refused."""
    client.force_login(cast.attendee)
    response = client.post(
        reverse("gatherings:event_edit", args=[cast.event.pk]),
        _event_form(cast.event.place, title="Hijacked"),
    )
    assert response.status_code == 403
    cast.event.refresh_from_db()
    assert cast.event.title == "Canal clean-up planning"


@pytest.mark.parametrize(("role", "expected"), OWNERS_ONLY)
def test_only_the_events_organisers_and_officers_may_cancel_it(client, cast, role, expected):
    """The cancel page is for the event's own organisers and officers."""
    check(
        as_role(client, cast, role).get(reverse("gatherings:event_cancel", args=[cast.event.pk])),
        expected,
    )


def test_cancelling_needs_a_reason(client, cast):
    """No reason: 400 with the message, and the event goes ahead."""
    client.force_login(cast.organiser)
    response = client.post(reverse("gatherings:event_cancel", args=[cast.event.pk]), {"reason": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Give a reason, so people know why" in response.text
    cast.event.refresh_from_db()
    assert not cast.event.is_cancelled


def test_an_organiser_cancels_the_event_with_a_reason(client, cast):
    """With a reason, the event is cancelled."""
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:event_cancel", args=[cast.event.pk]), {"reason": "The hall flooded."}
    )
    assert response["Location"] == reverse("gatherings:event", args=[cast.event.pk])
    cast.event.refresh_from_db()
    assert cast.event.is_cancelled and cast.event.cancel_reason == "The hall flooded."


def test_a_resident_cannot_cancel_an_event_by_posting(client, cast):
    """Posting the cancel form as someone with a place is refused."""
    client.force_login(cast.attendee)
    response = client.post(
        reverse("gatherings:event_cancel", args=[cast.event.pk]), {"reason": "Not keen."}
    )
    assert response.status_code == 403
    cast.event.refresh_from_db()
    assert not cast.event.is_cancelled


# The organisers' pages: who is coming, and who came


@pytest.mark.parametrize(("role", "expected"), OWNERS_ONLY)
def test_only_organisers_and_officers_see_who_is_coming(client, cast, role, expected):
    """The attendee list is for the event's organisers and officers."""
    check(
        as_role(client, cast, role).get(reverse("gatherings:attendees", args=[cast.event.pk])),
        expected,
    )


def test_the_attendee_list_shows_places_and_the_waiting_list(client, cast):
    """Organisers see who has a place and who is waiting, and the support to plan for."""
    event = EventFactory(capacity=1, organisers=[cast.organiser], access_provisions=["bsl"])
    rsvp_join(event=event, user=cast.attendee, access_requests=["bsl"])
    rsvp_join(event=event, user=cast.resident)
    client.force_login(cast.organiser)
    page = text(client.get(reverse("gatherings:attendees", args=[event.pk])))
    assert "1 person has a place" in page and "1 person waiting" in page
    assert "British Sign Language (BSL) interpreter: 1" in page
    assert "Ada Attendee" in page and "Rae Resident" in page


@pytest.mark.parametrize(("role", "expected"), OWNERS_ONLY)
def test_only_organisers_and_officers_may_record_who_came(client, cast, role, expected):
    """The attendance page is for the event's organisers and officers."""
    check(
        as_role(client, cast, role).get(reverse("gatherings:attendance", args=[cast.event.pk])),
        expected,
    )


def test_attendance_cannot_be_recorded_before_the_start(client, cast):
    """Before the event, posting is a 400 with the reason and nothing is recorded."""
    rsvp = Rsvp.objects.get(user=cast.attendee)
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:attendance", args=[cast.event.pk]), {"came": [rsvp.pk]}
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "once the event has started" in response.text
    rsvp.refresh_from_db()
    assert rsvp.attended is None


def _started_event_with(host, *people) -> Event:
    event = EventFactory(organisers=[host])
    for person in people:
        rsvp_join(event=event, user=person)
    starts = timezone.now() - timedelta(hours=3)
    Event.objects.filter(pk=event.pk).update(starts_at=starts, ends_at=starts + timedelta(hours=2))
    event.refresh_from_db()
    return event


def test_an_organiser_records_who_came(client, cast):
    """Ticked people are recorded as coming, the others as not."""
    came, missed = UserFactory(), UserFactory()
    event = _started_event_with(cast.organiser, came, missed)
    client.force_login(cast.organiser)
    page = client.get(reverse("gatherings:attendance", args=[event.pk])).text
    assert "Tick everyone who came" in page
    came_rsvp = Rsvp.objects.get(event=event, user=came)
    response = client.post(
        reverse("gatherings:attendance", args=[event.pk]), {"came": [came_rsvp.pk]}, follow=True
    )
    assert "Saved: 1 of 2 came." in response.text
    assert dict(event.rsvps.values_list("user_id", "attended")) == {came.pk: True, missed.pk: False}


def test_attendance_takes_only_people_with_a_place(client, cast):
    """Someone not on the list, or not a number, is a 400 and nothing is recorded."""
    event = _started_event_with(cast.organiser, UserFactory())
    client.force_login(cast.organiser)
    for bad in (["999999"], ["someone"]):
        response = client.post(reverse("gatherings:attendance", args=[event.pk]), {"came": bad})
        assert response.status_code == 400
        assert "Choose people from the list" in response.text
    assert event.rsvps.get().attended is None


def test_a_resident_cannot_record_attendance_by_posting(client, cast):
    """Posting the attendance form as someone with a place is refused."""
    event = _started_event_with(cast.organiser, cast.attendee)
    rsvp = Rsvp.objects.get(event=event, user=cast.attendee)
    client.force_login(cast.attendee)
    response = client.post(reverse("gatherings:attendance", args=[event.pk]), {"came": [rsvp.pk]})
    assert response.status_code == 403
    rsvp.refresh_from_db()
    assert rsvp.attended is None
