"""Tests of services.treatments: putting a project forward to an action learning set, the
organisers deciding which projects come, and following on from earlier sessions."""

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Treatment
from coproduce.gatherings.services import treatments as services
from coproduce.gatherings.services.events import event_cancel
from coproduce.projects.tests.factories import owned_project

from .factories import NOW, EventFactory, SetSessionFactory, at, officer
from .treatment_setup import set_session

pytestmark = pytest.mark.django_db

pytestmark = pytest.mark.django_db


def _propose(event, by, **kwargs):
    kwargs.setdefault("now", NOW)
    if "project" not in kwargs:
        kwargs.setdefault("title", "Community fridge")
        kwargs.setdefault("summary", "Shops leave food that would otherwise go to waste.")
    return services.treatment_propose(event=event, by=by, **kwargs)


# Putting a project forward


def test_project_can_only_go_to_an_action_learning_set():
    """A meet-up does not take treatments."""
    event = EventFactory(kind="meet_up")
    with pytest.raises(Refusal, match="only be put forward to action learning sets"):
        _propose(event, UserFactory())


def test_nothing_put_forward_after_the_session():
    """A session that has ended takes no more projects."""
    event, person = set_session()
    with pytest.raises(Refusal, match="ended or been cancelled"):
        _propose(event, person, now=event.ends_at)


def test_nothing_put_forward_to_a_cancelled_session():
    """A cancelled session takes no projects."""
    event, person = set_session()
    event_cancel(event=event, by=person, reason="Facilitator unwell.")
    event.refresh_from_db()
    with pytest.raises(Refusal, match="ended or been cancelled"):
        _propose(event, person)


def test_project_you_run_is_put_forward_with_its_details():
    """A project from the projects app brings its title and summary, and waits to be chosen."""
    event, _person = set_session()
    owner = UserFactory()
    project = owned_project(owner=owner, title="Canal orchard")
    treatment = _propose(event, owner, project=project, question="Who owns the towpath?")
    assert (treatment.title, treatment.summary) == ("Canal orchard", project.summary)
    assert (treatment.project, treatment.presenter) == (project, owner)
    assert treatment.question == "Who owns the towpath?"
    assert treatment.status == Treatment.Status.PROPOSED


def test_project_you_do_not_run_is_refused():
    """Someone cannot put forward another person's project."""
    event, _person = set_session()
    with pytest.raises(Refusal, match="project you help to run"):
        _propose(event, UserFactory(), project=owned_project())
    assert not Treatment.objects.exists()


def test_officer_may_put_forward_any_project():
    """Officers can manage every project, so may bring any of them."""
    event, _person = set_session()
    assert _propose(event, officer(), project=owned_project()).pk is not None


def test_organisers_proposal_is_accepted_at_once():
    """The set's organiser needs nobody's agreement."""
    event, person = set_session()
    assert _propose(event, person).status == Treatment.Status.ACCEPTED


def test_project_described_in_a_few_lines_needs_a_name_and_summary():
    """A project not on the platform needs a name and a description."""
    event, person = set_session()
    with pytest.raises(Refusal, match="Give the project a name"):
        _propose(event, person, title=" ", summary="Something.")
    with pytest.raises(Refusal, match="Describe the project"):
        _propose(event, person, title="Fridge", summary="")


def test_same_project_cannot_be_put_forward_twice_for_a_session():
    """A second proposal of one project to one session is refused."""
    event, _person = set_session()
    owner = UserFactory()
    project = owned_project(owner=owner)
    _propose(event, owner, project=project)
    with pytest.raises(Refusal, match="already put this project forward"):
        _propose(event, owner, project=project)


def test_organisers_choose_which_projects_come():
    """A proposal waits until an organiser accepts or declines it."""
    event, person = set_session()
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
    event, person = set_session()
    treatment = _propose(event, UserFactory())
    services.treatment_decide(treatment=treatment, by=person, accept=True)
    with pytest.raises(Refusal, match="already been decided"):
        services.treatment_decide(treatment=treatment, by=person, accept=False)
    treatment.refresh_from_db()
    assert treatment.status == Treatment.Status.ACCEPTED


def test_others_cannot_choose_which_projects_come():
    """The presenter cannot accept their own proposal."""
    event, _person = set_session()
    presenter = UserFactory()
    treatment = _propose(event, presenter)
    with pytest.raises(Refusal, match="organisers can choose"):
        services.treatment_decide(treatment=treatment, by=presenter, accept=True)


def test_declined_project_may_be_put_forward_again():
    """After "not this time", the same project can be proposed again for that session."""
    event, person = set_session()
    owner = UserFactory()
    project = owned_project(owner=owner)
    services.treatment_decide(
        treatment=_propose(event, owner, project=project), by=person, accept=False
    )
    assert _propose(event, owner, project=project).status == Treatment.Status.PROPOSED


# Following on from earlier sessions


def test_treatment_follows_the_last_one_of_the_same_project_in_the_set():
    """A project's second and third visits each chain to the visit before."""
    first, person = set_session(starts_at=at(3, 18))
    second = SetSessionFactory(series=first.series, organisers=[person], starts_at=at(10, 18))
    third = SetSessionFactory(series=first.series, organisers=[person], starts_at=at(17, 18))
    project = owned_project(owner=person)
    one = _propose(first, person, project=project, now=at(1, 9))
    two = _propose(second, person, project=project, now=at(8, 9))
    three = _propose(third, person, project=project)
    assert (one.follows, two.follows, three.follows) == (None, one, two)


def test_treatment_does_not_follow_another_set():
    """The same project at a different series starts a new chain."""
    earlier, person = set_session(starts_at=at(3, 18))
    later, _other = set_session()
    project = owned_project(owner=person)
    later.organisers.add(person)
    _propose(earlier, person, project=project, now=at(1, 9))
    assert _propose(later, person, project=project).follows is None


def test_treatment_does_not_follow_a_declined_one():
    """Only a visit that happened (was accepted) counts as earlier."""
    first, person = set_session(starts_at=at(3, 18))
    second = SetSessionFactory(series=first.series, organisers=[person])
    owner = UserFactory()
    project = owned_project(owner=owner)
    declined = _propose(first, owner, project=project, now=at(1, 9))
    services.treatment_decide(treatment=declined, by=person, accept=False)
    assert _propose(second, owner, project=project).follows is None


def test_project_described_in_lines_follows_by_its_name():
    """Without a project on the platform, the same name (any case) chains the visits."""
    first, person = set_session(starts_at=at(3, 18))
    second = SetSessionFactory(series=first.series, organisers=[person])
    earlier = _propose(first, person, title="Community Fridge", now=at(1, 9))
    assert _propose(second, person, title="community fridge").follows == earlier
