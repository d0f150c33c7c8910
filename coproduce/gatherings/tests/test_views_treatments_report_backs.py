"""Reporting back on a project's actions and barriers at a later session, and a person's own
actions. Each URL is tried as a visitor, a resident, a resident with a place, the project's
presenter, the organiser and an officer."""

import json

import pytest
from django.urls import reverse

from coproduce.gatherings.models import Action, ReportBack

from .factories import ActionFactory, SetSessionFactory, TreatmentFactory, organiser
from .pages import SIGN_IN, as_role, check, text
from .treatment_cast import treatment_cast, treatment_held

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
