from datetime import timedelta

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import AgendaInterest, AgendaItem
from coproduce.gatherings.services import agenda as services
from coproduce.gatherings.services.events import event_cancel
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.notifications.models import Notification

from .factories import NOW, EventFactory, at, organiser

pytestmark = pytest.mark.django_db


def _open_space(**kwargs):
    """An Open Space day, 10:00 to 16:00, taking suggestions, with its organiser."""
    person = organiser()
    defaults = {"agenda_open": True, "starts_at": at(20, 10), "ends_at": at(20, 16)}
    defaults.update(kwargs)
    return EventFactory(organisers=[person], kind="open_space", **defaults), person


def _attendee(event):
    user = UserFactory()
    rsvp_join(event=event, user=user, now=NOW)
    return user


def _propose(event, by, title="Pop-up shop in the empty bank", **kwargs):
    return services.agenda_item_propose(event=event, by=by, title=title, now=NOW, **kwargs)


def _schedule(item, by, room="Main hall", start=(20, 11), end=(20, 12)):
    return services.agenda_item_schedule(
        item=item, by=by, room=room, starts_at=at(*start), ends_at=at(*end)
    )


# Suggesting


def test_person_with_a_place_suggests_an_item_and_backs_it():
    """The suggestion is stored, and counts its proposer as interested."""
    event, _person = _open_space()
    user = _attendee(event)
    item = _propose(event, user, description="  Could we use it on Saturdays?  ")
    assert (item.status, item.proposed_by, item.interest_count) == ("proposed", user, 1)
    assert item.description == "Could we use it on Saturdays?"
    assert AgendaInterest.objects.filter(item=item, user=user).exists()


def test_organisers_hear_of_a_suggestion():
    """Each organiser (but not the proposer) is told of a new suggestion."""
    event, person = _open_space()
    _propose(event, _attendee(event), title="Swap shop")
    [notice] = Notification.objects.filter(recipient=person, kind="event_for_organiser")
    assert notice.body == "Swap shop"


def test_person_waiting_for_a_place_may_suggest():
    """Being on the waiting list is enough to suggest an item."""
    event, _person = _open_space(capacity=1)
    _attendee(event)
    waiting = _attendee(event)
    assert _propose(event, waiting).proposed_by == waiting


def test_organiser_suggests_without_a_place():
    """Organisers may seed the agenda."""
    event, person = _open_space()
    assert _propose(event, person).proposed_by == person


def test_suggestion_needs_a_place():
    """Someone with no place at the event is refused."""
    event, _person = _open_space()
    with pytest.raises(Refusal, match="Get a place at the event first"):
        _propose(event, UserFactory())
    assert not AgendaItem.objects.exists()


def test_suggestion_needs_an_open_agenda():
    """An event that does not take suggestions refuses them, even from people going."""
    event, _person = _open_space(agenda_open=False)
    with pytest.raises(Refusal, match="does not take suggestions"):
        _propose(event, _attendee(event))


def test_no_suggestions_after_the_event():
    """Once the event has ended, the agenda is closed."""
    event, person = _open_space()
    with pytest.raises(Refusal, match="has ended"):
        services.agenda_item_propose(
            event=event, by=person, title="Late idea", now=event.ends_at + timedelta(minutes=1)
        )


def test_no_suggestions_for_a_cancelled_event():
    """A cancelled event takes no suggestions."""
    event, person = _open_space()
    user = _attendee(event)
    event_cancel(event=event, by=person, reason="Snowed in.")
    event.refresh_from_db()
    with pytest.raises(Refusal):
        _propose(event, user)


def test_suggestion_needs_a_title():
    """A blank title is refused."""
    event, _person = _open_space()
    with pytest.raises(Refusal, match="title"):
        _propose(event, _attendee(event), title="   ")


# Interest


def test_interest_toggles_on_and_off_and_counts():
    """Showing interest adds one; taking it back removes one."""
    event, _person = _open_space()
    item = _propose(event, _attendee(event))
    fan = _attendee(event)
    assert services.agenda_interest_toggle(item=item, by=fan) is True
    item.refresh_from_db()
    assert item.interest_count == 2
    assert services.agenda_interest_toggle(item=item, by=fan) is False
    item.refresh_from_db()
    assert item.interest_count == 1
    assert AgendaInterest.objects.filter(item=item).count() == 1


def test_taking_interest_back_updates_the_item_in_hand():
    """After the toggle the item object passed in shows the new count, either way."""
    event, _person = _open_space()
    item = _propose(event, _attendee(event))
    fan = _attendee(event)
    services.agenda_interest_toggle(item=item, by=fan)
    assert item.interest_count == 2
    services.agenda_interest_toggle(item=item, by=fan)
    assert item.interest_count == 1


def test_interest_needs_a_place():
    """Someone not going cannot back a suggestion."""
    event, _person = _open_space()
    item = _propose(event, _attendee(event))
    with pytest.raises(Refusal, match="show interest"):
        services.agenda_interest_toggle(item=item, by=UserFactory())


def test_no_interest_in_a_withdrawn_suggestion():
    """A withdrawn suggestion takes no more interest."""
    event, _person = _open_space()
    proposer = _attendee(event)
    item = services.agenda_item_withdraw(item=_propose(event, proposer), by=proposer)
    with pytest.raises(Refusal, match="withdrawn"):
        services.agenda_interest_toggle(item=item, by=_attendee(event))


# The board


def test_organiser_puts_a_session_in_a_room_and_time():
    """A scheduled session has its room and its slot."""
    event, person = _open_space()
    item = _schedule(_propose(event, _attendee(event)), person, room="  Garden room ")
    item.refresh_from_db()
    assert item.status == AgendaItem.Status.SCHEDULED
    assert (item.room, item.slot_starts_at, item.slot_ends_at) == (
        "Garden room",
        at(20, 11),
        at(20, 12),
    )


def test_two_sessions_cannot_share_a_room_at_once():
    """An overlapping session in the same room (whatever its case) is refused, naming the other."""
    event, person = _open_space()
    first = _schedule(_propose(event, person, title="Swap shop"), person, room="Main hall")
    second = _propose(event, person, title="Repair café")
    with pytest.raises(Refusal, match="“Swap shop” is already in main hall then"):
        _schedule(second, person, room="main hall", start=(20, 11, 30), end=(20, 12, 30))
    second.refresh_from_db()
    assert second.status == AgendaItem.Status.PROPOSED
    assert first.status == AgendaItem.Status.SCHEDULED


def test_sessions_at_once_in_different_rooms_are_fine():
    """The same time in another room is no clash."""
    event, person = _open_space()
    _schedule(_propose(event, person), person, room="Main hall")
    assert _schedule(_propose(event, person), person, room="Kitchen").room == "Kitchen"


def test_back_to_back_sessions_in_one_room_are_fine():
    """A session may start in a room as the one before it ends."""
    event, person = _open_space()
    _schedule(_propose(event, person), person, start=(20, 11), end=(20, 12))
    later = _schedule(_propose(event, person), person, start=(20, 12), end=(20, 13))
    assert later.status == AgendaItem.Status.SCHEDULED


def test_moving_a_session_within_its_own_slot_is_no_clash():
    """Rescheduling a session over its own old time does not clash with itself."""
    event, person = _open_space()
    item = _schedule(_propose(event, person), person, start=(20, 11), end=(20, 12))
    moved = _schedule(item, person, start=(20, 11, 30), end=(20, 12, 30))
    assert moved.slot_starts_at == at(20, 11, 30)


def test_withdrawn_session_frees_its_room():
    """Once withdrawn, a session no longer blocks its slot."""
    event, person = _open_space()
    item = _schedule(_propose(event, person), person)
    services.agenda_item_withdraw(item=item, by=person)
    assert _schedule(_propose(event, person), person).status == AgendaItem.Status.SCHEDULED


@pytest.mark.parametrize(
    ("start", "end"),
    [((20, 9, 30), (20, 10, 30)), ((20, 15, 30), (20, 16, 30)), ((21, 10), (21, 11))],
)
def test_session_outside_the_event_is_refused(start, end):
    """A session must lie within the event's start and end."""
    event, person = _open_space()
    with pytest.raises(Refusal, match="within the event's times"):
        _schedule(_propose(event, person), person, start=start, end=end)


def test_session_must_end_after_it_starts():
    """A slot that ends before it starts is refused."""
    event, person = _open_space()
    with pytest.raises(Refusal, match="end after it starts"):
        _schedule(_propose(event, person), person, start=(20, 12), end=(20, 11))


def test_session_needs_a_room():
    """A blank room is refused."""
    event, person = _open_space()
    with pytest.raises(Refusal, match="room or space"):
        _schedule(_propose(event, person), person, room="  ")


def test_only_organisers_arrange_the_board():
    """The person who suggested a session cannot put it on the board themself."""
    event, _person = _open_space()
    proposer = _attendee(event)
    with pytest.raises(Refusal, match="organisers can arrange the board"):
        _schedule(_propose(event, proposer), proposer)


def test_unscheduling_takes_a_session_off_the_board():
    """An unscheduled session goes back to the suggestions, with no room or time."""
    event, person = _open_space()
    item = services.agenda_item_unschedule(
        item=_schedule(_propose(event, person), person), by=person
    )
    item.refresh_from_db()
    assert (item.status, item.room, item.slot_starts_at) == ("proposed", "", None)


def test_withdrawn_suggestion_cannot_be_put_on_the_board():
    """A suggestion its proposer withdrew is not scheduled behind their back."""
    event, person = _open_space()
    proposer = _attendee(event)
    item = services.agenda_item_withdraw(item=_propose(event, proposer), by=proposer)
    with pytest.raises(Refusal, match="withdrawn"):
        _schedule(item, person)
    item.refresh_from_db()
    assert (item.status, item.room) == (AgendaItem.Status.WITHDRAWN, "")


def test_taking_a_withdrawn_suggestion_off_the_board_keeps_it_withdrawn():
    """Unscheduling does not bring a withdrawn suggestion back."""
    event, person = _open_space()
    item = services.agenda_item_withdraw(item=_propose(event, person), by=person)
    services.agenda_item_unschedule(item=item, by=person)
    item.refresh_from_db()
    assert item.status == AgendaItem.Status.WITHDRAWN


# Withdrawing


def test_proposer_withdraws_their_suggestion():
    """The person who suggested it can withdraw it."""
    event, _person = _open_space()
    proposer = _attendee(event)
    item = services.agenda_item_withdraw(item=_propose(event, proposer), by=proposer)
    assert item.status == AgendaItem.Status.WITHDRAWN


def test_organiser_withdraws_a_scheduled_session():
    """An organiser can take any suggestion off, and it leaves the board."""
    event, person = _open_space()
    item = _schedule(_propose(event, _attendee(event)), person)
    item = services.agenda_item_withdraw(item=item, by=person)
    item.refresh_from_db()
    assert (item.status, item.room, item.slot_starts_at) == ("withdrawn", "", None)


def test_others_cannot_withdraw_a_suggestion():
    """Another attendee cannot withdraw someone else's suggestion."""
    event, _person = _open_space()
    item = _propose(event, _attendee(event))
    with pytest.raises(Refusal, match="Only the person who suggested it"):
        services.agenda_item_withdraw(item=item, by=_attendee(event))
