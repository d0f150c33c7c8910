"""Putting a project forward to an action learning set, and the organisers deciding which
projects come. Each URL is tried as a visitor, a resident, a resident with a place, the
project's presenter, the organiser and an officer."""

import pytest
from django.urls import reverse

from coproduce.gatherings.models import Event, Treatment
from coproduce.projects.tests.factories import owned_project

from .factories import EventFactory
from .pages import SIGN_IN, as_role, check, text
from .treatment_cast import proposed_treatment, treatment_cast, treatment_held

pytestmark = pytest.mark.django_db


@pytest.fixture
def held():
    """A set that has met: a session last week with a project, its action and barrier, and the
    set's session today at which to report back."""
    return treatment_held()


@pytest.fixture
def cast():
    """A session to come, with its facilitator, two people with a place (one of them bringing a
    project, already on the agenda), a resident without a place and an officer."""
    return treatment_cast()


# Putting a project forward


def test_a_visitor_is_sent_to_sign_in_to_put_a_project_forward(client, cast):
    """Putting a project forward needs an account."""
    url = reverse("gatherings:treatment_propose", args=[cast.session.pk])
    check(client.get(url), SIGN_IN)
    check(client.post(url, {"title": "Mine", "summary": "Mine."}), SIGN_IN)
    assert Treatment.objects.count() == 1


@pytest.mark.parametrize("role", ["resident", "attendee", "presenter", "organiser", "officer"])
def test_anyone_signed_in_may_open_the_form_to_put_a_project_forward(client, cast, role):
    """The form is for anyone signed in."""
    url = reverse("gatherings:treatment_propose", args=[cast.session.pk])
    assert as_role(client, cast, role).get(url).status_code == 200


def test_only_action_learning_sets_take_projects(client, cast):
    """A meet-up has no form to put a project forward."""
    client.force_login(cast.resident)
    meet_up = EventFactory(kind=Event.Kind.MEET_UP)
    response = client.get(reverse("gatherings:treatment_propose", args=[meet_up.pk]))
    assert response.status_code == 404


def test_a_resident_puts_a_project_forward_for_the_organisers_to_take(client, cast):
    """A resident's project waits for the organisers; they are told so."""
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:treatment_propose", args=[cast.session.pk]),
        {"title": "Tool library", "summary": "Lend tools, not buy them.", "question": "Where?"},
    )
    treatment = Treatment.objects.get(title="Tool library")
    assert treatment.status == Treatment.Status.PROPOSED and treatment.presenter == cast.resident
    assert response["Location"] == reverse("gatherings:treatment", args=[treatment.pk])
    page = text(client.get(response["Location"]))
    assert "The set's organisers will tell you if there is room for it" in page


def test_an_organiser_puts_a_project_straight_on_the_agenda(client, cast):
    """A facilitator's own project is taken at once."""
    client.force_login(cast.organiser)
    client.post(
        reverse("gatherings:treatment_propose", args=[cast.session.pk]),
        {"title": "Tool library", "summary": "Lend tools, not buy them."},
    )
    assert Treatment.objects.get(title="Tool library").status == Treatment.Status.ACCEPTED


def test_a_project_from_the_projects_pages_can_be_put_forward(client, cast):
    """Someone who runs a project chooses it; its name and summary are used."""
    project = owned_project(owner=cast.resident, title="Canal orchard", summary="Fruit trees.")
    client.force_login(cast.resident)
    url = reverse("gatherings:treatment_propose", args=[cast.session.pk])
    assert "Canal orchard" in client.get(url).text
    client.post(url, {"project": project.pk})
    treatment = Treatment.objects.get(project=project)
    assert (treatment.title, treatment.summary) == ("Canal orchard", "Fruit trees.")


def test_someone_elses_project_cannot_be_put_forward(client, cast):
    """A project the person does not run is a 400 with the message, and nothing is saved."""
    project = owned_project(title="Canal orchard")
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:treatment_propose", args=[cast.session.pk]), {"project": project.pk}
    )
    assert response.status_code == 400
    assert "Choose one of your projects from the list" in response.text
    assert not Treatment.objects.filter(project=project).exists()


def test_an_empty_project_form_is_a_400_with_a_message_per_field(client, cast):
    """No project and no name or summary: 400, an error summary, both messages, nothing saved."""
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:treatment_propose", args=[cast.session.pk]), {"title": ""}
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Give the project a name, or choose one of your projects" in response.text
    assert "Describe the project in a few lines" in response.text
    assert Treatment.objects.count() == 1


def test_no_project_is_put_forward_after_the_session(client, held):
    """A session that has ended is a 400 with the reason."""
    client.force_login(held.resident)
    response = client.post(
        reverse("gatherings:treatment_propose", args=[held.treatment.event_id]),
        {"title": "Late", "summary": "Too late."},
    )
    assert response.status_code == 400
    assert "This session has ended or been cancelled." in response.text


def test_the_session_page_offers_to_put_a_project_forward(client, cast):
    """Before the session, the event page links to the form."""
    client.force_login(cast.resident)
    page = client.get(reverse("gatherings:event", args=[cast.session.pk])).text
    assert reverse("gatherings:treatment_propose", args=[cast.session.pk]) in page


def test_a_session_that_is_over_does_not_offer_to_put_a_project_forward(client, held):
    """Once the session has ended, the event page no longer links to a form that would refuse."""
    client.force_login(held.resident)
    page = client.get(reverse("gatherings:event", args=[held.treatment.event_id])).text
    assert "Put a project forward for this session" not in page


# Deciding which projects come to a session


def _decide(client, treatment, decision: str):
    return client.post(
        reverse("gatherings:treatment_decide", args=[treatment.pk]), {"decision": decision}
    )


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", SIGN_IN),
        ("resident", 404),
        ("attendee", 404),
        ("presenter", 403),
        ("organiser", 302),
        ("officer", 302),
    ],
)
def test_only_organisers_decide_which_projects_come(client, cast, role, expected):
    """Organisers and officers take a project; nobody else can."""
    treatment = proposed_treatment(cast)
    check(_decide(as_role(client, cast, role), treatment, "accept"), expected)
    treatment.refresh_from_db()
    accepted = expected == 302
    assert (treatment.status == Treatment.Status.ACCEPTED) is accepted


def test_an_organiser_says_not_this_time(client, cast):
    """Declining keeps the project off the agenda."""
    treatment = proposed_treatment(cast)
    client.force_login(cast.organiser)
    response = _decide(client, treatment, "decline")
    assert response["Location"] == reverse("gatherings:event", args=[cast.session.pk])
    treatment.refresh_from_db()
    assert treatment.status == Treatment.Status.DECLINED


def test_organisers_see_the_buttons_to_decide_on_the_event_page(client, cast):
    """A project put forward shows "Take it" to organisers, and is hidden from others."""
    proposed_treatment(cast)
    client.force_login(cast.organiser)
    page = client.get(reverse("gatherings:event", args=[cast.session.pk])).text
    assert "Take it" in page and "Tool library" in page
    client.force_login(cast.attendee)
    page = client.get(reverse("gatherings:event", args=[cast.session.pk])).text
    assert "Tool library" not in page and "Community fridge" in page
