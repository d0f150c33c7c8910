"""Taking a place at an event, the waiting list, giving a place up, and "bring a friend"
invitations. Each URL is tried as a visitor, a resident, a resident with a place, the event's
organiser and an officer."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Event, Rsvp
from coproduce.gatherings.services.rsvps import rsvp_join

from .event_cast import ROLES, event_cast, past_event
from .factories import EventFactory
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db

GIVE_UP = {"confirm": "yes"}  # the answer sent from the "Are you sure?" page


@pytest.fixture
def cast():
    """An event with its organiser, someone with a place, a resident and an officer."""
    return event_cast()


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
    response = client.post(
        reverse("gatherings:rsvp", args=[cast.event.pk]), {"access_requests": ["bsl"]}, follow=True
    )
    assert "Your access needs have been saved." in response.content.decode()
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
    response = client.post(reverse("gatherings:rsvp_cancel", args=[event.pk]), GIVE_UP)
    assert response["Location"] == reverse("gatherings:event", args=[event.pk])
    statuses = dict(event.rsvps.values_list("user_id", "status"))
    assert statuses == {
        holder.pk: Rsvp.Status.CANCELLED,
        first.pk: Rsvp.Status.CONFIRMED,
        second.pk: Rsvp.Status.WAITING,
    }


def test_giving_up_asks_first_and_a_link_changes_nothing(client, cast):
    """Following the link shows "Are you sure?" with the event and time; nothing changes."""
    client.force_login(cast.attendee)
    response = client.get(reverse("gatherings:rsvp_cancel", args=[cast.event.pk]))
    assert response.status_code == 200
    page = text(response)
    assert f"Are you sure you want to give up your place at {cast.event.title} on" in page
    assert "No, keep my place" in page
    assert 'name="confirm" value="yes"' in page
    assert Rsvp.objects.get(user=cast.attendee).status == Rsvp.Status.CONFIRMED


def test_the_event_page_links_to_the_question_rather_than_giving_up(client, cast):
    """The "Give up my place" button on the event is a link to the question, not a form."""
    client.force_login(cast.attendee)
    page = text(client.get(reverse("gatherings:event", args=[cast.event.pk])))
    url = reverse("gatherings:rsvp_cancel", args=[cast.event.pk])
    assert f'href="{url}"' in page
    assert f'action="{url}"' not in page


def test_a_post_without_the_answer_only_asks(client, cast):
    """A POST from an older page, without confirm=yes, asks the question and changes nothing."""
    client.force_login(cast.attendee)
    response = client.post(reverse("gatherings:rsvp_cancel", args=[cast.event.pk]))
    assert response.status_code == 200
    assert "Are you sure you want to give up your place" in text(response)
    assert Rsvp.objects.get(user=cast.attendee).status == Rsvp.Status.CONFIRMED


def test_saying_yes_gives_up_the_place(client, cast):
    """The POST from the question gives the place up."""
    client.force_login(cast.attendee)
    response = client.post(
        reverse("gatherings:rsvp_cancel", args=[cast.event.pk]), GIVE_UP, follow=True
    )
    assert "You have given up your place." in text(response)
    assert Rsvp.objects.get(user=cast.attendee).status == Rsvp.Status.CANCELLED


def test_leaving_the_waiting_list_asks_in_its_own_words(client, cast):
    """Someone waiting is asked about the waiting list, not a place."""
    event = EventFactory(capacity=1)
    holder, waiting = UserFactory(), UserFactory()
    for person in (holder, waiting):
        rsvp_join(event=event, user=person)
    client.force_login(waiting)
    url = reverse("gatherings:rsvp_cancel", args=[event.pk])
    page = text(client.get(url))
    assert f"Are you sure you want to leave the waiting list for {event.title}" in page
    assert "No, stay on the waiting list" in page
    assert "You have left the waiting list." in text(client.post(url, GIVE_UP, follow=True))
    assert Rsvp.objects.get(user=waiting).status == Rsvp.Status.CANCELLED


def test_a_visitor_is_sent_to_sign_in_to_give_up_a_place(client, cast):
    """Giving up a place needs an account."""
    check(client.post(reverse("gatherings:rsvp_cancel", args=[cast.event.pk])), SIGN_IN)


def test_giving_up_a_place_you_do_not_have_changes_nothing(client, cast):
    """Someone without a place is told so."""
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:rsvp_cancel", args=[cast.event.pk]), GIVE_UP, follow=True
    )
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
    response = client.post(reverse("gatherings:rsvp_cancel", args=[event.pk]), GIVE_UP)
    assert response.status_code == 400
    assert "This event has already started." in response.text
    assert Rsvp.objects.get(user=person).status == Rsvp.Status.CONFIRMED


def test_no_place_is_taken_after_the_start(client, cast):
    """Asking for a place at a past event is a 400 with the reason."""
    event = past_event()
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
    client.post(reverse("gatherings:rsvp_cancel", args=[cast.event.pk]), GIVE_UP)
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
