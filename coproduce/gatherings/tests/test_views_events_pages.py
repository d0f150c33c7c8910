"""Event pages everyone sees: the list, an event, your events and the calendar links. Each URL
is tried as a visitor, a resident, a resident with a place, the event's organiser and an
officer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import CalendarFeed, Event
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.places.tests.factories import PlaceFactory

from .event_cast import ROLES, event_cast, past_event
from .factories import ActionFactory, EventFactory, SeriesFactory
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """An event with its organiser, someone with a place, a resident and an officer."""
    return event_cast()


# The list of events


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_list_of_events(client, cast, role):
    """The list is public and shows events to come."""
    response = as_role(client, cast, role).get(reverse("gatherings:list"))
    assert response.status_code == 200
    assert "Canal clean-up planning" in response.text


@pytest.mark.parametrize(
    ("role", "shown"),
    [("visitor", False), ("resident", False), ("organiser", True), ("officer", True)],
)
def test_only_organisers_and_officers_get_the_put_on_an_event_button(client, cast, role, shown):
    """The button to put on an event is offered only to those who may."""
    response = as_role(client, cast, role).get(reverse("gatherings:list"))
    assert (reverse("gatherings:event_create") in response.text) is shown


def test_past_events_are_not_in_the_list(client, cast):
    """An event that has ended is left out of the list."""
    past_event(title="Last week's meet-up")
    response = client.get(reverse("gatherings:list"))
    assert "Last week's meet-up" not in text(response)


def test_the_list_filters_by_kind(client, cast):
    """Choosing a kind shows only events of that kind."""
    EventFactory(title="Hack the high street", kind=Event.Kind.HACK_DAY)
    response = client.get(reverse("gatherings:list"), {"kind": Event.Kind.HACK_DAY})
    assert response.status_code == 200
    assert "Hack the high street" in response.text
    assert "Canal clean-up planning" not in response.text


def test_a_bad_filter_is_a_400_with_an_error_summary(client, cast):
    """An unknown kind gets a 400 and says what is wrong."""
    response = client.get(reverse("gatherings:list"), {"kind": "juggling"})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Choose a kind of event from the list" in response.text


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("gatherings:list"))
    assert response.status_code == 200
    return len(queries)


def test_the_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    """The number of queries does not grow with the number of events listed."""
    for _ in range(2):
        EventFactory(series=SeriesFactory())
    few = _list_queries(client)
    assert few <= 5
    for _ in range(18):
        EventFactory(series=SeriesFactory(), capacity=5)
    with django_assert_max_num_queries(few):
        response = client.get(reverse("gatherings:list"))
    assert "20 events coming up" in response.text


# One event's page


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_an_event(client, cast, role):
    """The event page is public."""
    response = as_role(client, cast, role).get(reverse("gatherings:event", args=[cast.event.pk]))
    assert response.status_code == 200
    assert "Canal clean-up planning" in response.text


def test_an_event_that_does_not_exist_is_a_404(client):
    """An unknown event number is not found."""
    assert client.get(reverse("gatherings:event", args=[999_999])).status_code == 404


def test_a_visitor_is_asked_to_sign_in_to_take_a_place(client, cast):
    """Visitors see a sign-in link, not the form."""
    response = client.get(reverse("gatherings:event", args=[cast.event.pk]))
    assert "Sign in to take a place" in response.text
    assert reverse("gatherings:rsvp", args=[cast.event.pk]) not in response.text


def test_a_resident_is_offered_a_place_with_the_support_on_offer(client, cast):
    """Signed in, a resident gets the form with the access support the event offers."""
    client.force_login(cast.resident)
    response = client.get(reverse("gatherings:event", args=[cast.event.pk]))
    page = text(response)
    assert "Take a place" in page
    assert "Crèche" in page and "British Sign Language (BSL) interpreter" in page
    assert "Hearing loop" not in page


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("visitor", False),
        ("resident", False),
        ("attendee", False),
        ("organiser", True),
        ("officer", True),
    ],
)
def test_only_organisers_see_the_links_for_organisers(client, cast, role, shown):
    """The attendee list and the change and cancel links are for organisers."""
    response = as_role(client, cast, role).get(reverse("gatherings:event", args=[cast.event.pk]))
    assert (reverse("gatherings:attendees", args=[cast.event.pk]) in response.text) is shown
    assert (reverse("gatherings:event_edit", args=[cast.event.pk]) in response.text) is shown


def test_a_full_event_offers_the_waiting_list(client, cast):
    """When every place is taken the button says so."""
    event = EventFactory(capacity=1)
    rsvp_join(event=event, user=UserFactory())
    client.force_login(cast.resident)
    response = client.get(reverse("gatherings:event", args=[event.pk]))
    assert "Join the waiting list" in response.text


def test_a_cancelled_event_takes_no_places(client, cast):
    """A cancelled event says why and has no form."""
    event = EventFactory(status=Event.Status.CANCELLED, cancel_reason="The hall flooded.")
    client.force_login(cast.resident)
    response = client.get(reverse("gatherings:event", args=[event.pk]))
    assert "The hall flooded." in response.text
    assert "You cannot take a place: the event is cancelled." in response.text


# Your events


def test_a_visitor_is_sent_to_sign_in_for_their_events(client):
    """ "Your events" needs an account."""
    check(client.get(reverse("gatherings:mine")), SIGN_IN)


def test_your_events_shows_your_places_and_your_actions(client, cast):
    """Someone sees the events they are going to and the actions they took on."""
    ActionFactory(owner=cast.attendee, text="Ring the canal trust")
    client.force_login(cast.attendee)
    response = client.get(reverse("gatherings:mine"))
    assert response.status_code == 200
    assert "Canal clean-up planning" in response.text
    assert "Ring the canal trust" in response.text


def test_your_events_does_not_show_other_peoples_places(client, cast):
    """A resident without a place sees none of the event's places."""
    client.force_login(cast.resident)
    response = client.get(reverse("gatherings:mine"))
    assert "Canal clean-up planning" not in response.text
    assert "You have no events coming up." in response.text


# Calendar links (the feeds' contents are tested in test_feeds.py and test_privacy.py)


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_download_an_event(client, cast, role):
    """An event's .ics file is public."""
    response = as_role(client, cast, role).get(
        reverse("gatherings:event_ics", args=[cast.event.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")


def test_an_unknown_events_calendar_file_is_a_404(client):
    """No event, no file."""
    assert client.get(reverse("gatherings:event_ics", args=[999_999])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_subscribe_to_a_series_and_a_place(client, cast, role):
    """The calendars of a series and of a place are public."""
    series = SeriesFactory()
    as_role(client, cast, role)
    assert client.get(reverse("gatherings:series_ics", args=[series.slug])).status_code == 200
    place_ics = reverse("gatherings:place_ics", args=[cast.event.place_id])
    assert client.get(place_ics).status_code == 200


def test_a_hidden_places_calendar_is_a_404(client):
    """A place not shown on the map has no public calendar."""
    place = PlaceFactory(is_listed=False)
    assert client.get(reverse("gatherings:place_ics", args=[place.pk])).status_code == 404


def test_a_visitor_is_sent_to_sign_in_for_their_calendar_link(client):
    """The page with a private calendar link needs an account."""
    check(client.get(reverse("gatherings:my_calendar")), SIGN_IN)


def test_a_resident_gets_their_own_calendar_link(client, cast):
    """The calendar page gives the person their private link, which works."""
    client.force_login(cast.attendee)
    client.post(reverse("gatherings:my_calendar"))
    response = client.get(reverse("gatherings:my_calendar"))
    assert response.status_code == 200
    token = CalendarFeed.objects.get(user=cast.attendee).token
    assert token in response.text
    client.logout()
    feed = client.get(reverse("gatherings:person_ics", args=[token]))
    assert feed.status_code == 200 and "Canal clean-up planning" in feed.text


def test_a_made_up_calendar_link_is_a_404(client):
    """A private calendar link that was never given out is not found."""
    assert client.get(reverse("gatherings:person_ics", args=["nope"])).status_code == 404


def _event_page_queries(client, event) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("gatherings:event", args=[event.pk]))
    assert response.status_code == 200
    return len(queries)


def test_who_set_an_event_up_is_read_with_it(client):
    """The report link leaves out the event's own people: its creator comes with the event,
    so an event someone set up costs a resident no more queries than one nobody did."""
    client.force_login(UserFactory())
    nobody = EventFactory(created_by=None)
    somebody = EventFactory(created_by=UserFactory())
    _event_page_queries(client, nobody)  # the session and the like, read once
    assert _event_page_queries(client, somebody) == _event_page_queries(client, nobody)
