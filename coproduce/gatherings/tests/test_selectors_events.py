"""Tests of the selectors for events: lists of events, a person's place and the waiting list,
who is coming, access requests kept for organisers, and an Open Space's agenda and board."""

import dataclasses
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import models

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings import selectors
from coproduce.gatherings.models import AgendaItem, Rsvp
from coproduce.gatherings.services import agenda as agenda_services
from coproduce.gatherings.services import treatments as treatment_services
from coproduce.gatherings.services.events import event_cancel
from coproduce.gatherings.services.rsvps import rsvp_cancel, rsvp_join
from coproduce.places.tests.factories import PlaceFactory

from .factories import (
    NOW,
    AgendaItemFactory,
    EventFactory,
    SeriesFactory,
    SetSessionFactory,
    TreatmentFactory,
    at,
    organiser,
)

pytestmark = pytest.mark.django_db


def _join(event, user=None, minutes=0, **kwargs):
    return rsvp_join(
        event=event, user=user or UserFactory(), now=NOW + timedelta(minutes=minutes), **kwargs
    )


# Lists of events


def test_upcoming_events_leave_out_those_ended_soonest_first():
    """Events still to come (or going on) are listed soonest first; ended ones are not."""
    later = EventFactory(starts_at=at(20, 18))
    sooner = EventFactory(starts_at=at(12, 18))
    going_on = EventFactory(starts_at=NOW - timedelta(hours=1), ends_at=NOW + timedelta(hours=1))
    ended = EventFactory(starts_at=at(3, 18))
    assert list(selectors.events_upcoming(now=NOW)) == [going_on, sooner, later]
    assert ended in selectors.events_upcoming(now=NOW, include_past=True)


def test_upcoming_events_filter_by_kind_series_ward_and_words():
    """Each filter narrows the list to the events it names."""
    series = SeriesFactory()
    place = PlaceFactory()
    in_series = SetSessionFactory(series=series)
    talk = EventFactory(kind="talk", title="Talk: rewilding verges", place=place)
    EventFactory(kind="meet_up", summary="Nothing to see.")
    assert list(selectors.events_upcoming(now=NOW, kind="talk")) == [talk]
    assert list(selectors.events_upcoming(now=NOW, series=series)) == [in_series]
    assert list(selectors.events_upcoming(now=NOW, ward=place.ward)) == [talk]
    assert list(selectors.events_upcoming(now=NOW, q="REWILDING")) == [talk]


def test_event_detail_finds_the_event_or_nothing():
    """An unknown id gives None."""
    event = EventFactory()
    assert selectors.event_detail(event.pk) == event
    assert selectors.event_detail(event.pk + 1000) is None


def test_rsvp_of_is_the_persons_own_place():
    """A person sees their own RSVP; a visitor has none."""
    event = EventFactory()
    mine = _join(event)
    _join(event)
    assert selectors.rsvp_of(event, mine.user) == mine
    assert selectors.rsvp_of(event, AnonymousUser()) is None
    assert selectors.rsvp_of(event, UserFactory()) is None


def test_events_of_a_person_are_theirs_still_on():
    """A person's list has their places and waiting places, not ones they gave up."""
    user = UserFactory()
    soon, later, left = EventFactory(starts_at=at(12)), EventFactory(), EventFactory()
    past = EventFactory(starts_at=at(20), capacity=1)
    for event in (later, soon, left, past):
        _join(event, user)
    gone = selectors.rsvp_of(left, user)
    rsvp_cancel(rsvp=gone, by=user, now=NOW)
    assert [r.event for r in selectors.events_of(user, now=NOW)] == [soon, later, past]
    assert [r.event for r in selectors.events_of(user, now=at(21), past=True)] == [
        past,
        later,
        soon,
    ]


def test_events_organised_by_a_person_include_the_last_month():
    """Organisers see their events from a month ago onwards, not older ones."""
    person = organiser()
    recent = EventFactory(organisers=[person], starts_at=at(1, 18))
    EventFactory(organisers=[person], starts_at=at(1, 18, month=4))
    upcoming = EventFactory(organisers=[person])
    EventFactory()
    assert list(selectors.events_organised_by(person, now=NOW)) == [recent, upcoming]


# The waiting list and who is coming


def test_waiting_position_counts_from_one_in_joining_order():
    """The first person waiting is 1; people with a place have no position."""
    event = EventFactory(capacity=1)
    going = _join(event)
    first, second = _join(event, minutes=1), _join(event, minutes=2)
    assert selectors.waiting_position(going) is None
    assert (selectors.waiting_position(first), selectors.waiting_position(second)) == (1, 2)


def test_waiting_position_breaks_ties_by_who_came_first():
    """Two people who joined at the same moment are ordered by who was stored first."""
    event = EventFactory(capacity=1)
    _join(event)
    first, second = _join(event, minutes=1), _join(event, minutes=1)
    assert (selectors.waiting_position(first), selectors.waiting_position(second)) == (1, 2)


def test_waiting_position_moves_up_as_people_leave():
    """When the person ahead leaves the queue, the next becomes first."""
    event = EventFactory(capacity=1)
    _join(event)
    ahead, behind = _join(event, minutes=1), _join(event, minutes=2)
    rsvp_cancel(rsvp=ahead, by=ahead.user, now=NOW)
    assert selectors.waiting_position(behind) == 1


def test_attendees_for_organisers_lists_going_then_waiting_with_requests():
    """Organisers see who is going, then who waits, with what each asked for."""
    event = EventFactory(capacity=1, access_provisions=["bsl"])
    going = _join(event, access_requests=["bsl"], access_note="Front row, please.")
    waiting = _join(event, minutes=1)
    left = _join(event, minutes=2)
    rsvp_cancel(rsvp=left, by=left.user, now=NOW)
    listed = list(selectors.attendees_for_organisers(event))
    assert listed == [going, waiting]
    assert (listed[0].access_requests, listed[0].access_note) == (["bsl"], "Front row, please.")


def test_access_summary_counts_support_asked_for_by_people_going():
    """Each kind of support is counted over confirmed places only."""
    event = EventFactory(capacity=3, access_provisions=["creche", "bsl", "step_free"])
    _join(event, access_requests=["creche", "bsl"])
    _join(event, access_requests=["creche"])
    _join(event)
    _join(event, access_requests=["step_free"])  # waiting: not counted yet
    assert selectors.access_summary(event) == {"creche": 2, "bsl": 1}


# Access requests are for organisers only


SECRET = "I need a BSL interpreter because I am Deaf"


def _texts(value, seen=None) -> str:
    """Everything reachable from a selector's result, as text: field values, related objects
    already loaded, prefetched lists, dataclass fields, dicts and lists."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return ""
    seen.add(id(value))
    if isinstance(value, models.Model):
        parts = [type(value).__name__]
        parts += [f"{k}={v!r}" for k, v in vars(value).items() if not k.startswith("_")]
        parts += [_texts(v, seen) for v in value._state.fields_cache.values()]
        cache = getattr(value, "_prefetched_objects_cache", {})
        parts += [_texts(list(v), seen) for v in cache.values()]
        return " ".join(parts)
    if isinstance(value, models.QuerySet):
        return _texts(list(value), seen)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _texts([getattr(value, f.name) for f in dataclasses.fields(value)], seen)
    if isinstance(value, dict):
        return " ".join(_texts(k, seen) + " " + _texts(v, seen) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return " ".join(_texts(v, seen) for v in value)
    return repr(value)


@pytest.fixture
def event_with_a_private_request():
    """An event where one person asked for support, with a note, and is on the agenda."""
    person = organiser()
    event = SetSessionFactory(organisers=[person], access_provisions=["bsl"], agenda_open=True)
    rsvp = _join(event, access_requests=["bsl"], access_note=SECRET)
    agenda_services.agenda_item_propose(event=event, by=rsvp.user, title="Signing", now=NOW)
    treatment = TreatmentFactory(event=event, presenter=rsvp.user)
    treatment_services.note_add(treatment=treatment, by=rsvp.user, column="who", text="Tenants")
    return event, rsvp, treatment


def test_what_everyone_sees_carries_no_access_requests(event_with_a_private_request):
    """The event page's reads, lists, agenda, board and treatment hold no one's requests."""
    event, _rsvp, treatment = event_with_a_private_request
    seen_by_all = [
        selectors.event_detail(event.pk),
        selectors.events_upcoming(now=NOW),
        selectors.agenda_for(event, UserFactory()),
        selectors.board_for(event),
        selectors.treatments_for(event),
        selectors.treatment_detail(treatment.pk),
        selectors.treatment_board(selectors.treatment_detail(treatment.pk)),
        selectors.set_progress(event.series),
    ]
    text = _texts(seen_by_all)
    assert "Treatment" in text and "AgendaItem" in text  # the scan does reach into them
    assert SECRET not in text
    assert "access_requests=" not in text
    assert "Rsvp" not in text


def test_access_requests_are_in_what_organisers_see(event_with_a_private_request):
    """The organisers' list holds the note and requests; the summary only counts them."""
    event, _rsvp, _treatment = event_with_a_private_request
    assert SECRET in _texts(selectors.attendees_for_organisers(event))
    summary = selectors.access_summary(event)
    assert summary == {"bsl": 1}
    assert SECRET not in _texts(summary)


def test_another_persons_rsvp_is_not_what_rsvp_of_gives(event_with_a_private_request):
    """Someone else looking at the event gets no RSVP, so no one else's requests."""
    event, _rsvp, _treatment = event_with_a_private_request
    assert selectors.rsvp_of(event, UserFactory()) is None


# Agenda and board


def test_agenda_leaves_out_withdrawn_items_most_interest_first():
    """Suggestions still standing come most-backed first, with the person's own backing."""
    event = EventFactory(agenda_open=True)
    fan = _join(event).user
    quiet = AgendaItemFactory(event=event)
    popular = AgendaItemFactory(event=event)
    AgendaItemFactory(event=event, status=AgendaItem.Status.WITHDRAWN)
    agenda_services.agenda_interest_toggle(item=popular, by=fan)
    items, mine = selectors.agenda_for(event, fan)
    assert items == [popular, quiet]
    assert mine == {popular.pk}
    assert selectors.agenda_for(event, AnonymousUser())[1] == set()


def test_board_lays_out_rooms_across_and_slots_down():
    """Rooms sorted by name (any case), slots by time; each cell holds its sessions."""
    person = organiser()
    event = EventFactory(organisers=[person], starts_at=at(20, 10), ends_at=at(20, 16))

    def session(room, start, end):
        item = AgendaItemFactory(event=event)
        return agenda_services.agenda_item_schedule(
            item=item, by=person, room=room, starts_at=at(20, start), ends_at=at(20, end)
        )

    garden_11 = session("garden", 11, 12)
    hall_11 = session("Hall", 11, 12)
    hall_13 = session("Hall", 13, 14)
    left_over = AgendaItemFactory(event=event)
    AgendaItemFactory(event=event, status=AgendaItem.Status.WITHDRAWN)
    board = selectors.board_for(event)
    assert board.rooms == ["garden", "Hall"]
    assert board.slots == [(at(20, 11), at(20, 12)), (at(20, 13), at(20, 14))]
    assert list(board.rows()) == [
        ((at(20, 11), at(20, 12)), [[garden_11], [hall_11]]),
        ((at(20, 13), at(20, 14)), [[], [hall_13]]),
    ]
    assert board.unscheduled == [left_over]


def test_board_puts_one_room_typed_two_ways_in_one_column():
    """A room typed "Hall" at 11:00 and "hall" at 13:00 is one column, as for clashes."""
    person = organiser()
    event = EventFactory(organisers=[person], starts_at=at(20, 10), ends_at=at(20, 16))
    morning, afternoon = AgendaItemFactory(event=event), AgendaItemFactory(event=event)
    for item, room, hour in ((morning, "Hall", 11), (afternoon, "hall", 13)):
        agenda_services.agenda_item_schedule(
            item=item, by=person, room=room, starts_at=at(20, hour), ends_at=at(20, hour + 1)
        )
    board = selectors.board_for(event)
    assert board.rooms == ["Hall"]
    assert [cells for _slot, cells in board.rows()] == [[[morning]], [[afternoon]]]


def test_board_lists_unscheduled_suggestions_most_interest_first():
    """Suggestions not yet on the board come most-backed first."""
    event = EventFactory(agenda_open=True)
    less = AgendaItemFactory(event=event, interest_count=1)
    more = AgendaItemFactory(event=event, interest_count=5)
    assert selectors.board_for(event).unscheduled == [more, less]


def test_empty_board_has_no_rooms_or_slots():
    """An event with no sessions scheduled has an empty grid."""
    board = selectors.board_for(EventFactory())
    assert (board.rooms, board.slots, list(board.rows())) == ([], [], [])


def test_cancelled_events_stay_listed_so_people_see_the_news():
    """A cancelled event still appears in the list (marked cancelled), not silently gone."""
    person = organiser()
    event = EventFactory(organisers=[person])
    event_cancel(event=event, by=person, reason="Rain.")
    assert [e.status for e in selectors.events_upcoming(now=NOW)] == ["cancelled"]
    assert Rsvp.objects.count() == 0
