"""Treatment pages: putting a project forward, the four columns, the live board, deciding
which projects come, report-backs and a person's actions. Each URL is tried as a visitor, a
resident, a resident with a place, the project's presenter, the organiser and an officer."""

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import (
    Action,
    Barrier,
    Contribution,
    Event,
    ReportBack,
    Treatment,
)
from coproduce.gatherings.services.places import rsvp_join
from coproduce.projects.tests.factories import owned_project

from .factories import (
    ActionFactory,
    BarrierFactory,
    EventFactory,
    SeriesFactory,
    SetSessionFactory,
    TreatmentFactory,
    officer,
    organiser,
)
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db

ROLES = ("visitor", "resident", "attendee", "presenter", "organiser", "officer")


def _people(session, host) -> SimpleNamespace:
    attendee = UserFactory(display_name="Ada Attendee")
    presenter = UserFactory(display_name="Priya Presenter")
    for person in (attendee, presenter):
        rsvp_join(event=session, user=person)
    return SimpleNamespace(
        session=session,
        organiser=host,
        attendee=attendee,
        presenter=presenter,
        resident=UserFactory(display_name="Rae Resident"),
        officer=officer(),
    )


@pytest.fixture
def cast():
    """A session to come, with its facilitator, two people with a place (one of them bringing a
    project, already on the agenda), a resident without a place and an officer."""
    host = organiser(display_name="Olu Organiser")
    people = _people(SetSessionFactory(organisers=[host], title="June set"), host)
    people.treatment = TreatmentFactory(
        event=people.session, presenter=people.presenter, title="Community fridge"
    )
    return people


@pytest.fixture
def held():
    """A set that has met: a session last week with a project, its action and barrier, and the
    set's session today at which to report back."""
    host = organiser(display_name="Olu Organiser")
    series = SeriesFactory(organisers=[host])
    session = SetSessionFactory(organisers=[host], series=series, title="May set")
    people = _people(session, host)
    last_week = timezone.now() - timedelta(days=7)
    Event.objects.filter(pk=session.pk).update(
        starts_at=last_week, ends_at=last_week + timedelta(hours=2)
    )
    session.refresh_from_db()
    today = timezone.now() - timedelta(minutes=30)
    people.next_session = SetSessionFactory(
        series=series, starts_at=today, ends_at=today + timedelta(hours=2), title="June set"
    )
    people.series = series
    people.treatment = TreatmentFactory(
        event=session, presenter=people.presenter, title="Community fridge"
    )
    people.action = ActionFactory(
        treatment=people.treatment, owner=people.presenter, text="Ask the corner shop"
    )
    people.barrier = BarrierFactory(treatment=people.treatment, text="No cheap rooms to hire")
    return people


def _proposed(cast) -> Treatment:
    return TreatmentFactory(
        event=cast.session,
        presenter=cast.presenter,
        title="Tool library",
        status=Treatment.Status.PROPOSED,
    )


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


# The treatment page and its live board


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_a_project_on_the_agenda(client, cast, role):
    """A treatment on the agenda is public, with its four columns."""
    url = reverse("gatherings:treatment", args=[cast.treatment.pk])
    response = as_role(client, cast, role).get(url)
    assert response.status_code == 200
    for heading in ["Community fridge", "Who is affected", "Resources", "Action plan", "Barriers"]:
        assert heading in response.text


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", 404),
        ("resident", 404),
        ("attendee", 404),
        ("presenter", 200),
        ("organiser", 200),
        ("officer", 200),
    ],
)
def test_a_project_not_yet_taken_is_seen_by_who_brought_it_and_organisers(
    client, cast, role, expected
):
    """Until the organisers take it, a project is not shown to others."""
    treatment = _proposed(cast)
    url = reverse("gatherings:treatment", args=[treatment.pk])
    assert as_role(client, cast, role).get(url).status_code == expected


def test_an_unknown_treatment_is_a_404(client):
    """No treatment, no page."""
    assert client.get(reverse("gatherings:treatment", args=[999_999])).status_code == 404


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("visitor", False),
        ("resident", False),
        ("attendee", True),
        ("presenter", True),
        ("organiser", True),
        ("officer", True),
    ],
)
def test_only_people_at_the_session_get_the_forms_to_add(client, cast, role, shown):
    """The forms for the four columns are for people with a place, the presenter, organisers."""
    response = as_role(client, cast, role).get(
        reverse("gatherings:treatment", args=[cast.treatment.pk])
    )
    add_who = reverse("gatherings:capture", args=[cast.treatment.pk, "who"])
    assert (add_who in response.text) is shown


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_read_the_board_as_json(client, cast, role):
    """The board's JSON, like the page, is public for a project on the agenda."""
    Contribution.objects.create(treatment=cast.treatment, column="who", text="Families nearby")
    ActionFactory(treatment=cast.treatment, owner=cast.presenter, text="Ring the shop")
    url = reverse("gatherings:treatment_json", args=[cast.treatment.pk])
    response = as_role(client, cast, role).get(url)
    assert response.status_code == 200
    board = response.json()
    assert set(board) == {"version", "who", "resources", "actions", "barriers"}
    assert [n["text"] for n in board["who"]] == ["Families nearby"]
    at_the_session = role in {"attendee", "presenter", "organiser", "officer"}
    assert board["actions"][0]["owner"] == ("Priya Presenter" if at_the_session else "")


@pytest.mark.parametrize("role", ROLES)
def test_action_owners_are_named_only_to_people_at_the_session(client, cast, role):
    """Visitors and residents not at the session see the actions but not who owns them."""
    ActionFactory(treatment=cast.treatment, owner=cast.attendee, text="Ring the shop")
    response = as_role(client, cast, role).get(
        reverse("gatherings:treatment", args=[cast.treatment.pk])
    )
    assert "Ring the shop" in text(response)
    named = str(cast.attendee) in text(response)
    assert named is (role in {"attendee", "presenter", "organiser", "officer"})


def test_a_resident_at_the_session_chooses_owners_only_from_those_running_it(client, cast):
    """The owner list does not tell one attendee who else is coming; facilitators see all."""
    other = UserFactory(display_name="Olive Other")
    rsvp_join(
        event=cast.treatment.event,
        user=other,
        now=cast.treatment.event.starts_at - timedelta(days=1),
    )
    url = reverse("gatherings:treatment", args=[cast.treatment.pk])
    client.force_login(cast.attendee)
    assert "Olive Other" not in text(client.get(url))
    client.force_login(cast.organiser)
    assert "Olive Other" in text(client.get(url))


def test_the_board_json_of_a_project_not_yet_taken_is_a_404_for_others(client, cast):
    """The JSON of a project not yet taken is not found for a resident."""
    treatment = _proposed(cast)
    client.force_login(cast.attendee)
    url = reverse("gatherings:treatment_json", args=[treatment.pk])
    assert client.get(url).status_code == 404


def test_the_boards_version_changes_when_a_note_is_added(client, cast):
    """A new note gives a new version, so the live page knows to redraw."""
    url = reverse("gatherings:treatment_json", args=[cast.treatment.pk])
    before = client.get(url).json()["version"]
    assert client.get(url).json()["version"] == before
    Contribution.objects.create(treatment=cast.treatment, column="resources", text="A van")
    assert client.get(url).json()["version"] != before


# Adding to the four columns


def _capture(client, treatment, column: str, data: dict):
    return client.post(reverse("gatherings:capture", args=[treatment.pk, column]), data)


def test_a_visitor_is_sent_to_sign_in_to_add_a_note(client, cast):
    """Adding to the columns needs an account."""
    check(_capture(client, cast.treatment, "who", {"who-text": "Families"}), SIGN_IN)
    assert not Contribution.objects.exists()


def test_a_resident_without_a_place_cannot_add_a_note(client, cast):
    """Someone not at the session gets a 400 with the reason, and nothing is added."""
    client.force_login(cast.resident)
    response = _capture(client, cast.treatment, "who", {"who-text": "Families"})
    assert response.status_code == 400
    assert "Only people at the session can add to this." in response.text
    assert not Contribution.objects.exists()


@pytest.mark.parametrize(
    ("column", "field"),
    [("who", "who-text"), ("resources", "resources-text"), ("barriers", "barriers-text")],
)
def test_someone_with_a_place_adds_to_a_column(client, cast, column, field):
    """Who is affected, resources and barriers each take a note, and the page shows it."""
    client.force_login(cast.attendee)
    response = _capture(client, cast.treatment, column, {field: "Families on the estate"})
    expected = reverse("gatherings:treatment", args=[cast.treatment.pk]) + f"#{column}"
    assert response["Location"] == expected
    model = Barrier if column == "barriers" else Contribution
    assert model.objects.get(treatment=cast.treatment).text == "Families on the estate"
    assert "Families on the estate" in client.get(expected).text


def test_an_action_is_added_with_an_owner_and_a_due_date(client, cast):
    """An action names someone at the session and a date."""
    client.force_login(cast.organiser)
    page = client.get(reverse("gatherings:treatment", args=[cast.treatment.pk])).text
    assert "Priya Presenter" in page  # people at the session are offered as owners
    _capture(
        client,
        cast.treatment,
        "actions",
        {
            "actions-text": "Ask the corner shop",
            "actions-owner": cast.presenter.pk,
            "actions-due_on": "24/6/2030",
        },
    )
    action = Action.objects.get(treatment=cast.treatment)
    assert action.owner == cast.presenter and action.due_on.isoformat() == "2030-06-24"
    assert action.added_by == cast.organiser


def test_an_action_can_be_owned_by_someone_not_on_the_site(client, cast):
    """With no owner chosen, a written name will do."""
    client.force_login(cast.attendee)
    _capture(
        client,
        cast.treatment,
        "actions",
        {
            "actions-text": "Lend the van",
            "actions-owner_name": "Jo from the tenants",
            "actions-due_on": "24/6/2030",
        },
    )
    action = Action.objects.get(treatment=cast.treatment)
    assert action.owner is None and action.owner_label == "Jo from the tenants"


def test_an_action_owner_must_be_someone_at_the_session(client, cast):
    """A resident not at the session cannot be chosen as owner: 400, nothing saved."""
    client.force_login(cast.attendee)
    response = _capture(
        client,
        cast.treatment,
        "actions",
        {
            "actions-text": "Lend the van",
            "actions-owner": cast.resident.pk,
            "actions-due_on": "24/6/2030",
        },
    )
    assert response.status_code == 400
    assert "Choose a person from the list" in response.text
    assert not Action.objects.exists()


def test_an_empty_action_is_a_400_with_a_message_per_field(client, cast):
    """No text, owner or date: 400, an error summary, each message, nothing saved."""
    client.force_login(cast.attendee)
    response = _capture(client, cast.treatment, "actions", {"actions-text": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    for message in ["Say what will be done", "Say who will do it", "Enter the date it is due"]:
        assert message in response.text
    assert not Action.objects.exists()


def test_an_action_cannot_be_due_before_the_session(client, cast):
    """A due date before the session is a 400 with the reason."""
    client.force_login(cast.attendee)
    response = _capture(
        client,
        cast.treatment,
        "actions",
        {
            "actions-text": "Lend the van",
            "actions-owner": cast.attendee.pk,
            "actions-due_on": "1/6/2030",
        },
    )
    assert response.status_code == 400
    assert "The due date must be on or after the session." in response.text
    assert not Action.objects.exists()


def test_an_empty_note_is_a_400_with_the_message(client, cast):
    """A note with nothing in it is refused with a message linked to the field."""
    client.force_login(cast.attendee)
    response = _capture(client, cast.treatment, "resources", {"resources-text": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Write something to add" in response.text
    assert 'href="#id_resources-text"' in response.text
    assert not Contribution.objects.exists()


def test_a_note_that_is_too_long_is_refused(client, cast):
    """A note over 500 characters is a 400 and is not saved."""
    client.force_login(cast.attendee)
    response = _capture(client, cast.treatment, "who", {"who-text": "x" * 501})
    assert response.status_code == 400
    assert "Use 500 characters or fewer" in response.text
    assert not Contribution.objects.exists()


def test_an_unknown_column_is_a_404(client, cast):
    """Only the four columns exist."""
    client.force_login(cast.attendee)
    assert _capture(client, cast.treatment, "gossip", {"gossip-text": "x"}).status_code == 404


def test_adding_needs_a_post(client, cast):
    """Following the add address does nothing."""
    client.force_login(cast.attendee)
    url = reverse("gatherings:capture", args=[cast.treatment.pk, "who"])
    assert client.get(url).status_code == 405


def test_nothing_is_added_to_a_project_not_yet_taken(client, cast):
    """Someone with a place cannot add to a project the organisers have not taken."""
    treatment = _proposed(cast)
    client.force_login(cast.attendee)
    assert _capture(client, treatment, "who", {"who-text": "Families"}).status_code == 404
    assert not Contribution.objects.exists()


# Removing from the four columns


def _remove(client, treatment, column: str, item):
    url = reverse("gatherings:capture_remove", args=[treatment.pk, column, item.pk])
    return client.post(url, follow=True)


def test_whoever_added_a_note_may_remove_it(client, cast):
    """The author takes back their own note."""
    note = Contribution.objects.create(
        treatment=cast.treatment, column="who", text="Families", added_by=cast.attendee
    )
    client.force_login(cast.attendee)
    response = _remove(client, cast.treatment, "who", note)
    assert "Removed." in response.text
    assert not Contribution.objects.exists()


def test_someone_else_at_the_session_may_not_remove_a_note(client, cast):
    """Another person with a place is told why, and the note stays."""
    note = Contribution.objects.create(
        treatment=cast.treatment, column="who", text="Families", added_by=cast.attendee
    )
    client.force_login(cast.presenter)
    response = _remove(client, cast.treatment, "who", note)
    assert "Only the person who added it or a facilitator can remove it." in response.text
    assert Contribution.objects.filter(pk=note.pk).exists()


@pytest.mark.parametrize("role", ["organiser", "officer"])
def test_a_facilitator_may_remove_anything(client, cast, role):
    """Organisers and officers remove notes, actions and barriers added by anyone."""
    action = ActionFactory(treatment=cast.treatment, added_by=cast.attendee)
    barrier = BarrierFactory(treatment=cast.treatment, added_by=cast.attendee)
    as_role(client, cast, role)
    _remove(client, cast.treatment, "actions", action)
    _remove(client, cast.treatment, "barriers", barrier)
    assert not Action.objects.exists() and not Barrier.objects.exists()


def test_a_visitor_is_sent_to_sign_in_to_remove_a_note(client, cast):
    """Removing needs an account."""
    note = Contribution.objects.create(treatment=cast.treatment, column="who", text="Families")
    url = reverse("gatherings:capture_remove", args=[cast.treatment.pk, "who", note.pk])
    check(client.post(url), SIGN_IN)
    assert Contribution.objects.filter(pk=note.pk).exists()


def test_removing_something_from_another_treatment_is_a_404(client, cast):
    """An item is removed only through its own treatment's address."""
    other = TreatmentFactory()
    note = Contribution.objects.create(treatment=other, column="who", text="Families")
    client.force_login(cast.organiser)
    url = reverse("gatherings:capture_remove", args=[cast.treatment.pk, "who", note.pk])
    assert client.post(url).status_code == 404
    assert Contribution.objects.filter(pk=note.pk).exists()


def test_something_reported_on_stays_on_the_record(client, held):
    """An action with a report-back cannot be removed, and the reason is given."""
    ReportBack.objects.create(treatment=held.treatment, action=held.action, outcome="done")
    client.force_login(held.organiser)
    response = _remove(client, held.treatment, "actions", held.action)
    assert "This has been reported on, so it stays on the record." in response.text
    assert Action.objects.filter(pk=held.action.pk).exists()


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
    treatment = _proposed(cast)
    check(_decide(as_role(client, cast, role), treatment, "accept"), expected)
    treatment.refresh_from_db()
    accepted = expected == 302
    assert (treatment.status == Treatment.Status.ACCEPTED) is accepted


def test_an_organiser_says_not_this_time(client, cast):
    """Declining keeps the project off the agenda."""
    treatment = _proposed(cast)
    client.force_login(cast.organiser)
    response = _decide(client, treatment, "decline")
    assert response["Location"] == reverse("gatherings:event", args=[cast.session.pk])
    treatment.refresh_from_db()
    assert treatment.status == Treatment.Status.DECLINED


def test_organisers_see_the_buttons_to_decide_on_the_event_page(client, cast):
    """A project put forward shows "Take it" to organisers, and is hidden from others."""
    _proposed(cast)
    client.force_login(cast.organiser)
    page = client.get(reverse("gatherings:event", args=[cast.session.pk])).text
    assert "Take it" in page and "Tool library" in page
    client.force_login(cast.attendee)
    page = client.get(reverse("gatherings:event", args=[cast.session.pk])).text
    assert "Tool library" not in page and "Community fridge" in page


# Reporting back


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", SIGN_IN),
        ("resident", 403),
        ("attendee", 403),
        ("presenter", 200),
        ("organiser", 200),
        ("officer", 200),
    ],
)
def test_only_the_presenter_and_organisers_may_report_back(client, held, role, expected):
    """The report-back form is for who brought the project and the set's organisers."""
    url = reverse("gatherings:report_back", args=[held.treatment.pk])
    check(as_role(client, held, role).get(url), expected)


def test_the_treatment_page_offers_the_presenter_a_report_back(client, held):
    """After the session, the presenter gets the button; others do not."""
    url = reverse("gatherings:treatment", args=[held.treatment.pk])
    client.force_login(held.presenter)
    assert "Report back on actions and barriers" in client.get(url).text
    client.force_login(held.attendee)
    assert "Report back on actions and barriers" not in client.get(url).text


def test_the_report_back_form_lists_each_action_and_barrier(client, held):
    """Each action and barrier has its choices."""
    client.force_login(held.presenter)
    page = client.get(reverse("gatherings:report_back", args=[held.treatment.pk])).text
    assert "Ask the corner shop" in page and "No cheap rooms to hire" in page
    assert f'name="action_{held.action.pk}"' in page
    assert f'name="barrier_{held.barrier.pk}"' in page


def _report(client, held, data: dict):
    return client.post(reverse("gatherings:report_back", args=[held.treatment.pk]), data)


@pytest.mark.parametrize("outcome", ["done", "in_progress", "dropped"])
def test_the_presenter_reports_what_happened_to_an_action(client, held, outcome):
    """Done, in progress or dropped is saved with its note, at the set's next session."""
    client.force_login(held.presenter)
    response = _report(
        client, held, {f"action_{held.action.pk}": outcome, f"action_{held.action.pk}_note": "Ok"}
    )
    assert response["Location"] == reverse("gatherings:series", args=[held.series.slug]) + (
        "#progress"
    )
    held.action.refresh_from_db()
    assert held.action.status == outcome
    report = ReportBack.objects.get()
    assert (report.outcome, report.note, report.event) == (outcome, "Ok", held.next_session)


def test_a_barrier_is_busted_with_how(client, held):
    """Busted with a "how" marks the barrier busted and keeps the lesson."""
    client.force_login(held.presenter)
    _report(
        client,
        held,
        {
            f"barrier_{held.barrier.pk}": "busted",
            f"barrier_{held.barrier.pk}_note": "The church hall is free on Tuesdays.",
        },
    )
    held.barrier.refresh_from_db()
    assert held.barrier.is_busted
    assert held.barrier.busted_how == "The church hall is free on Tuesdays."


def test_busted_without_how_is_a_400_and_saves_nothing(client, held):
    """Busted needs a how; without it nothing at all is saved, not even the action."""
    client.force_login(held.presenter)
    response = _report(
        client,
        held,
        {f"action_{held.action.pk}": "done", f"barrier_{held.barrier.pk}": "busted"},
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Say how it was busted, so others can learn" in response.text
    assert f'href="#id_barrier_{held.barrier.pk}_note"' in response.text
    held.action.refresh_from_db()
    held.barrier.refresh_from_db()
    assert held.action.status == Action.Status.OPEN and not held.barrier.is_busted
    assert not ReportBack.objects.exists()


def test_a_report_back_with_no_outcome_is_a_400(client, held):
    """Choosing nothing is refused with a message."""
    client.force_login(held.presenter)
    response = _report(client, held, {f"action_{held.action.pk}_note": "Nothing yet."})
    assert response.status_code == 400
    assert "Choose an outcome for at least one action or barrier" in response.text
    assert not ReportBack.objects.exists()


def test_an_outcome_not_offered_is_a_400(client, held):
    """An action cannot be "busted"."""
    client.force_login(held.presenter)
    response = _report(client, held, {f"action_{held.action.pk}": "busted"})
    assert response.status_code == 400
    assert "Choose done, in progress or dropped" in response.text
    assert not ReportBack.objects.exists()


def test_nobody_reports_back_before_the_session(client, cast):
    """Before the session has happened, a report-back is a 400 with the reason."""
    action = ActionFactory(treatment=cast.treatment, owner=cast.presenter)
    client.force_login(cast.presenter)
    response = client.post(
        reverse("gatherings:report_back", args=[cast.treatment.pk]), {f"action_{action.pk}": "done"}
    )
    assert response.status_code == 400
    assert "You can report back once the session has happened." in response.text
    action.refresh_from_db()
    assert action.status == Action.Status.OPEN


def test_someone_with_a_place_cannot_report_back_by_posting(client, held):
    """Posting a report-back as another attendee is refused and changes nothing."""
    client.force_login(held.attendee)
    response = _report(client, held, {f"action_{held.action.pk}": "done"})
    assert response.status_code == 403
    held.action.refresh_from_db()
    assert held.action.status == Action.Status.OPEN


def test_the_sets_numbers_move_after_a_report_back(client, held):
    """The series page goes from 0 of 1 to 1 of 1 for actions done and barriers busted."""
    series_url = reverse("gatherings:series", args=[held.series.slug])
    before = text(client.get(series_url))
    # Twice in the project's row, twice in the set's summary above the table.
    assert before.count("0 of 1") == 4
    assert "So far: 0 of 1 actions done, and 0 of 1 barriers busted." in before
    client.force_login(held.presenter)
    _report(
        client,
        held,
        {
            f"action_{held.action.pk}": "done",
            f"barrier_{held.barrier.pk}": "busted",
            f"barrier_{held.barrier.pk}_note": "The church hall is free on Tuesdays.",
        },
    )
    client.logout()
    after = text(client.get(series_url))
    assert after.count("1 of 1") == 4 and "0 of 1" not in after
    assert "So far: 1 of 1 actions done, and 1 of 1 barriers busted." in after
    assert "1 action done, 1 barrier busted" in after


def test_report_backs_show_on_the_treatment_page(client, held):
    """Everyone sees what was reported, with its note."""
    client.force_login(held.presenter)
    _report(
        client,
        held,
        {f"action_{held.action.pk}": "in_progress", f"action_{held.action.pk}_note": "Half way"},
    )
    client.logout()
    page = client.get(reverse("gatherings:treatment", args=[held.treatment.pk])).text
    assert "Report-backs" in page and "Half way" in page and "In progress" in page


# Your actions


def test_a_visitor_is_sent_to_sign_in_for_their_actions(client):
    """A person's actions need an account."""
    check(client.get(reverse("gatherings:my_actions")), SIGN_IN)


def test_people_see_only_their_own_actions(client, held):
    """The owner sees their action; someone else does not."""
    client.force_login(held.presenter)
    assert "Ask the corner shop" in client.get(reverse("gatherings:my_actions")).text
    client.force_login(held.attendee)
    response = client.get(reverse("gatherings:my_actions"))
    assert response.status_code == 200
    assert "Ask the corner shop" not in response.text


def test_the_board_json_is_plain_data(client, held):
    """The JSON has each item's id and text, and whether barriers are busted."""
    board = json.loads(
        client.get(reverse("gatherings:treatment_json", args=[held.treatment.pk])).content
    )
    assert board["barriers"] == [
        {"id": held.barrier.pk, "text": "No cheap rooms to hire", "busted": False, "library": ""}
    ]
    assert board["actions"][0]["status"] == "Not reported on yet"


def test_a_projects_page_lists_its_treatments_with_what_came_of_them(client):
    """The project's own page links to each session it was brought to, with its numbers."""
    from coproduce.projects.tests.factories import owned_project

    host = organiser()
    project = owned_project(owner=host)
    session = SetSessionFactory(organisers=[host], title="June set")
    treatment = TreatmentFactory(
        event=session, project=project, presenter=host, title=project.title
    )
    ActionFactory(treatment=treatment, owner=host, status="done")
    ActionFactory(treatment=treatment, owner=host)
    page = text(client.get(reverse("projects:detail", args=[project.pk])))
    assert reverse("gatherings:treatment", args=[treatment.pk]) in page
    assert "1 of 2 actions done, 0 of 0 barriers busted." in page
