"""What people ask for to take part is private, and so is the link to join online.

Someone's access requests and note ("crèche for my 3-year-old") are seen by them (on their
own place form) and by the event's organisers (on the attendee page), and nowhere else: not
by other people at the event, nor by visitors, on any page, JSON or calendar feed. The link
to join an online event is shown only to people with a confirmed place and to organisers.
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Rsvp
from coproduce.gatherings.services.agenda import agenda_item_propose, agenda_item_schedule
from coproduce.gatherings.services.feeds import calendar_feed_get_or_create
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.places.tests.factories import PlaceFactory

from .factories import (
    ActionFactory,
    BarrierFactory,
    EventFactory,
    SeriesFactory,
    SetSessionFactory,
    TreatmentFactory,
    at,
    officer,
    organiser,
)

pytestmark = pytest.mark.django_db

NOTE = "Crèche for my 3-year-old, Sam Okafor-Marker"
NOTE_MARKER = "Okafor-Marker"
ASKED = "British Sign Language"  # what Pat asked for; offered, but nobody else asked for it
JOIN = "https://meet.example/secret-room-4821"


@pytest.fixture
def scene():
    """A set session at a place with an open agenda. Pat has a place and asked for a BSL
    interpreter and a crèche place; Pat also brought a project and suggested an agenda item.
    Ada has a place and asked for nothing."""
    host = organiser(display_name="Olu Organiser")
    series = SeriesFactory(organisers=[host])
    session = SetSessionFactory(
        series=series,
        place=PlaceFactory(name="Northbrook Library"),
        organisers=[host],
        agenda_open=True,
        access_provisions=["creche", "bsl", "step_free"],
    )
    pat, ada = UserFactory(display_name="Pat Parent"), UserFactory(display_name="Ada Attendee")
    rsvp_join(event=session, user=pat, access_requests=["bsl", "creche"], access_note=NOTE)
    rsvp_join(event=session, user=ada)
    treatment = TreatmentFactory(event=session, presenter=pat, title="Community fridge")
    ActionFactory(treatment=treatment, owner=pat, added_by=pat)
    BarrierFactory(treatment=treatment, added_by=pat)
    item = agenda_item_propose(event=session, by=pat, title="Childcare at meetings")
    agenda_item_schedule(
        item=item, by=host, room="Main hall", starts_at=at(17, 18), ends_at=at(17, 19)
    )
    return SimpleNamespace(
        series=series,
        session=session,
        treatment=treatment,
        host=host,
        pat=pat,
        ada=ada,
        pat_rsvp=Rsvp.objects.get(user=pat),
        ada_rsvp=Rsvp.objects.get(user=ada),
        resident=UserFactory(),
        other_organiser=organiser(),
    )


def _public_urls(scene) -> dict[str, str]:
    """Pages and feeds anyone can open, that say nothing of what anyone asked for."""
    session, treatment = scene.session, scene.treatment
    return {
        "agenda": reverse("gatherings:agenda", args=[session.pk]),
        "board": reverse("gatherings:board", args=[session.pk]),
        "treatment": reverse("gatherings:treatment", args=[treatment.pk]),
        "board json": reverse("gatherings:treatment_json", args=[treatment.pk]),
        "series": reverse("gatherings:series", args=[scene.series.slug]),
        "events list": reverse("gatherings:list"),
        "event ics": reverse("gatherings:event_ics", args=[session.pk]),
        "series ics": reverse("gatherings:series_ics", args=[scene.series.slug]),
        "place ics": reverse("gatherings:place_ics", args=[session.place_id]),
        "library": reverse("gatherings:library"),
    }


def _event_pages(scene) -> dict[str, str]:
    """Pages that list the support an event offers (so its labels may appear), but must not
    say what anyone asked for."""
    return {
        "event": reverse("gatherings:event", args=[scene.session.pk]),
        "Pat's invitation": reverse("gatherings:invite", args=[scene.pat_rsvp.invite_token]),
        "Ada's invitation": reverse("gatherings:invite", args=[scene.ada_rsvp.invite_token]),
    }


def _own_pages(viewer) -> dict[str, str]:
    """A signed-in person's own pages and their private calendar feed."""
    token = calendar_feed_get_or_create(user=viewer).token
    return {
        "my events": reverse("gatherings:mine"),
        "my actions": reverse("gatherings:my_actions"),
        "my calendar": reverse("gatherings:my_calendar"),
        "my calendar feed": reverse("gatherings:person_ics", args=[token]),
        "notifications": reverse("notifications:list"),
    }


def _viewer(client, scene, who: str):
    if who != "visitor":
        client.force_login(getattr(scene, who))
    return getattr(scene, who, None)


def _body(response) -> str:
    """The response as text; calendar lines folded at 75 octets are unfolded first."""
    return response.content.decode().replace("\r\n ", "").replace("\r\n\t", "")


@pytest.mark.parametrize("who", ["visitor", "resident", "ada", "other_organiser"])
def test_no_public_page_or_feed_shows_what_someone_asked_for(client, scene, who):
    """Agenda, board, treatment, its JSON, series, lists and calendars never show requests."""
    _viewer(client, scene, who)
    for name, url in _public_urls(scene).items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = _body(response)
        assert NOTE_MARKER not in body, name
        assert ASKED not in body, name
        assert "3-year-old" not in body, name


@pytest.mark.parametrize("who", ["visitor", "resident", "ada", "other_organiser"])
def test_the_event_and_invitation_pages_never_show_what_someone_asked_for(client, scene, who):
    """The event page (and the bring-a-friend page) show what is offered, not who asked."""
    _viewer(client, scene, who)
    for name, url in _event_pages(scene).items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = _body(response)
        assert NOTE_MARKER not in body, name
        assert "3-year-old" not in body, name
        assert "You asked for support" not in body, name
        assert reverse("gatherings:attendees", args=[scene.session.pk]) not in body, name


@pytest.mark.parametrize("who", ["resident", "ada"])
def test_another_persons_own_pages_never_show_what_someone_asked_for(client, scene, who):
    """Ada's events, actions, calendar, feed and notifications say nothing of Pat's needs."""
    viewer = _viewer(client, scene, who)
    for name, url in _own_pages(viewer).items():
        response = client.get(url)
        assert response.status_code == 200, name
        body = _body(response)
        assert NOTE_MARKER not in body and ASKED not in body, name


def test_another_attendees_place_form_shows_only_their_own_needs(client, scene):
    """Ada's form to change her needs starts empty: nothing of Pat's is in it."""
    client.force_login(scene.ada)
    response = client.get(reverse("gatherings:rsvp", args=[scene.session.pk]))
    assert response.status_code == 200
    assert NOTE_MARKER not in response.text
    assert "checked" not in response.text


@pytest.mark.parametrize("who", ["visitor", "resident", "ada", "pat", "other_organiser"])
def test_only_organisers_open_the_attendee_page(client, scene, who):
    """The attendee list is refused to everyone else, and the refusal shows nothing."""
    _viewer(client, scene, who)
    response = client.get(reverse("gatherings:attendees", args=[scene.session.pk]))
    assert response.status_code in (302, 403)
    assert NOTE_MARKER not in _body(response)


def test_the_person_sees_their_own_requests_on_their_place_form(client, scene):
    """Pat's own form shows Pat's note and the support Pat asked for, ticked."""
    client.force_login(scene.pat)
    page = _body(client.get(reverse("gatherings:rsvp", args=[scene.session.pk])))
    assert NOTE in page
    assert 'value="bsl" checked' in page and 'value="creche" checked' in page
    assert 'value="step_free" checked' not in page


def test_the_person_is_told_their_requests_are_seen_only_by_organisers(client, scene):
    """Pat's event page says support was asked for, without repeating it."""
    client.force_login(scene.pat)
    page = client.get(reverse("gatherings:event", args=[scene.session.pk])).text
    assert "You asked for support. Only the organisers see this." in page
    assert NOTE_MARKER not in page


@pytest.mark.parametrize("who", ["host", "officer"])
def test_organisers_see_every_request_on_the_attendee_page(client, scene, who):
    """The event's organisers and officers see who asked for what, with the note."""
    client.force_login(scene.host if who == "host" else officer())
    response = client.get(reverse("gatherings:attendees", args=[scene.session.pk]))
    assert response.status_code == 200
    page = _body(response)
    assert NOTE in page
    assert "British Sign Language (BSL) interpreter, Crèche" in page
    assert "British Sign Language (BSL) interpreter: 1" in page


def test_the_organisers_notification_does_not_carry_the_note(client, scene):
    """Organisers are told support was asked for; the note itself stays on the attendee page."""
    client.force_login(scene.host)
    page = _body(client.get(reverse("notifications:list")))
    assert "Access support asked for" in page
    assert NOTE_MARKER not in page


# The link to join online


@pytest.fixture
def online():
    """An online event with one place: Ada has it, Wes is waiting."""
    host = organiser(display_name="Olu Organiser")
    event = EventFactory(
        place=None, online_url=JOIN, capacity=1, organisers=[host], series=SeriesFactory()
    )
    ada, wes = UserFactory(), UserFactory()
    rsvp_join(event=event, user=ada)
    rsvp_join(event=event, user=wes)
    return SimpleNamespace(
        event=event,
        host=host,
        ada=ada,
        wes=wes,
        resident=UserFactory(),
        officer=officer(),
        other_organiser=organiser(),
        ada_rsvp=Rsvp.objects.get(user=ada),
    )


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("visitor", False),
        ("resident", False),
        ("wes", False),
        ("other_organiser", False),
        ("ada", True),
        ("host", True),
        ("officer", True),
    ],
)
def test_the_link_to_join_is_on_the_event_page_only_for_places_and_organisers(
    client, online, who, shown
):
    """People waiting, residents and visitors are told they will see it once they have a place."""
    if who != "visitor":
        client.force_login(getattr(online, who))
    page = client.get(reverse("gatherings:event", args=[online.event.pk])).text
    assert (JOIN in page) is shown
    assert ("You will see the link to join once you have a place." in page) is not shown


@pytest.mark.parametrize(
    ("who", "shown"),
    [
        ("visitor", False),
        ("resident", False),
        ("wes", False),
        ("ada", True),
        ("host", True),
        ("officer", True),
    ],
)
def test_the_events_calendar_file_has_the_link_only_for_places_and_organisers(
    client, online, who, shown
):
    """The .ics download carries the link only for those who may join."""
    if who != "visitor":
        client.force_login(getattr(online, who))
    body = _body(client.get(reverse("gatherings:event_ics", args=[online.event.pk])))
    assert (JOIN in body) is shown


@pytest.mark.parametrize("who", ["visitor", "resident", "wes", "ada", "host"])
def test_the_link_is_never_on_public_pages_or_feeds(client, online, who):
    """Lists, the series page, its calendar and the invitation page never carry the link."""
    if who != "visitor":
        client.force_login(getattr(online, who))
    for url in [
        reverse("gatherings:list"),
        reverse("gatherings:series", args=[online.event.series.slug]),
        reverse("gatherings:series_ics", args=[online.event.series.slug]),
    ]:
        assert JOIN not in _body(client.get(url)), url


def test_a_friend_invited_sees_no_link_until_they_have_a_place(client, online):
    """The bring-a-friend page does not hand out the link to join."""
    client.force_login(online.resident)
    page = client.get(reverse("gatherings:invite", args=[online.ada_rsvp.invite_token])).text
    assert JOIN not in page


def test_the_personal_feed_has_the_link_only_for_a_confirmed_place(client, online):
    """Ada's calendar has the link; Wes, waiting, gets his entry without it."""
    for person, shown in [(online.ada, True), (online.wes, False)]:
        token = calendar_feed_get_or_create(user=person).token
        body = _body(client.get(reverse("gatherings:person_ics", args=[token])))
        assert (JOIN in body) is shown


def test_giving_up_a_place_hides_the_link_again(client, online):
    """Once Ada gives up her place, she no longer sees the link; Wes, moved up, does."""
    client.force_login(online.ada)
    client.post(reverse("gatherings:rsvp_cancel", args=[online.event.pk]), {"confirm": "yes"})
    assert JOIN not in client.get(reverse("gatherings:event", args=[online.event.pk])).text
    client.force_login(online.wes)
    assert JOIN in client.get(reverse("gatherings:event", args=[online.event.pk])).text
