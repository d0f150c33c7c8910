"""The Open Space board: organisers arranging sessions on it, and the printable board. Each URL
is tried as a visitor, a resident, a resident with a place, the event's organiser and an
officer."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.gatherings.models import AgendaItem
from coproduce.gatherings.services.agenda import agenda_item_schedule

from .event_cast import ROLES, open_space_cast
from .factories import AgendaItemFactory, EventFactory, at, organiser
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """An Open Space on 17 June 2030, 18:00 to 20:00, open for suggestions, with one already."""
    return open_space_cast()


# Arranging the board


OWNERS_ONLY = [
    ("visitor", SIGN_IN),
    ("resident", 403),
    ("attendee", 403),
    ("organiser", 200),
    ("officer", 200),
]


@pytest.mark.parametrize(("role", "expected"), OWNERS_ONLY)
def test_only_organisers_may_arrange_the_board(client, cast, role, expected):
    """The form to give a session a room and time is for organisers and officers."""
    url = reverse("gatherings:agenda_arrange", args=[cast.item.pk])
    check(as_role(client, cast, role).get(url), expected)


def _arrange(client, item, **data):
    return client.post(reverse("gatherings:agenda_arrange", args=[item.pk]), data)


def test_an_organiser_puts_a_session_on_the_board(client, cast):
    """A room and times within the event put the session on the board."""
    client.force_login(cast.organiser)
    response = _arrange(client, cast.item, room="Main hall", starts="18:30", ends="19:15")
    assert response["Location"] == reverse("gatherings:board", args=[cast.event.pk])
    cast.item.refresh_from_db()
    assert cast.item.status == AgendaItem.Status.SCHEDULED and cast.item.room == "Main hall"
    assert timezone.localtime(cast.item.slot_starts_at).strftime("%H:%M") == "18:30"


def test_a_resident_cannot_arrange_the_board_by_posting(client, cast):
    """Posting the form as someone with a place is refused and changes nothing."""
    client.force_login(cast.attendee)
    response = _arrange(client, cast.item, room="Main hall", starts="18:30", ends="19:15")
    assert response.status_code == 403
    cast.item.refresh_from_db()
    assert cast.item.status == AgendaItem.Status.PROPOSED


def test_an_empty_arrange_form_is_a_400_with_a_message_per_field(client, cast):
    """No room or times: a 400, an error summary, each message, and nothing changed."""
    client.force_login(cast.organiser)
    response = _arrange(client, cast.item, room="")
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Say which room or space" in response.text and "Enter the time" in response.text
    cast.item.refresh_from_db()
    assert cast.item.status == AgendaItem.Status.PROPOSED


@pytest.mark.parametrize(
    ("starts", "ends", "message"),
    [
        ("17:00", "18:30", "The session must be within the event"),
        ("19:00", "18:45", "The session must end after it starts."),
        ("7", "19:30", "Enter a time such as 7pm"),
        ("25:00", "19:30", "Enter a time such as 7pm"),
    ],
)
def test_a_session_at_a_bad_time_is_refused(client, cast, starts, ends, message):
    """Times outside the event, backwards or unreadable are a 400 with the reason."""
    client.force_login(cast.organiser)
    response = _arrange(client, cast.item, room="Main hall", starts=starts, ends=ends)
    assert response.status_code == 400
    assert message in text(response)
    cast.item.refresh_from_db()
    assert cast.item.status == AgendaItem.Status.PROPOSED


def test_two_sessions_cannot_share_a_room_at_once(client, cast):
    """A clash names the session already there."""
    other = AgendaItemFactory(event=cast.event, title="Pop-up cinema")
    agenda_item_schedule(
        item=other, by=cast.organiser, room="Main hall", starts_at=at(17, 18), ends_at=at(17, 19)
    )
    client.force_login(cast.organiser)
    response = _arrange(client, cast.item, room="main hall", starts="18:30", ends="19:15")
    assert response.status_code == 400
    assert "“Pop-up cinema” is already in main hall then." in text(response)


def test_an_organiser_takes_a_session_off_the_board(client, cast):
    """ "Take it off the board" puts it back among the suggestions."""
    agenda_item_schedule(
        item=cast.item,
        by=cast.organiser,
        room="Main hall",
        starts_at=at(17, 18),
        ends_at=at(17, 19),
    )
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:agenda_arrange", args=[cast.item.pk]), {"unschedule": "1"}
    )
    assert response["Location"] == reverse("gatherings:board", args=[cast.event.pk])
    cast.item.refresh_from_db()
    assert cast.item.status == AgendaItem.Status.PROPOSED and cast.item.room == ""


def test_a_resident_cannot_take_a_session_off_the_board(client, cast):
    """Posting "take it off" as someone with a place is refused."""
    agenda_item_schedule(
        item=cast.item,
        by=cast.organiser,
        room="Main hall",
        starts_at=at(17, 18),
        ends_at=at(17, 19),
    )
    client.force_login(cast.attendee)
    response = client.post(
        reverse("gatherings:agenda_arrange", args=[cast.item.pk]), {"unschedule": "1"}
    )
    assert response.status_code == 403
    cast.item.refresh_from_db()
    assert cast.item.status == AgendaItem.Status.SCHEDULED


# The board


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_board(client, cast, role):
    """The board is public: sessions by room and time, and suggestions not yet on it."""
    other = AgendaItemFactory(event=cast.event, title="Pop-up cinema")
    agenda_item_schedule(
        item=other,
        by=cast.organiser,
        room="Main hall",
        starts_at=at(17, 18, 30),
        ends_at=at(17, 19),
    )
    response = as_role(client, cast, role).get(reverse("gatherings:board", args=[cast.event.pk]))
    assert response.status_code == 200
    page = response.text
    assert "Main hall" in page and "6:30pm to 7pm" in page and "Pop-up cinema" in page
    assert "Suggested, not yet on the board" in page and "Empty shops as studios" in page


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
def test_only_organisers_get_the_links_to_arrange_the_board(client, cast, role, shown):
    """The "Put on the board" links are for organisers and officers."""
    response = as_role(client, cast, role).get(reverse("gatherings:board", args=[cast.event.pk]))
    assert (reverse("gatherings:agenda_arrange", args=[cast.item.pk]) in response.text) is shown


def test_the_board_of_an_unknown_event_is_a_404(client):
    """No event, no board."""
    assert client.get(reverse("gatherings:board", args=[999_999])).status_code == 404


def test_the_board_leaves_out_withdrawn_suggestions(client, cast):
    """A withdrawn suggestion is not on the board."""
    AgendaItem.objects.filter(pk=cast.item.pk).update(status=AgendaItem.Status.WITHDRAWN)
    response = client.get(reverse("gatherings:board", args=[cast.event.pk]))
    assert "Empty shops as studios" not in response.text
    assert "Nothing is on the board yet." in response.text


def test_arranging_offers_the_venues_rooms(client):
    """The room box suggests the rooms of the event's building from the asset map."""
    from coproduce.places.models import Place
    from coproduce.places.tests.factories import PlaceFactory

    host = organiser()
    hall = PlaceFactory(kind=Place.Kind.BUILDING)
    PlaceFactory(kind=Place.Kind.ROOM, building=hall, name="Garden room", ward=hall.ward)
    event = EventFactory(organisers=[host], place=hall, agenda_open=True)
    item = AgendaItemFactory(event=event)
    client.force_login(host)
    page = client.get(reverse("gatherings:agenda_arrange", args=[item.pk])).content.decode()
    assert 'list="room-choices"' in page
    assert '<option value="Garden room">' in page
