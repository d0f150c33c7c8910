"""Tests of services.treatments: adding notes, actions and barriers to the four columns, and
removing what was added by mistake."""

from datetime import date

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Action, Barrier, ColumnNote, Treatment
from coproduce.gatherings.services import treatments as services

from .factories import ActionFactory, BarrierFactory, TreatmentFactory
from .treatment_setup import AFTER, accepted_treatment, attendee_at, set_session

pytestmark = pytest.mark.django_db


# The four columns


def test_person_with_a_place_adds_a_note():
    """Anyone with a confirmed place can add to "who is affected"."""
    treatment, _person = accepted_treatment()
    user = attendee_at(treatment.event)
    note = services.note_add(treatment=treatment, by=user, column="who", text="  Local   shops ")
    assert (note.column, note.text, note.added_by) == ("who", "Local shops", user)


def test_presenter_and_facilitator_add_notes():
    """The person bringing the project and the facilitator may add without an RSVP."""
    treatment, person = accepted_treatment()
    services.note_add(treatment=treatment, by=treatment.presenter, column="resources", text="Van")
    services.note_add(treatment=treatment, by=person, column="resources", text="Hall")
    assert ColumnNote.objects.filter(treatment=treatment).count() == 2


def test_someone_not_at_the_session_cannot_add():
    """A person with no place is refused."""
    treatment, _person = accepted_treatment()
    with pytest.raises(Refusal, match="Only people at the session"):
        services.note_add(treatment=treatment, by=UserFactory(), column="who", text="Me")


def test_someone_only_waiting_cannot_add():
    """A place on the waiting list is not a place at the session."""
    event, _person = set_session(capacity=1)
    treatment = TreatmentFactory(event=event)
    attendee_at(event)
    waiting = attendee_at(event)
    with pytest.raises(Refusal, match="Only people at the session"):
        services.barrier_add(treatment=treatment, by=waiting, text="Cost of rooms")


def test_nothing_added_to_a_project_not_on_the_agenda():
    """A proposal not yet accepted has no board to write on."""
    treatment, person = accepted_treatment(status=Treatment.Status.PROPOSED)
    with pytest.raises(Refusal, match="not on the session's agenda"):
        services.note_add(treatment=treatment, by=person, column="who", text="Tenants")


def test_notes_go_only_in_their_two_columns():
    """Actions and barriers have their own services; a note cannot go there."""
    treatment, person = accepted_treatment()
    with pytest.raises(Refusal, match="who is affected or resources"):
        services.note_add(treatment=treatment, by=person, column="actions", text="Do it")


@pytest.mark.parametrize(("text", "message"), [("   ", "Write something"), ("x" * 501, "500")])
def test_notes_need_some_text_but_not_too_much(text, message):
    """Blank notes and notes over 500 characters are refused."""
    treatment, person = accepted_treatment()
    with pytest.raises(Refusal, match=message):
        services.note_add(treatment=treatment, by=person, column="who", text=text)


def test_action_with_an_owner_on_the_platform():
    """An action names its owner and due date."""
    treatment, person = accepted_treatment()
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
    assert action.owner_label_for(person) == owner.display_name


def test_action_with_an_owner_by_name():
    """Someone not on the platform can own an action by name."""
    treatment, person = accepted_treatment()
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
    treatment, person = accepted_treatment()
    with pytest.raises(Refusal, match="Say who will do it"):
        services.action_add(
            treatment=treatment, by=person, text="Ring the council", due_on=date(2030, 7, 1)
        )
    assert not Action.objects.exists()


def test_action_cannot_be_due_before_the_session():
    """A due date before the session's day is refused."""
    treatment, person = accepted_treatment()
    with pytest.raises(Refusal, match="on or after the session"):
        services.action_add(
            treatment=treatment,
            by=person,
            text="Ring the council",
            owner_name="Sam",
            due_on=date(2030, 6, 16),
        )


def test_action_cannot_be_owned_by_a_closed_account():
    """An inactive account cannot take on an action."""
    treatment, person = accepted_treatment()
    with pytest.raises(Refusal, match="not active"):
        services.action_add(
            treatment=treatment,
            by=person,
            text="Ring the council",
            owner=UserFactory(is_active=False),
            due_on=date(2030, 7, 1),
        )


def test_attendee_adds_an_action_and_a_barrier():
    """People with a place may add to the action plan and the barriers."""
    treatment, _person = accepted_treatment()
    user = attendee_at(treatment.event)
    services.action_add(
        treatment=treatment, by=user, text="Print flyers", owner=user, due_on=date(2030, 6, 30)
    )
    services.barrier_add(treatment=treatment, by=user, text="Nobody has the keys")
    assert (treatment.actions.count(), treatment.barriers.count()) == (1, 1)


# Removing what was added by mistake


def test_author_removes_their_own_note():
    """Whoever added a note may take it back."""
    treatment, _person = accepted_treatment()
    user = attendee_at(treatment.event)
    note = services.note_add(treatment=treatment, by=user, column="who", text="Oops")
    services.capture_remove(item=note, by=user)
    assert not ColumnNote.objects.exists()


def test_facilitator_removes_anyones_barrier():
    """The session's facilitator may remove what anyone added."""
    treatment, person = accepted_treatment()
    barrier = services.barrier_add(
        treatment=treatment, by=attendee_at(treatment.event), text="Rude remark"
    )
    services.capture_remove(item=barrier, by=person)
    assert not Barrier.objects.exists()


def test_others_cannot_remove_what_someone_added():
    """Another attendee cannot remove someone else's note."""
    treatment, person = accepted_treatment()
    note = services.note_add(treatment=treatment, by=person, column="who", text="Tenants")
    with pytest.raises(Refusal, match="Only the person who added it"):
        services.capture_remove(item=note, by=attendee_at(treatment.event))


def test_reported_on_action_stays_on_the_record():
    """An action someone reported back on cannot be removed, even by the facilitator."""
    treatment, person = accepted_treatment()
    action = ActionFactory(treatment=treatment, added_by=person)
    services.report_back(
        treatment=treatment, by=person, actions={action.pk: ("done", "")}, barriers={}, now=AFTER
    )
    with pytest.raises(Refusal, match="stays on the record"):
        services.capture_remove(item=action, by=person)
    assert Action.objects.filter(pk=action.pk).exists()


def test_reported_on_barrier_stays_on_the_record():
    """A barrier reported on cannot be removed either."""
    treatment, person = accepted_treatment()
    barrier = BarrierFactory(treatment=treatment, added_by=person)
    services.barrier_bust(barrier=barrier, by=person, how="Asked nicely.", now=AFTER)
    with pytest.raises(Refusal, match="stays on the record"):
        services.capture_remove(item=barrier, by=person)
