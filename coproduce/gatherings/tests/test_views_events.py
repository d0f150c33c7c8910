"""Event pages: the list, an event, places and waiting lists, invitations, organisers' pages,
series and the calendar links. Each URL is tried as a visitor, a resident, a resident with a
place, the event's organiser and an officer."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import CalendarFeed, Event, Rsvp, Series
from coproduce.gatherings.services.places import rsvp_join
from coproduce.places.tests.factories import PlaceFactory

from .factories import (
    ActionFactory,
    BarrierFactory,
    EventFactory,
    SeriesFactory,
    SetSessionFactory,
    TreatmentFactory,
    officer,
    organiser,
)
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db

ROLES = ("visitor", "resident", "attendee", "organiser", "officer")


def _past_event(**kwargs) -> Event:
    starts = timezone.now() - timedelta(days=2)
    return EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2), **kwargs)


@pytest.fixture
def cast():
    """An event with its organiser, someone with a place, a resident and an officer."""
    host = organiser(display_name="Olu Organiser")
    event = EventFactory(
        title="Canal clean-up planning",
        organisers=[host],
        capacity=10,
        access_provisions=["creche", "bsl"],
    )
    attendee = UserFactory(display_name="Ada Attendee")
    rsvp_join(event=event, user=attendee)
    return SimpleNamespace(
        event=event,
        organiser=host,
        attendee=attendee,
        resident=UserFactory(display_name="Rae Resident"),
        officer=officer(display_name="Oona Officer"),
        other_organiser=organiser(display_name="Otto Other"),
    )


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
    _past_event(title="Last week's meet-up")
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
        ({"day": "31/2/2030"}, "Enter the date as day/month/year"),
        ({"capacity": "0"}, "Enter a number of places of 1 or more"),
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
    assert 'value="17/06/2030"' in response.text and 'value="18:00"' in response.text


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


# Taking a place, the waiting list, giving a place up


def test_a_visitor_is_sent_to_sign_in_to_take_a_place(client, cast):
    """The place form needs an account."""
    check(client.get(reverse("gatherings:rsvp", args=[cast.event.pk])), SIGN_IN)
    check(client.post(reverse("gatherings:rsvp", args=[cast.event.pk]), {}), SIGN_IN)
    assert cast.event.rsvps.count() == 1


@pytest.mark.parametrize("role", ["resident", "attendee", "organiser", "officer"])
def test_anyone_signed_in_may_open_the_place_form(client, cast, role):
    """The form to take a place (or change access needs) is for anyone signed in."""
    response = as_role(client, cast, role).get(reverse("gatherings:rsvp", args=[cast.event.pk]))
    assert response.status_code == 200


def test_a_resident_takes_a_place_with_their_access_needs(client, cast):
    """A place is confirmed, with the support asked for and the note."""
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:rsvp", args=[cast.event.pk]),
        {"access_requests": ["creche"], "access_note": "My son is 3."},
    )
    assert response["Location"] == reverse("gatherings:event", args=[cast.event.pk])
    rsvp = Rsvp.objects.get(event=cast.event, user=cast.resident)
    assert rsvp.status == Rsvp.Status.CONFIRMED
    assert rsvp.access_requests == ["creche"] and rsvp.access_note == "My son is 3."
    page = client.get(response["Location"]).text
    assert "You have a place" in page


def test_support_the_event_does_not_offer_is_refused(client, cast):
    """Asking for support not on offer is a 400 with the message, and no place is taken."""
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:rsvp", args=[cast.event.pk]), {"access_requests": ["hearing_loop"]}
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Choose from the support this event offers" in response.text
    assert not Rsvp.objects.filter(user=cast.resident).exists()


def test_a_note_that_is_too_long_is_refused(client, cast):
    """A note over 2,000 characters is a 400 and no place is taken."""
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:rsvp", args=[cast.event.pk]), {"access_note": "x" * 2001}
    )
    assert response.status_code == 400
    assert "Use 2000 characters or fewer" in response.text
    assert not Rsvp.objects.filter(user=cast.resident).exists()


def test_when_the_event_is_full_people_join_the_waiting_list(client, cast):
    """The next person after the last place goes on the waiting list, and is told their number."""
    event = EventFactory(capacity=1)
    rsvp_join(event=event, user=UserFactory())
    client.force_login(cast.resident)
    response = client.post(reverse("gatherings:rsvp", args=[event.pk]), {"access_note": ""})
    assert Rsvp.objects.get(event=event, user=cast.resident).status == Rsvp.Status.WAITING
    page = client.get(response["Location"]).text
    assert "You are number 1 on the waiting list" in page
    event.refresh_from_db()
    assert (event.confirmed_count, event.waiting_count) == (1, 1)


def test_asking_again_only_changes_the_access_needs(client, cast):
    """Someone with a place who saves the form again keeps their place, with new needs."""
    client.force_login(cast.attendee)
    client.post(reverse("gatherings:rsvp", args=[cast.event.pk]), {"access_requests": ["bsl"]})
    rsvp = Rsvp.objects.get(event=cast.event, user=cast.attendee)
    assert rsvp.status == Rsvp.Status.CONFIRMED and rsvp.access_requests == ["bsl"]
    cast.event.refresh_from_db()
    assert cast.event.confirmed_count == 1


def test_giving_up_a_place_moves_the_first_person_waiting_up(client, cast):
    """The first on the waiting list gets the place given up; the second stays waiting."""
    event = EventFactory(capacity=1)
    holder, first, second = UserFactory(), UserFactory(), UserFactory()
    for person in (holder, first, second):
        rsvp_join(event=event, user=person)
    client.force_login(holder)
    response = client.post(reverse("gatherings:rsvp_cancel", args=[event.pk]))
    assert response["Location"] == reverse("gatherings:event", args=[event.pk])
    statuses = dict(event.rsvps.values_list("user_id", "status"))
    assert statuses == {
        holder.pk: Rsvp.Status.CANCELLED,
        first.pk: Rsvp.Status.CONFIRMED,
        second.pk: Rsvp.Status.WAITING,
    }


def test_giving_up_needs_a_post(client, cast):
    """Following a link to give up a place does nothing."""
    client.force_login(cast.attendee)
    response = client.get(reverse("gatherings:rsvp_cancel", args=[cast.event.pk]))
    assert response.status_code == 405
    assert Rsvp.objects.get(user=cast.attendee).status == Rsvp.Status.CONFIRMED


def test_a_visitor_is_sent_to_sign_in_to_give_up_a_place(client, cast):
    """Giving up a place needs an account."""
    check(client.post(reverse("gatherings:rsvp_cancel", args=[cast.event.pk])), SIGN_IN)


def test_giving_up_a_place_you_do_not_have_changes_nothing(client, cast):
    """Someone without a place is told so."""
    client.force_login(cast.resident)
    response = client.post(reverse("gatherings:rsvp_cancel", args=[cast.event.pk]), follow=True)
    assert "You did not have a place at this event." in response.text
    cast.event.refresh_from_db()
    assert cast.event.confirmed_count == 1


def test_a_place_cannot_be_given_up_once_the_event_has_started(client, cast):
    """After the start, giving up is a 400 with the reason, and the place stays."""
    event = EventFactory()
    person = UserFactory()
    rsvp_join(event=event, user=person)
    Event.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(minutes=10),
        ends_at=timezone.now() + timedelta(hours=1),
    )
    client.force_login(person)
    response = client.post(reverse("gatherings:rsvp_cancel", args=[event.pk]))
    assert response.status_code == 400
    assert "This event has already started." in response.text
    assert Rsvp.objects.get(user=person).status == Rsvp.Status.CONFIRMED


def test_no_place_is_taken_after_the_start(client, cast):
    """Asking for a place at a past event is a 400 with the reason."""
    event = _past_event()
    client.force_login(cast.resident)
    response = client.post(reverse("gatherings:rsvp", args=[event.pk]), {"access_note": ""})
    assert response.status_code == 400
    assert "This event has already started." in response.text
    assert not Rsvp.objects.filter(event=event).exists()


# Bring a friend


def test_people_with_a_place_get_a_bring_a_friend_link(client, cast):
    """Someone with a place sees their own invitation link."""
    rsvp = Rsvp.objects.get(user=cast.attendee)
    client.force_login(cast.attendee)
    response = client.get(reverse("gatherings:event", args=[cast.event.pk]))
    assert "Bring a friend" in response.text
    assert reverse("gatherings:invite", args=[rsvp.invite_token]) in response.text


def test_people_without_a_place_get_no_invitation_link(client, cast):
    """A resident without a place has no link to hand out."""
    client.force_login(cast.resident)
    response = client.get(reverse("gatherings:event", args=[cast.event.pk]))
    assert "Bring a friend" not in response.text


@pytest.mark.parametrize("role", ROLES)
def test_an_invitation_link_shows_the_event_and_who_invited_you(client, cast, role):
    """Anyone with the link sees the event and the name of who sent it."""
    token = Rsvp.objects.get(user=cast.attendee).invite_token
    response = as_role(client, cast, role).get(reverse("gatherings:invite", args=[token]))
    assert response.status_code == 200
    assert "Ada Attendee has invited you to this event." in response.text


def test_a_made_up_invitation_link_is_a_404(client, cast):
    """A link that was never given out is not found."""
    assert client.get(reverse("gatherings:invite", args=["not-a-token"])).status_code == 404


def test_an_invitation_stops_working_when_its_sender_gives_up_their_place(client, cast):
    """Once the person who sent it has no place, the link is not found."""
    token = Rsvp.objects.get(user=cast.attendee).invite_token
    client.force_login(cast.attendee)
    client.post(reverse("gatherings:rsvp_cancel", args=[cast.event.pk]))
    client.logout()
    assert client.get(reverse("gatherings:invite", args=[token])).status_code == 404


def test_a_place_taken_from_an_invitation_records_who_invited(client, cast):
    """The friend's place names the person whose link they used."""
    token = Rsvp.objects.get(user=cast.attendee).invite_token
    client.force_login(cast.resident)
    page = client.get(reverse("gatherings:invite", args=[token])).text
    assert f'name="invite" value="{token}"' in page
    client.post(reverse("gatherings:rsvp", args=[cast.event.pk]), {"invite": token})
    rsvp = Rsvp.objects.get(event=cast.event, user=cast.resident)
    assert rsvp.invited_by == cast.attendee


def test_an_invitation_to_another_event_records_nobody(client, cast):
    """A token from a different event does not name an inviter."""
    other = EventFactory()
    token = Rsvp.objects.get(user=cast.attendee).invite_token
    client.force_login(cast.resident)
    client.post(reverse("gatherings:rsvp", args=[other.pk]), {"invite": token})
    assert Rsvp.objects.get(event=other, user=cast.resident).invited_by is None


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


# Series


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_list_of_series(client, cast, role):
    """The list of series is public."""
    SeriesFactory(title="Shop-front talks")
    response = as_role(client, cast, role).get(reverse("gatherings:series_list"))
    assert response.status_code == 200
    assert "Shop-front talks" in response.text


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
def test_only_organisers_and_officers_may_set_up_a_series(client, cast, role, expected):
    """The series form is for organisers and officers."""
    check(as_role(client, cast, role).get(reverse("gatherings:series_create")), expected)


def test_an_organiser_sets_up_a_series(client, cast):
    """A good form saves the series, run by whoever set it up."""
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:series_create"),
        {
            "title": "Coproduction Action Learning Set",
            "summary": "Once a month, bring a project.",
            "kind": Event.Kind.ACTION_LEARNING_SET,
        },
    )
    series = Series.objects.get(title="Coproduction Action Learning Set")
    assert response["Location"] == reverse("gatherings:series", args=[series.slug])
    assert list(series.organisers.all()) == [cast.organiser]


def test_an_empty_series_form_is_a_400_with_messages(client, cast):
    """Nothing filled in: 400, an error summary, a message for each field, nothing saved."""
    client.force_login(cast.organiser)
    response = client.post(reverse("gatherings:series_create"), {"title": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    for message in [
        "Give the series a title",
        "Say in a sentence what the series is",
        "Choose what kind of events it has",
    ]:
        assert message in response.text
    assert not Series.objects.exists()


def test_a_resident_cannot_set_up_a_series_by_posting(client, cast):
    """Posting the series form as a resident is refused."""
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:series_create"),
        {"title": "Mine", "summary": "Mine.", "kind": Event.Kind.TALK},
    )
    assert response.status_code == 403
    assert not Series.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_a_series(client, cast, role):
    """A series page is public and lists its events."""
    series = SeriesFactory(title="Monthly set")
    SetSessionFactory(series=series, title="June session")
    response = as_role(client, cast, role).get(reverse("gatherings:series", args=[series.slug]))
    assert response.status_code == 200
    assert "June session" in response.text


def test_a_series_that_does_not_exist_is_a_404(client):
    """An unknown series is not found."""
    assert client.get(reverse("gatherings:series", args=["no-such-series"])).status_code == 404


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("visitor", False),
        ("resident", False),
        ("other_organiser", False),
        ("organiser", True),
        ("officer", True),
    ],
)
def test_only_the_series_organisers_may_add_events_to_it(client, cast, role, shown):
    """The button to add an event is for the series' organisers and officers."""
    series = SeriesFactory(organisers=[cast.organiser])
    response = as_role(client, cast, role).get(reverse("gatherings:series", args=[series.slug]))
    assert ("Add an event to this series" in response.text) is shown


def test_a_sets_page_shows_each_projects_progress(client):
    """An action learning set's page counts actions done and barriers busted, per project."""
    series = SeriesFactory()
    treatment = TreatmentFactory(event=SetSessionFactory(series=series), title="Tool library")
    ActionFactory(treatment=treatment, status="done")
    ActionFactory(treatment=treatment)
    BarrierFactory(treatment=treatment)
    page = text(client.get(reverse("gatherings:series", args=[series.slug])))
    assert "Tool library" in page
    assert "1 of 2" in page and "0 of 1" in page


def test_a_series_of_talks_has_no_progress_table(client):
    """Only action learning sets show projects' progress."""
    series = SeriesFactory(kind=Event.Kind.TALK)
    response = client.get(reverse("gatherings:series", args=[series.slug]))
    assert "What projects have done since their treatment" not in response.text


def _grow_series(series, n: int) -> None:
    for _ in range(n):
        past = timezone.now() - timedelta(days=30)
        for starts in (past, timezone.now() + timedelta(days=30)):
            session = SetSessionFactory(
                series=series, starts_at=starts, ends_at=starts + timedelta(hours=2)
            )
            treatment = TreatmentFactory(event=session)
            ActionFactory(treatment=treatment, status="done")
            BarrierFactory(treatment=treatment)


def _series_queries(client, series) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("gatherings:series", args=[series.slug]))
    assert response.status_code == 200
    return len(queries)


def test_a_series_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    """The series page's queries do not grow with its sessions, projects, actions or barriers."""
    series = SeriesFactory()
    _grow_series(series, 1)
    few = _series_queries(client, series)
    assert few <= 8
    _grow_series(series, 6)
    with django_assert_max_num_queries(few):
        client.get(reverse("gatherings:series", args=[series.slug]))


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
