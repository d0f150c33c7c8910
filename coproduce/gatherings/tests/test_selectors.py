import dataclasses
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import models

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings import selectors
from coproduce.gatherings.models import AgendaItem, Rsvp, Treatment
from coproduce.gatherings.services import agenda as agenda_services
from coproduce.gatherings.services import treatments as treatment_services
from coproduce.gatherings.services.events import event_cancel
from coproduce.gatherings.services.places import rsvp_cancel, rsvp_join
from coproduce.places.tests.factories import PlaceFactory
from coproduce.projects.tests.factories import owned_project

from .factories import (
    NOW,
    ActionFactory,
    AgendaItemFactory,
    BarrierFactory,
    BarrierThemeFactory,
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


# Treatments


def test_treatment_board_gives_the_four_columns():
    """Each column holds its items with their ids and what the page shows."""
    theme = BarrierThemeFactory(name="Lack of affordable space")
    treatment = TreatmentFactory()
    person = treatment.presenter
    who = treatment_services.note_add(treatment=treatment, by=person, column="who", text="Shops")
    res = treatment_services.note_add(
        treatment=treatment, by=person, column="resources", text="A van"
    )
    action = ActionFactory(
        treatment=treatment, owner=None, owner_name="Jo", due_on=date(2030, 7, 1)
    )
    barrier = BarrierFactory(treatment=treatment, text="Halls cost a lot", theme=theme)
    board = selectors.treatment_board(selectors.treatment_detail(treatment.pk))
    assert board == {
        "who": [{"id": who.pk, "text": "Shops"}],
        "resources": [{"id": res.pk, "text": "A van"}],
        "actions": [
            {
                "id": action.pk,
                "text": action.text,
                "owner": "Jo",
                "due": "2030-07-01",
                "status": "Not reported on yet",
            }
        ],
        "barriers": [
            {
                "id": barrier.pk,
                "text": "Halls cost a lot",
                "busted": False,
                "library": "Lack of affordable space",
            }
        ],
    }


def test_treatment_board_needs_no_more_queries_once_loaded(django_assert_num_queries):
    """Built from treatment_detail, the board makes no further queries."""
    treatment = TreatmentFactory()
    for _ in range(3):
        ActionFactory(treatment=treatment)
        BarrierFactory(treatment=treatment, theme=BarrierThemeFactory())
    loaded = selectors.treatment_detail(treatment.pk)
    with django_assert_num_queries(0):
        selectors.treatment_board(loaded)


def test_treatments_for_an_event_accepted_first():
    """A session's projects: those on the agenda, then those put forward."""
    event = SetSessionFactory()
    waiting = TreatmentFactory(event=event, status=Treatment.Status.PROPOSED)
    accepted = TreatmentFactory(event=event)
    assert list(selectors.treatments_for(event)) == [accepted, waiting]


def test_earlier_sessions_follow_the_chain_newest_first():
    """A third visit lists the second, then the first."""
    first = TreatmentFactory()
    second = TreatmentFactory(follows=first)
    third = TreatmentFactory(follows=second)
    assert selectors.earlier_sessions_of(third) == [second, first]
    assert selectors.earlier_sessions_of(first) == []


def test_actions_owned_by_a_person_open_ones_first():
    """A person's actions: those still open or in progress first, then done or dropped."""
    owner = UserFactory()
    done = ActionFactory(owner=owner, status="done", due_on=date(2030, 6, 18))
    dropped = ActionFactory(owner=owner, status="dropped", due_on=date(2030, 6, 18))
    later = ActionFactory(owner=owner, due_on=date(2030, 7, 1))
    going = ActionFactory(owner=owner, status="in_progress", due_on=date(2030, 6, 20))
    ActionFactory()
    assert list(selectors.actions_owned_by(owner)) == [going, later, done, dropped]


def test_report_backs_for_a_treatment():
    """The report-backs given about one treatment, oldest first."""
    treatment = TreatmentFactory()
    action = ActionFactory(treatment=treatment)
    treatment_services.report_back(
        treatment=treatment,
        by=treatment.presenter,
        actions={action.pk: ("done", "")},
        barriers={},
        now=at(20),
    )
    [report] = selectors.report_backs_for(treatment)
    assert report.action == action


# A set's progress


def _report(treatment, *, when, actions=None, barriers=None):
    treatment_services.report_back(
        treatment=treatment,
        by=treatment.presenter,
        actions=actions or {},
        barriers=barriers or {},
        now=when,
    )


def test_set_progress_counts_actions_and_barriers_per_project():
    """Each project's actions by outcome and barriers busted, over all its visits."""
    series = SeriesFactory()
    may = SetSessionFactory(series=series, starts_at=at(13, 18, month=5))
    june = SetSessionFactory(series=series, starts_at=at(10, 18))
    project = owned_project(title="Canal orchard")
    first = TreatmentFactory(event=may, project=project, title="Orchard (old name)")
    second = TreatmentFactory(event=june, project=project, follows=first)
    done, going = ActionFactory(treatment=first), ActionFactory(treatment=first)
    dropped, still_open = ActionFactory(treatment=second), ActionFactory(treatment=second)
    busted, stuck = BarrierFactory(treatment=first), BarrierFactory(treatment=second)
    _report(
        first,
        when=at(10, 19),
        actions={done.pk: ("done", ""), going.pk: ("in_progress", "")},
        barriers={busted.pk: ("busted", "Friends of the canal.")},
    )
    _report(second, when=at(10, 19), actions={dropped.pk: ("dropped", "")})
    [progress] = selectors.set_progress(series)
    assert (progress.title, progress.project_id) == ("Canal orchard", project.pk)
    assert progress.sessions == [may.starts_at, june.starts_at]
    assert (progress.actions, progress.done, progress.in_progress, progress.dropped) == (4, 1, 1, 1)
    assert (progress.barriers, progress.busted) == (2, 1)
    assert still_open.status == "open" and stuck.busted_at is None


def test_set_progress_joins_visits_of_a_project_described_in_lines_by_name():
    """Two visits of "Community fridge" (any case) are one project's record."""
    series = SeriesFactory()
    TreatmentFactory(event=SetSessionFactory(series=series), title="Community fridge")
    TreatmentFactory(event=SetSessionFactory(series=series), title="COMMUNITY FRIDGE")
    [progress] = selectors.set_progress(series)
    assert len(progress.sessions) == 2


def test_set_progress_leaves_out_declined_projects_and_other_sets():
    """Only projects that came to this set count."""
    series = SeriesFactory()
    TreatmentFactory(event=SetSessionFactory(series=series), status=Treatment.Status.DECLINED)
    TreatmentFactory(event=SetSessionFactory(series=series), status=Treatment.Status.PROPOSED)
    TreatmentFactory()
    assert selectors.set_progress(series) == []


def test_set_progress_puts_projects_with_most_done_first():
    """Projects that got most done or busted come first, then by name."""
    series = SeriesFactory()
    event = SetSessionFactory(series=series, starts_at=at(3, 18))
    quiet = TreatmentFactory(event=event, title="A quiet project")
    busy = TreatmentFactory(event=event, title="Z busy project")
    action = ActionFactory(treatment=busy)
    _report(busy, when=at(4), actions={action.pk: ("done", "")})
    assert [p.title for p in selectors.set_progress(series)] == [busy.title, quiet.title]


def test_set_progress_tells_the_story_over_time():
    """One row per report-back day: actions done and barriers busted so far."""
    series = SeriesFactory()
    treatment = TreatmentFactory(
        event=SetSessionFactory(series=series, starts_at=at(13, 18, month=5))
    )
    first, second = ActionFactory(treatment=treatment), ActionFactory(treatment=treatment)
    barrier = BarrierFactory(treatment=treatment)
    _report(treatment, when=at(10, 18, 30), actions={first.pk: ("done", "")})
    _report(treatment, when=at(10, 19), barriers={barrier.pk: ("busted", "Asked the vicar.")})
    _report(treatment, when=at(8, 18, month=7), actions={second.pk: ("in_progress", "")})
    _report(treatment, when=at(12, 18, month=8), actions={second.pk: ("done", "")})
    _report(treatment, when=at(9, 18, month=9), actions={first.pk: ("done", "Still done.")})
    [progress] = selectors.set_progress(series)
    assert progress.over_time == [(at(10, 19), 1, 1), (at(12, 18, month=8), 2, 1)]


def test_set_progress_takes_two_queries_however_many_projects(django_assert_num_queries):
    """The progress of a set is read in a fixed number of queries."""
    series = SeriesFactory()
    for day in (3, 10):
        treatment = TreatmentFactory(event=SetSessionFactory(series=series, starts_at=at(day, 9)))
        action = ActionFactory(treatment=treatment)
        _report(treatment, when=at(day, 12), actions={action.pk: ("done", "")})
    with django_assert_num_queries(2):
        selectors.set_progress(series)


# The barrier library


def test_barrier_library_counts_barriers_projects_and_busted():
    """Each entry counts how often it was hit, by how many projects, and how often busted."""
    space = BarrierThemeFactory(name="Lack of affordable space")
    fear = BarrierThemeFactory(name="Fear of change")
    orchard, fridge = TreatmentFactory(title="Orchard"), TreatmentFactory(title="Fridge")
    BarrierFactory(treatment=orchard, theme=space)
    BarrierFactory(treatment=orchard, theme=space, busted_at=NOW, busted_how="A church hall.")
    BarrierFactory(treatment=fridge, theme=space)
    BarrierFactory(treatment=fridge, theme=fear)
    entries = selectors.barrier_library()
    assert [(e.theme, e.barriers, e.projects, e.busted) for e in entries] == [
        (space, 3, 2, 1),
        (fear, 1, 1, 0),
    ]


def test_barrier_library_search_finds_names_and_wordings():
    """Searching finds entries by name or by how a set worded a barrier."""
    space = BarrierThemeFactory(name="Lack of affordable space")
    fear = BarrierThemeFactory(name="Fear of change")
    BarrierFactory(theme=space, text="Halls cost a fortune")
    BarrierFactory(theme=space, text="Rooms cost a fortune")
    assert [e.theme for e in selectors.barrier_library("fortune")] == [space]
    assert [e.theme for e in selectors.barrier_library("fear")] == [fear]
    assert selectors.barrier_library("fortune")[0].barriers == 2


def test_barriers_of_a_theme_busted_first():
    """Every time the barrier was hit, the busted ones (with how) first."""
    theme = BarrierThemeFactory(name="Staff overstretched")
    still = BarrierFactory(theme=theme)
    busted = BarrierFactory(theme=theme, busted_at=NOW, busted_how="Volunteers helped.")
    assert list(selectors.barriers_of_theme(theme)) == [busted, still]


def test_barriers_unlinked_are_those_with_no_entry():
    """Only barriers not in the library wait to be linked."""
    BarrierFactory(theme=BarrierThemeFactory())
    loose = BarrierFactory()
    assert list(selectors.barriers_unlinked()) == [loose]


def test_cancelled_events_stay_listed_so_people_see_the_news():
    """A cancelled event still appears in the list (marked cancelled), not silently gone."""
    person = organiser()
    event = EventFactory(organisers=[person])
    event_cancel(event=event, by=person, reason="Rain.")
    assert [e.status for e in selectors.events_upcoming(now=NOW)] == ["cancelled"]
    assert Rsvp.objects.count() == 0
