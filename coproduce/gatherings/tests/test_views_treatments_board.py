"""A project at a set: the treatment page, its live board, and adding to and removing from the
four columns. Each URL is tried as a visitor, a resident, a resident with a place, the project's
presenter, the organiser and an officer."""

from datetime import timedelta

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Action, Barrier, ColumnNote, ReportBack
from coproduce.gatherings.services.rsvps import rsvp_join

from .factories import ActionFactory, BarrierFactory, TreatmentFactory
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


ROLES = ("visitor", "resident", "attendee", "presenter", "organiser", "officer")


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
    treatment = proposed_treatment(cast)
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
    ColumnNote.objects.create(treatment=cast.treatment, column="who", text="Families nearby")
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
    treatment = proposed_treatment(cast)
    client.force_login(cast.attendee)
    url = reverse("gatherings:treatment_json", args=[treatment.pk])
    assert client.get(url).status_code == 404


def test_the_boards_version_changes_when_a_note_is_added(client, cast):
    """A new note gives a new version, so the live page knows to redraw."""
    url = reverse("gatherings:treatment_json", args=[cast.treatment.pk])
    before = client.get(url).json()["version"]
    assert client.get(url).json()["version"] == before
    ColumnNote.objects.create(treatment=cast.treatment, column="resources", text="A van")
    assert client.get(url).json()["version"] != before


# Adding to the four columns


def _capture(client, treatment, column: str, data: dict):
    return client.post(reverse("gatherings:capture", args=[treatment.pk, column]), data)


def test_a_visitor_is_sent_to_sign_in_to_add_a_note(client, cast):
    """Adding to the columns needs an account."""
    check(_capture(client, cast.treatment, "who", {"who-text": "Families"}), SIGN_IN)
    assert not ColumnNote.objects.exists()


def test_a_resident_without_a_place_cannot_add_a_note(client, cast):
    """Someone not at the session gets a 400 with the reason, and nothing is added."""
    client.force_login(cast.resident)
    response = _capture(client, cast.treatment, "who", {"who-text": "Families"})
    assert response.status_code == 400
    assert "Only people at the session can add to this." in response.text
    assert not ColumnNote.objects.exists()


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
    model = Barrier if column == "barriers" else ColumnNote
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
    assert not ColumnNote.objects.exists()


def test_a_note_that_is_too_long_is_refused(client, cast):
    """A note over 500 characters is a 400 and is not saved."""
    client.force_login(cast.attendee)
    response = _capture(client, cast.treatment, "who", {"who-text": "x" * 501})
    assert response.status_code == 400
    assert "Use 500 characters or fewer" in response.text
    assert not ColumnNote.objects.exists()


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
    treatment = proposed_treatment(cast)
    client.force_login(cast.attendee)
    assert _capture(client, treatment, "who", {"who-text": "Families"}).status_code == 404
    assert not ColumnNote.objects.exists()


# Removing from the four columns


def _remove(client, treatment, column: str, item):
    url = reverse("gatherings:capture_remove", args=[treatment.pk, column, item.pk])
    return client.post(url, follow=True)


def test_whoever_added_a_note_may_remove_it(client, cast):
    """The author takes back their own note."""
    note = ColumnNote.objects.create(
        treatment=cast.treatment, column="who", text="Families", added_by=cast.attendee
    )
    client.force_login(cast.attendee)
    response = _remove(client, cast.treatment, "who", note)
    assert "Removed." in response.text
    assert not ColumnNote.objects.exists()


def test_someone_else_at_the_session_may_not_remove_a_note(client, cast):
    """Another person with a place is told why, and the note stays."""
    note = ColumnNote.objects.create(
        treatment=cast.treatment, column="who", text="Families", added_by=cast.attendee
    )
    client.force_login(cast.presenter)
    response = _remove(client, cast.treatment, "who", note)
    assert "Only the person who added it or a facilitator can remove it." in response.text
    assert ColumnNote.objects.filter(pk=note.pk).exists()


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
    note = ColumnNote.objects.create(treatment=cast.treatment, column="who", text="Families")
    url = reverse("gatherings:capture_remove", args=[cast.treatment.pk, "who", note.pk])
    check(client.post(url), SIGN_IN)
    assert ColumnNote.objects.filter(pk=note.pk).exists()


def test_removing_something_from_another_treatment_is_a_404(client, cast):
    """An item is removed only through its own treatment's address."""
    other = TreatmentFactory()
    note = ColumnNote.objects.create(treatment=other, column="who", text="Families")
    client.force_login(cast.organiser)
    url = reverse("gatherings:capture_remove", args=[cast.treatment.pk, "who", note.pk])
    assert client.post(url).status_code == 404
    assert ColumnNote.objects.filter(pk=note.pk).exists()


def test_something_reported_on_stays_on_the_record(client, held):
    """An action with a report-back cannot be removed, and the reason is given."""
    ReportBack.objects.create(treatment=held.treatment, action=held.action, outcome="done")
    client.force_login(held.organiser)
    response = _remove(client, held.treatment, "actions", held.action)
    assert "This has been reported on, so it stays on the record." in response.text
    assert Action.objects.filter(pk=held.action.pk).exists()
