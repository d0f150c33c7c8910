"""Tests of services.treatments: reporting back on a project's actions and barriers, and busting
a barrier."""

from datetime import timedelta

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Action, ReportBack
from coproduce.gatherings.services import treatments as services
from coproduce.projects.tests.factories import owned_project

from .factories import NOW, ActionFactory, BarrierFactory, SetSessionFactory, TreatmentFactory, at
from .treatment_setup import AFTER, accepted_treatment, attendee_at, set_session

pytestmark = pytest.mark.django_db


# Reporting back


def test_report_back_sets_each_action_and_barrier():
    """Outcomes change the actions' statuses and the barriers' busted state, with notes."""
    treatment, _person = accepted_treatment()
    done, dropped = ActionFactory(treatment=treatment), ActionFactory(treatment=treatment)
    busted, stuck = BarrierFactory(treatment=treatment), BarrierFactory(treatment=treatment)
    written = services.report_back(
        treatment=treatment,
        by=treatment.presenter,
        actions={done.pk: ("done", " Shop said yes. "), dropped.pk: ("dropped", "")},
        barriers={
            busted.pk: ("busted", "The church lent its hall."),
            stuck.pk: ("still_there", ""),
        },
        now=AFTER,
    )
    assert len(written) == 4
    for item in (done, dropped, busted, stuck):
        item.refresh_from_db()
    assert (done.status, dropped.status) == (Action.Status.DONE, Action.Status.DROPPED)
    assert (busted.busted_at, busted.busted_how) == (AFTER, "The church lent its hall.")
    assert not stuck.is_busted
    assert ReportBack.objects.get(action=done).note == "Shop said yes."


def test_report_back_records_when_and_where_it_was_said():
    """Each report-back is dated by `now` and names the session it was given at."""
    treatment, _person = accepted_treatment()
    action = ActionFactory(treatment=treatment)
    next_session = SetSessionFactory(series=treatment.event.series, starts_at=at(24, 18))
    services.report_back(
        treatment=treatment,
        by=treatment.presenter,
        actions={action.pk: ("in_progress", "Half done.")},
        barriers={},
        at_event=next_session,
        now=at(24, 19),
    )
    report = ReportBack.objects.get()
    assert (report.event, report.created_at, report.reported_by) == (
        next_session,
        at(24, 19),
        treatment.presenter,
    )


def test_busted_needs_how():
    """A barrier reported busted without saying how is refused."""
    treatment, _person = accepted_treatment()
    barrier = BarrierFactory(treatment=treatment)
    with pytest.raises(Refusal, match="was busted, so others can learn"):
        services.report_back(
            treatment=treatment,
            by=treatment.presenter,
            actions={},
            barriers={barrier.pk: ("busted", "  ")},
            now=AFTER,
        )


def test_report_back_is_all_or_nothing():
    """One bad entry means nothing at all is saved, not even the good entries before it."""
    treatment, _person = accepted_treatment()
    action = ActionFactory(treatment=treatment)
    barrier = BarrierFactory(treatment=treatment)
    with pytest.raises(Refusal):
        services.report_back(
            treatment=treatment,
            by=treatment.presenter,
            actions={action.pk: ("done", "Shop said yes.")},
            barriers={barrier.pk: ("busted", "")},
            now=AFTER,
        )
    action.refresh_from_db()
    assert action.status == Action.Status.OPEN
    assert not ReportBack.objects.exists()


def test_wrong_outcome_for_an_action_saves_nothing():
    """The outcome "busted" is for barriers; for an action it is refused, nothing changes."""
    treatment, _person = accepted_treatment()
    first, second = ActionFactory(treatment=treatment), ActionFactory(treatment=treatment)
    with pytest.raises(Refusal, match="done, in progress or dropped"):
        services.report_back(
            treatment=treatment,
            by=treatment.presenter,
            actions={first.pk: ("done", ""), second.pk: ("busted", "")},
            barriers={},
            now=AFTER,
        )
    first.refresh_from_db()
    assert first.status == Action.Status.OPEN


def test_report_back_refuses_another_projects_actions():
    """Actions of another treatment cannot be reported on here."""
    treatment, _person = accepted_treatment()
    mine = ActionFactory(treatment=treatment)
    theirs = ActionFactory(treatment=TreatmentFactory(event=treatment.event))
    with pytest.raises(Refusal, match="only on this project's"):
        services.report_back(
            treatment=treatment,
            by=treatment.presenter,
            actions={mine.pk: ("done", ""), theirs.pk: ("done", "")},
            barriers={},
            now=AFTER,
        )
    theirs.refresh_from_db()
    mine.refresh_from_db()
    assert theirs.status == mine.status == Action.Status.OPEN


def test_report_back_needs_something_to_say():
    """An empty report is refused."""
    treatment, _person = accepted_treatment()
    with pytest.raises(Refusal, match="at least one"):
        services.report_back(
            treatment=treatment, by=treatment.presenter, actions={}, barriers={}, now=AFTER
        )


def test_report_back_waits_for_the_session():
    """Nothing can be reported before the session has happened."""
    treatment, _person = accepted_treatment()
    action = ActionFactory(treatment=treatment)
    with pytest.raises(Refusal, match="once the session has happened"):
        services.report_back(
            treatment=treatment,
            by=treatment.presenter,
            actions={action.pk: ("done", "")},
            barriers={},
            now=NOW,
        )


def test_only_the_presenter_owners_and_organisers_report_back():
    """Another attendee is refused; the project's owner (not presenting) may."""
    event, _person = set_session()
    owner = UserFactory()
    project = owned_project(owner=owner)
    treatment = TreatmentFactory(event=event, project=project)
    action = ActionFactory(treatment=treatment)
    with pytest.raises(Refusal, match="Only the person who brought the project"):
        services.report_back(
            treatment=treatment,
            by=attendee_at(event),
            actions={action.pk: ("done", "")},
            barriers={},
            now=AFTER,
        )
    services.report_back(
        treatment=treatment, by=owner, actions={action.pk: ("done", "")}, barriers={}, now=AFTER
    )
    action.refresh_from_db()
    assert action.status == Action.Status.DONE


def test_still_there_undoes_busted():
    """A barrier that came back is no longer busted."""
    treatment, _person = accepted_treatment()
    barrier = BarrierFactory(treatment=treatment)
    services.barrier_bust(barrier=barrier, by=treatment.presenter, how="A grant.", now=AFTER)
    services.report_back(
        treatment=treatment,
        by=treatment.presenter,
        actions={},
        barriers={barrier.pk: ("still_there", "The grant ran out.")},
        now=AFTER + timedelta(days=30),
    )
    barrier.refresh_from_db()
    assert (barrier.busted_at, barrier.busted_how) == (None, "")


def test_busting_again_keeps_the_first_date():
    """A barrier busted twice keeps when it was first busted, with the newer how."""
    treatment, _person = accepted_treatment()
    barrier = BarrierFactory(treatment=treatment)
    services.barrier_bust(barrier=barrier, by=treatment.presenter, how="A grant.", now=AFTER)
    later = services.barrier_bust(
        barrier=barrier, by=treatment.presenter, how="A bigger grant.", now=AFTER + timedelta(1)
    )
    assert (later.busted_at, later.busted_how) == (AFTER, "A bigger grant.")


def test_barrier_bust_needs_how():
    """Busting a barrier on its own also needs a how."""
    treatment, _person = accepted_treatment()
    barrier = BarrierFactory(treatment=treatment)
    with pytest.raises(Refusal, match="Say how it was busted"):
        services.barrier_bust(barrier=barrier, by=treatment.presenter, how="", now=AFTER)
