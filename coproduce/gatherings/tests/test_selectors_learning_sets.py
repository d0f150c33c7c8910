"""Tests of the selectors for action learning sets: a session's projects and their boards,
report-backs, a set's progress over time, and the barrier library."""

from datetime import date

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings import selectors
from coproduce.gatherings.models import Treatment
from coproduce.gatherings.services import treatments as treatment_services
from coproduce.projects.tests.factories import owned_project

from .factories import (
    NOW,
    ActionFactory,
    BarrierFactory,
    BarrierThemeFactory,
    SeriesFactory,
    SetSessionFactory,
    TreatmentFactory,
    at,
)

pytestmark = pytest.mark.django_db


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
