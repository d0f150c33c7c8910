from datetime import date, timedelta

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Action, Barrier, Contribution, ReportBack, Treatment
from coproduce.gatherings.services import GatheringRefusal
from coproduce.gatherings.services import treatments as services
from coproduce.gatherings.services.events import event_cancel
from coproduce.gatherings.services.places import rsvp_join
from coproduce.projects.tests.factories import owned_project

from .factories import (
    NOW,
    ActionFactory,
    BarrierFactory,
    EventFactory,
    SetSessionFactory,
    TreatmentFactory,
    at,
    officer,
    organiser,
)

pytestmark = pytest.mark.django_db

AFTER = at(17, 21)  # when the session of 17 June 2030, 18:00 to 20:00, is over


def _session(**kwargs):
    """A session of an action learning set on 17 June 2030, with its facilitator."""
    person = organiser()
    return SetSessionFactory(organisers=[person], **kwargs), person


def _attendee(event, capacity_full=False):
    user = UserFactory()
    rsvp_join(event=event, user=user, now=NOW)
    return user


def _propose(event, by, **kwargs):
    kwargs.setdefault("now", NOW)
    if "project" not in kwargs:
        kwargs.setdefault("title", "Community fridge")
        kwargs.setdefault("summary", "Shops leave food that would otherwise go to waste.")
    return services.treatment_propose(event=event, by=by, **kwargs)


def _treatment(**kwargs):
    """An accepted treatment at a session, with the session's facilitator."""
    event, person = _session()
    return TreatmentFactory(event=event, **kwargs), person


# Putting a project forward


def test_project_can_only_go_to_an_action_learning_set():
    """A meet-up does not take treatments."""
    event = EventFactory(kind="meet_up")
    with pytest.raises(GatheringRefusal, match="only be put forward to action learning sets"):
        _propose(event, UserFactory())


def test_nothing_put_forward_after_the_session():
    """A session that has ended takes no more projects."""
    event, person = _session()
    with pytest.raises(GatheringRefusal, match="ended or been cancelled"):
        _propose(event, person, now=event.ends_at)


def test_nothing_put_forward_to_a_cancelled_session():
    """A cancelled session takes no projects."""
    event, person = _session()
    event_cancel(event=event, by=person, reason="Facilitator unwell.")
    event.refresh_from_db()
    with pytest.raises(GatheringRefusal, match="ended or been cancelled"):
        _propose(event, person)


def test_project_you_run_is_put_forward_with_its_details():
    """A project from the projects app brings its title and summary, and waits to be chosen."""
    event, _person = _session()
    owner = UserFactory()
    project = owned_project(owner=owner, title="Canal orchard")
    treatment = _propose(event, owner, project=project, question="Who owns the towpath?")
    assert (treatment.title, treatment.summary) == ("Canal orchard", project.summary)
    assert (treatment.project, treatment.presenter) == (project, owner)
    assert treatment.question == "Who owns the towpath?"
    assert treatment.status == Treatment.Status.PROPOSED


def test_project_you_do_not_run_is_refused():
    """Someone cannot put forward another person's project."""
    event, _person = _session()
    with pytest.raises(GatheringRefusal, match="project you help to run"):
        _propose(event, UserFactory(), project=owned_project())
    assert not Treatment.objects.exists()


def test_officer_may_put_forward_any_project():
    """Officers can manage every project, so may bring any of them."""
    event, _person = _session()
    assert _propose(event, officer(), project=owned_project()).pk is not None


def test_organisers_proposal_is_accepted_at_once():
    """The set's organiser needs nobody's agreement."""
    event, person = _session()
    assert _propose(event, person).status == Treatment.Status.ACCEPTED


def test_project_described_in_a_few_lines_needs_a_name_and_summary():
    """A project not on the platform needs a name and a description."""
    event, person = _session()
    with pytest.raises(GatheringRefusal, match="Give the project a name"):
        _propose(event, person, title=" ", summary="Something.")
    with pytest.raises(GatheringRefusal, match="Describe the project"):
        _propose(event, person, title="Fridge", summary="")


def test_same_project_cannot_be_put_forward_twice_for_a_session():
    """A second proposal of one project to one session is refused."""
    event, _person = _session()
    owner = UserFactory()
    project = owned_project(owner=owner)
    _propose(event, owner, project=project)
    with pytest.raises(GatheringRefusal, match="already put this project forward"):
        _propose(event, owner, project=project)


def test_organisers_choose_which_projects_come():
    """A proposal waits until an organiser accepts or declines it."""
    event, person = _session()
    treatment = _propose(event, UserFactory())
    assert services.treatment_decide(treatment=treatment, by=person, accept=True).status == (
        Treatment.Status.ACCEPTED
    )
    declined = _propose(event, UserFactory())
    assert services.treatment_decide(treatment=declined, by=person, accept=False).status == (
        Treatment.Status.DECLINED
    )


def test_a_decision_once_made_is_not_made_again():
    """A project taken on (with its four columns) cannot be declined by a stray click."""
    event, person = _session()
    treatment = _propose(event, UserFactory())
    services.treatment_decide(treatment=treatment, by=person, accept=True)
    with pytest.raises(GatheringRefusal, match="already been decided"):
        services.treatment_decide(treatment=treatment, by=person, accept=False)
    treatment.refresh_from_db()
    assert treatment.status == Treatment.Status.ACCEPTED


def test_others_cannot_choose_which_projects_come():
    """The presenter cannot accept their own proposal."""
    event, _person = _session()
    presenter = UserFactory()
    treatment = _propose(event, presenter)
    with pytest.raises(GatheringRefusal, match="organisers can choose"):
        services.treatment_decide(treatment=treatment, by=presenter, accept=True)


def test_declined_project_may_be_put_forward_again():
    """After "not this time", the same project can be proposed again for that session."""
    event, person = _session()
    owner = UserFactory()
    project = owned_project(owner=owner)
    services.treatment_decide(
        treatment=_propose(event, owner, project=project), by=person, accept=False
    )
    assert _propose(event, owner, project=project).status == Treatment.Status.PROPOSED


# Following on from earlier sessions


def test_treatment_follows_the_last_one_of_the_same_project_in_the_set():
    """A project's second and third visits each chain to the visit before."""
    first, person = _session(starts_at=at(3, 18))
    second = SetSessionFactory(series=first.series, organisers=[person], starts_at=at(10, 18))
    third = SetSessionFactory(series=first.series, organisers=[person], starts_at=at(17, 18))
    project = owned_project(owner=person)
    one = _propose(first, person, project=project, now=at(1, 9))
    two = _propose(second, person, project=project, now=at(8, 9))
    three = _propose(third, person, project=project)
    assert (one.follows, two.follows, three.follows) == (None, one, two)


def test_treatment_does_not_follow_another_set():
    """The same project at a different series starts a new chain."""
    earlier, person = _session(starts_at=at(3, 18))
    later, _other = _session()
    project = owned_project(owner=person)
    later.organisers.add(person)
    _propose(earlier, person, project=project, now=at(1, 9))
    assert _propose(later, person, project=project).follows is None


def test_treatment_does_not_follow_a_declined_one():
    """Only a visit that happened (was accepted) counts as earlier."""
    first, person = _session(starts_at=at(3, 18))
    second = SetSessionFactory(series=first.series, organisers=[person])
    owner = UserFactory()
    project = owned_project(owner=owner)
    declined = _propose(first, owner, project=project, now=at(1, 9))
    services.treatment_decide(treatment=declined, by=person, accept=False)
    assert _propose(second, owner, project=project).follows is None


def test_project_described_in_lines_follows_by_its_name():
    """Without a project on the platform, the same name (any case) chains the visits."""
    first, person = _session(starts_at=at(3, 18))
    second = SetSessionFactory(series=first.series, organisers=[person])
    earlier = _propose(first, person, title="Community Fridge", now=at(1, 9))
    assert _propose(second, person, title="community fridge").follows == earlier


# The four columns


def test_person_with_a_place_adds_a_note():
    """Anyone with a confirmed place can add to "who is affected"."""
    treatment, _person = _treatment()
    user = _attendee(treatment.event)
    note = services.note_add(treatment=treatment, by=user, column="who", text="  Local   shops ")
    assert (note.column, note.text, note.added_by) == ("who", "Local shops", user)


def test_presenter_and_facilitator_add_notes():
    """The person bringing the project and the facilitator may add without an RSVP."""
    treatment, person = _treatment()
    services.note_add(treatment=treatment, by=treatment.presenter, column="resources", text="Van")
    services.note_add(treatment=treatment, by=person, column="resources", text="Hall")
    assert Contribution.objects.filter(treatment=treatment).count() == 2


def test_someone_not_at_the_session_cannot_add():
    """A person with no place is refused."""
    treatment, _person = _treatment()
    with pytest.raises(GatheringRefusal, match="Only people at the session"):
        services.note_add(treatment=treatment, by=UserFactory(), column="who", text="Me")


def test_someone_only_waiting_cannot_add():
    """A place on the waiting list is not a place at the session."""
    event, _person = _session(capacity=1)
    treatment = TreatmentFactory(event=event)
    _attendee(event)
    waiting = _attendee(event)
    with pytest.raises(GatheringRefusal, match="Only people at the session"):
        services.barrier_add(treatment=treatment, by=waiting, text="Cost of rooms")


def test_nothing_added_to_a_project_not_on_the_agenda():
    """A proposal not yet accepted has no board to write on."""
    treatment, person = _treatment(status=Treatment.Status.PROPOSED)
    with pytest.raises(GatheringRefusal, match="not on the session's agenda"):
        services.note_add(treatment=treatment, by=person, column="who", text="Tenants")


def test_notes_go_only_in_their_two_columns():
    """Actions and barriers have their own services; a note cannot go there."""
    treatment, person = _treatment()
    with pytest.raises(GatheringRefusal, match="who is affected or resources"):
        services.note_add(treatment=treatment, by=person, column="actions", text="Do it")


@pytest.mark.parametrize(("text", "message"), [("   ", "Write something"), ("x" * 501, "500")])
def test_notes_need_some_text_but_not_too_much(text, message):
    """Blank notes and notes over 500 characters are refused."""
    treatment, person = _treatment()
    with pytest.raises(GatheringRefusal, match=message):
        services.note_add(treatment=treatment, by=person, column="who", text=text)


def test_action_with_an_owner_on_the_platform():
    """An action names its owner and due date."""
    treatment, person = _treatment()
    owner = UserFactory()
    action = services.action_add(
        treatment=treatment,
        by=person,
        text="Ask the Co-op for leftovers",
        due_on=date(2030, 7, 1),
        owner=owner,
        owner_name="ignored when there is an owner",
    )
    assert (action.owner, action.owner_name, action.status) == (owner, "", Action.Status.OPEN)
    assert action.owner_label == str(owner)


def test_action_with_an_owner_by_name():
    """Someone not on the platform can own an action by name."""
    treatment, person = _treatment()
    action = services.action_add(
        treatment=treatment,
        by=person,
        text="Find a plug socket",
        due_on=date(2030, 6, 17),
        owner_name="Jo from the tenants' association",
    )
    assert action.owner_label == "Jo from the tenants' association"


def test_action_needs_someone_to_do_it():
    """An action with no owner and no name is refused."""
    treatment, person = _treatment()
    with pytest.raises(GatheringRefusal, match="Say who will do it"):
        services.action_add(
            treatment=treatment, by=person, text="Ring the council", due_on=date(2030, 7, 1)
        )
    assert not Action.objects.exists()


def test_action_cannot_be_due_before_the_session():
    """A due date before the session's day is refused."""
    treatment, person = _treatment()
    with pytest.raises(GatheringRefusal, match="on or after the session"):
        services.action_add(
            treatment=treatment,
            by=person,
            text="Ring the council",
            owner_name="Sam",
            due_on=date(2030, 6, 16),
        )


def test_action_cannot_be_owned_by_a_closed_account():
    """An inactive account cannot take on an action."""
    treatment, person = _treatment()
    with pytest.raises(GatheringRefusal, match="not active"):
        services.action_add(
            treatment=treatment,
            by=person,
            text="Ring the council",
            owner=UserFactory(is_active=False),
            due_on=date(2030, 7, 1),
        )


def test_attendee_adds_an_action_and_a_barrier():
    """People with a place may add to the action plan and the barriers."""
    treatment, _person = _treatment()
    user = _attendee(treatment.event)
    services.action_add(
        treatment=treatment, by=user, text="Print flyers", owner=user, due_on=date(2030, 6, 30)
    )
    services.barrier_add(treatment=treatment, by=user, text="Nobody has the keys")
    assert (treatment.actions.count(), treatment.barriers.count()) == (1, 1)


# Removing what was added by mistake


def test_author_removes_their_own_note():
    """Whoever added a note may take it back."""
    treatment, _person = _treatment()
    user = _attendee(treatment.event)
    note = services.note_add(treatment=treatment, by=user, column="who", text="Oops")
    services.capture_remove(item=note, by=user)
    assert not Contribution.objects.exists()


def test_facilitator_removes_anyones_barrier():
    """The session's facilitator may remove what anyone added."""
    treatment, person = _treatment()
    barrier = services.barrier_add(
        treatment=treatment, by=_attendee(treatment.event), text="Rude remark"
    )
    services.capture_remove(item=barrier, by=person)
    assert not Barrier.objects.exists()


def test_others_cannot_remove_what_someone_added():
    """Another attendee cannot remove someone else's note."""
    treatment, person = _treatment()
    note = services.note_add(treatment=treatment, by=person, column="who", text="Tenants")
    with pytest.raises(GatheringRefusal, match="Only the person who added it"):
        services.capture_remove(item=note, by=_attendee(treatment.event))


def test_reported_on_action_stays_on_the_record():
    """An action someone reported back on cannot be removed, even by the facilitator."""
    treatment, person = _treatment()
    action = ActionFactory(treatment=treatment, added_by=person)
    services.report_back(
        treatment=treatment, by=person, actions={action.pk: ("done", "")}, barriers={}, now=AFTER
    )
    with pytest.raises(GatheringRefusal, match="stays on the record"):
        services.capture_remove(item=action, by=person)
    assert Action.objects.filter(pk=action.pk).exists()


def test_reported_on_barrier_stays_on_the_record():
    """A barrier reported on cannot be removed either."""
    treatment, person = _treatment()
    barrier = BarrierFactory(treatment=treatment, added_by=person)
    services.barrier_bust(barrier=barrier, by=person, how="Asked nicely.", now=AFTER)
    with pytest.raises(GatheringRefusal, match="stays on the record"):
        services.capture_remove(item=barrier, by=person)


# Reporting back


def test_report_back_sets_each_action_and_barrier():
    """Outcomes change the actions' statuses and the barriers' busted state, with notes."""
    treatment, _person = _treatment()
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
    treatment, _person = _treatment()
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
    treatment, _person = _treatment()
    barrier = BarrierFactory(treatment=treatment)
    with pytest.raises(GatheringRefusal, match="was busted, so others can learn"):
        services.report_back(
            treatment=treatment,
            by=treatment.presenter,
            actions={},
            barriers={barrier.pk: ("busted", "  ")},
            now=AFTER,
        )


def test_report_back_is_all_or_nothing():
    """One bad entry means nothing at all is saved, not even the good entries before it."""
    treatment, _person = _treatment()
    action = ActionFactory(treatment=treatment)
    barrier = BarrierFactory(treatment=treatment)
    with pytest.raises(GatheringRefusal):
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
    treatment, _person = _treatment()
    first, second = ActionFactory(treatment=treatment), ActionFactory(treatment=treatment)
    with pytest.raises(GatheringRefusal, match="done, in progress or dropped"):
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
    treatment, _person = _treatment()
    mine = ActionFactory(treatment=treatment)
    theirs = ActionFactory(treatment=TreatmentFactory(event=treatment.event))
    with pytest.raises(GatheringRefusal, match="only on this project's"):
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
    treatment, _person = _treatment()
    with pytest.raises(GatheringRefusal, match="at least one"):
        services.report_back(
            treatment=treatment, by=treatment.presenter, actions={}, barriers={}, now=AFTER
        )


def test_report_back_waits_for_the_session():
    """Nothing can be reported before the session has happened."""
    treatment, _person = _treatment()
    action = ActionFactory(treatment=treatment)
    with pytest.raises(GatheringRefusal, match="once the session has happened"):
        services.report_back(
            treatment=treatment,
            by=treatment.presenter,
            actions={action.pk: ("done", "")},
            barriers={},
            now=NOW,
        )


def test_only_the_presenter_owners_and_organisers_report_back():
    """Another attendee is refused; the project's owner (not presenting) may."""
    event, _person = _session()
    owner = UserFactory()
    project = owned_project(owner=owner)
    treatment = TreatmentFactory(event=event, project=project)
    action = ActionFactory(treatment=treatment)
    with pytest.raises(GatheringRefusal, match="Only the person who brought the project"):
        services.report_back(
            treatment=treatment,
            by=_attendee(event),
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
    treatment, _person = _treatment()
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
    treatment, _person = _treatment()
    barrier = BarrierFactory(treatment=treatment)
    services.barrier_bust(barrier=barrier, by=treatment.presenter, how="A grant.", now=AFTER)
    later = services.barrier_bust(
        barrier=barrier, by=treatment.presenter, how="A bigger grant.", now=AFTER + timedelta(1)
    )
    assert (later.busted_at, later.busted_how) == (AFTER, "A bigger grant.")


def test_barrier_bust_needs_how():
    """Busting a barrier on its own also needs a how."""
    treatment, _person = _treatment()
    barrier = BarrierFactory(treatment=treatment)
    with pytest.raises(GatheringRefusal, match="Say how it was busted"):
        services.barrier_bust(barrier=barrier, by=treatment.presenter, how="", now=AFTER)
