"""Series pages: the list of series, a series and a set's progress, and setting one up. Each URL
is tried as a visitor, a resident, a resident with a place, the event's organiser and an
officer."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.gatherings.models import Event, Series

from .event_cast import ROLES, event_cast
from .factories import (
    ActionFactory,
    BarrierFactory,
    SeriesFactory,
    SetSessionFactory,
    TreatmentFactory,
)
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """An event with its organiser, someone with a place, a resident and an officer."""
    return event_cast()


# Series


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_list_of_series(client, cast, role):
    """The list of series is public."""
    SeriesFactory(title="Shop-front talks")
    response = as_role(client, cast, role).get(reverse("gatherings:series_list"))
    assert response.status_code == 200
    assert "Shop-front talks" in response.text


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("visitor", SIGN_IN),
        ("resident", 403),
        ("attendee", 403),
        ("organiser", 200),
        ("officer", 200),
    ],
)
def test_only_organisers_and_officers_may_set_up_a_series(client, cast, role, expected):
    """The series form is for organisers and officers."""
    check(as_role(client, cast, role).get(reverse("gatherings:series_create")), expected)


def test_an_organiser_sets_up_a_series(client, cast):
    """A good form saves the series, run by whoever set it up."""
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:series_create"),
        {
            "title": "Coproduction Action Learning Set",
            "summary": "Once a month, bring a project.",
            "kind": Event.Kind.ACTION_LEARNING_SET,
        },
    )
    series = Series.objects.get(title="Coproduction Action Learning Set")
    assert response["Location"] == reverse("gatherings:series", args=[series.slug])
    assert list(series.organisers.all()) == [cast.organiser]


def test_an_empty_series_form_is_a_400_with_messages(client, cast):
    """Nothing filled in: 400, an error summary, a message for each field, nothing saved."""
    client.force_login(cast.organiser)
    response = client.post(reverse("gatherings:series_create"), {"title": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    for message in [
        "Give the series a title",
        "Say in a sentence what the series is",
        "Choose what kind of events it has",
    ]:
        assert message in response.text
    assert not Series.objects.exists()


def test_a_resident_cannot_set_up_a_series_by_posting(client, cast):
    """Posting the series form as a resident is refused."""
    client.force_login(cast.resident)
    response = client.post(
        reverse("gatherings:series_create"),
        {"title": "Mine", "summary": "Mine.", "kind": Event.Kind.TALK},
    )
    assert response.status_code == 403
    assert not Series.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_a_series(client, cast, role):
    """A series page is public and lists its events."""
    series = SeriesFactory(title="Monthly set")
    SetSessionFactory(series=series, title="June session")
    response = as_role(client, cast, role).get(reverse("gatherings:series", args=[series.slug]))
    assert response.status_code == 200
    assert "June session" in response.text


def test_a_series_that_does_not_exist_is_a_404(client):
    """An unknown series is not found."""
    assert client.get(reverse("gatherings:series", args=["no-such-series"])).status_code == 404


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("visitor", False),
        ("resident", False),
        ("other_organiser", False),
        ("organiser", True),
        ("officer", True),
    ],
)
def test_only_the_series_organisers_may_add_events_to_it(client, cast, role, shown):
    """The button to add an event is for the series' organisers and officers."""
    series = SeriesFactory(organisers=[cast.organiser])
    response = as_role(client, cast, role).get(reverse("gatherings:series", args=[series.slug]))
    assert ("Add an event to this series" in response.text) is shown


def test_a_sets_page_shows_each_projects_progress(client):
    """An action learning set's page counts actions done and barriers busted, per project."""
    series = SeriesFactory()
    treatment = TreatmentFactory(event=SetSessionFactory(series=series), title="Tool library")
    ActionFactory(treatment=treatment, status="done")
    ActionFactory(treatment=treatment)
    BarrierFactory(treatment=treatment)
    page = text(client.get(reverse("gatherings:series", args=[series.slug])))
    assert "Tool library" in page
    assert "1 of 2" in page and "0 of 1" in page


def test_a_series_of_talks_has_no_progress_table(client):
    """Only action learning sets show projects' progress."""
    series = SeriesFactory(kind=Event.Kind.TALK)
    response = client.get(reverse("gatherings:series", args=[series.slug]))
    assert "What projects have done since their treatment" not in response.text


def _grow_series(series, n: int) -> None:
    for _ in range(n):
        past = timezone.now() - timedelta(days=30)
        for starts in (past, timezone.now() + timedelta(days=30)):
            session = SetSessionFactory(
                series=series, starts_at=starts, ends_at=starts + timedelta(hours=2)
            )
            treatment = TreatmentFactory(event=session)
            ActionFactory(treatment=treatment, status="done")
            BarrierFactory(treatment=treatment)


def _series_queries(client, series) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("gatherings:series", args=[series.slug]))
    assert response.status_code == 200
    return len(queries)


def test_a_series_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    """The series page's queries do not grow with its sessions, projects, actions or barriers."""
    series = SeriesFactory()
    _grow_series(series, 1)
    few = _series_queries(client, series)
    assert few <= 8
    _grow_series(series, 6)
    with django_assert_max_num_queries(few):
        client.get(reverse("gatherings:series", args=[series.slug]))
