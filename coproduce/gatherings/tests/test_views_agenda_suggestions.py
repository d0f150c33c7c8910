"""Open agenda pages: suggesting an item, showing interest, and withdrawing a suggestion. Each
URL is tried as a visitor, a resident, a resident with a place, the event's organiser and an
officer."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import AgendaInterest, AgendaItem, Event
from coproduce.gatherings.services.rsvps import rsvp_join

from .event_cast import ROLES, open_space_cast
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """An Open Space on 17 June 2030, 18:00 to 20:00, open for suggestions, with one already."""
    return open_space_cast()


# The agenda


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_an_open_agenda(client, cast, role):
    """An open agenda is public, with its suggestions."""
    response = as_role(client, cast, role).get(reverse("gatherings:agenda", args=[cast.event.pk]))
    assert response.status_code == 200
    assert "Empty shops as studios" in response.text


@pytest.mark.parametrize(
    ("role", "expected"),
    [("visitor", 404), ("resident", 404), ("attendee", 404), ("organiser", 200), ("officer", 200)],
)
def test_a_closed_agenda_is_only_for_organisers(client, cast, role, expected):
    """Without an open agenda, the page exists only for organisers and officers."""
    Event.objects.filter(pk=cast.event.pk).update(agenda_open=False)
    url = reverse("gatherings:agenda", args=[cast.event.pk])
    assert as_role(client, cast, role).get(url).status_code == expected


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("visitor", False),
        ("resident", False),
        ("attendee", True),
        ("organiser", True),
        ("officer", True),
    ],
)
def test_only_people_with_a_place_and_organisers_get_the_suggestion_form(client, cast, role, shown):
    """The form and the interest buttons are for those who may use them."""
    response = as_role(client, cast, role).get(reverse("gatherings:agenda", args=[cast.event.pk]))
    assert ("Add my suggestion" in response.text) is shown
    assert (reverse("gatherings:agenda_interest", args=[cast.item.pk]) in response.text) is shown


def test_a_visitor_is_asked_to_sign_in_to_suggest(client, cast):
    """Visitors are offered sign-in; posting sends them to sign in and saves nothing."""
    url = reverse("gatherings:agenda", args=[cast.event.pk])
    assert "Sign in to add suggestions" in client.get(url).text
    check(client.post(url, {"title": "Street party"}), SIGN_IN)
    assert AgendaItem.objects.count() == 1


def test_someone_with_a_place_suggests_an_item(client, cast):
    """A suggestion is saved, with its author's interest counted."""
    client.force_login(cast.attendee)
    url = reverse("gatherings:agenda", args=[cast.event.pk])
    response = client.post(url, {"title": "Street party", "description": "In August."})
    assert response["Location"] == url
    item = AgendaItem.objects.get(title="Street party")
    assert item.proposed_by == cast.attendee and item.interest_count == 1
    assert "1 person interested" in client.get(url).text


def test_a_resident_without_a_place_cannot_suggest(client, cast):
    """Without a place: a 400 with the reason, and nothing saved."""
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:agenda", args=[cast.event.pk]), {"title": "Street party"}
    )
    assert response.status_code == 400
    assert "Get a place at the event first, then suggest an item." in response.text
    assert not AgendaItem.objects.filter(title="Street party").exists()


def test_a_suggestion_needs_a_title(client, cast):
    """No title: a 400, an error summary and the message, and nothing saved."""
    client.force_login(cast.attendee)
    response = client.post(reverse("gatherings:agenda", args=[cast.event.pk]), {"title": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Give your suggestion a title" in response.text
    assert 'href="#id_title"' in response.text
    assert AgendaItem.objects.count() == 1


def test_a_suggestion_that_is_too_long_is_refused(client, cast):
    """A title over 150 characters is a 400 and is not saved."""
    client.force_login(cast.attendee)
    response = client.post(reverse("gatherings:agenda", args=[cast.event.pk]), {"title": "x" * 151})
    assert response.status_code == 400
    assert "Use 150 characters or fewer" in response.text
    assert AgendaItem.objects.count() == 1


# Showing interest


def _interest(client, item):
    return client.post(reverse("gatherings:agenda_interest", args=[item.pk]), follow=True)


def test_a_visitor_is_sent_to_sign_in_to_show_interest(client, cast):
    """Showing interest needs an account."""
    check(client.post(reverse("gatherings:agenda_interest", args=[cast.item.pk])), SIGN_IN)
    assert not AgendaInterest.objects.exists()


def test_someone_with_a_place_shows_interest_and_takes_it_back(client, cast):
    """The first press counts them in; the second takes it back."""
    person = UserFactory()
    rsvp_join(event=cast.event, user=person)
    client.force_login(person)
    response = _interest(client, cast.item)
    assert "You are interested in “Empty shops as studios”." in text(response)
    assert "I am no longer interested" in response.text
    cast.item.refresh_from_db()
    assert cast.item.interest_count == 1
    response = _interest(client, cast.item)
    assert "You are no longer marked as interested" in text(response)
    cast.item.refresh_from_db()
    assert cast.item.interest_count == 0


def test_a_resident_without_a_place_cannot_show_interest(client, cast):
    """Without a place, they are told why and nothing is counted."""
    client.force_login(cast.resident)
    response = _interest(client, cast.item)
    assert "Get a place at the event first, then show interest." in response.text
    assert not AgendaInterest.objects.exists()


def test_showing_interest_needs_a_post(client, cast):
    """Following the interest address does nothing."""
    client.force_login(cast.attendee)
    url = reverse("gatherings:agenda_interest", args=[cast.item.pk])
    assert client.get(url).status_code == 405


def test_interest_in_an_unknown_suggestion_is_a_404(client, cast):
    """No suggestion, no interest."""
    client.force_login(cast.attendee)
    assert client.post(reverse("gatherings:agenda_interest", args=[999_999])).status_code == 404


# Withdrawing


def _withdraw(client, item):
    return client.post(reverse("gatherings:agenda_withdraw", args=[item.pk]))


def test_a_visitor_is_sent_to_sign_in_to_withdraw(client, cast):
    """Withdrawing needs an account."""
    check(_withdraw(client, cast.item), SIGN_IN)
    cast.item.refresh_from_db()
    assert cast.item.status == AgendaItem.Status.PROPOSED


@pytest.mark.parametrize("role", ["attendee", "organiser", "officer"])
def test_the_author_or_an_organiser_withdraws_a_suggestion(client, cast, role):
    """Whoever suggested it, organisers and officers may take it off the list."""
    response = _withdraw(as_role(client, cast, role), cast.item)
    assert response["Location"] == reverse("gatherings:agenda", args=[cast.event.pk])
    cast.item.refresh_from_db()
    assert cast.item.status == AgendaItem.Status.WITHDRAWN
    assert "Empty shops as studios" not in client.get(response["Location"]).text


def test_someone_else_cannot_withdraw_a_suggestion(client, cast):
    """Another person with a place gets a 403 with the reason, and it stays."""
    person = UserFactory()
    rsvp_join(event=cast.event, user=person)
    client.force_login(person)
    response = _withdraw(client, cast.item)
    assert response.status_code == 403
    assert "Only the person who suggested it or an organiser can." in response.text
    cast.item.refresh_from_db()
    assert cast.item.status == AgendaItem.Status.PROPOSED


def test_withdrawing_needs_a_post(client, cast):
    """Following the withdraw address does nothing."""
    client.force_login(cast.attendee)
    assert client.get(reverse("gatherings:agenda_withdraw", args=[cast.item.pk])).status_code == 405
