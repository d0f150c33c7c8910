"""Barrier library pages: the library, one entry, linking a barrier and busting one. Each URL
is tried as a visitor, a resident, a resident with a place, the project's presenter, the
session's organiser and an officer."""

from datetime import timedelta
from html import unescape
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Barrier, BarrierTheme, Event, ReportBack
from coproduce.gatherings.services.rsvps import rsvp_join

from .factories import (
    BarrierFactory,
    BarrierThemeFactory,
    SetSessionFactory,
    TreatmentFactory,
    officer,
    organiser,
)
from .pages import SIGN_IN, as_role, check, text

pytestmark = pytest.mark.django_db

ROLES = ("visitor", "resident", "attendee", "presenter", "organiser", "officer")


@pytest.fixture
def cast():
    """A session held last week, a project brought to it and a barrier it named, with the
    library's entry for lack of space (and a barrier from another set already in it)."""
    host = organiser(display_name="Olu Organiser")
    session = SetSessionFactory(organisers=[host])
    attendee, presenter = UserFactory(), UserFactory(display_name="Priya Presenter")
    for person in (attendee, presenter):
        rsvp_join(event=session, user=person)
    last_week = timezone.now() - timedelta(days=7)
    Event.objects.filter(pk=session.pk).update(
        starts_at=last_week, ends_at=last_week + timedelta(hours=2)
    )
    treatment = TreatmentFactory(event=session, presenter=presenter, title="Community fridge")
    space = BarrierThemeFactory(name="Lack of affordable space", slug="lack-of-affordable-space")
    BarrierFactory(
        text="Halls cost too much",
        theme=space,
        treatment=TreatmentFactory(title="Youth drama club"),
        busted_at=timezone.now(),
        busted_how="The school lends its hall at weekends.",
    )
    return SimpleNamespace(
        session=session,
        treatment=treatment,
        barrier=BarrierFactory(treatment=treatment, text="No cheap rooms to hire"),
        space=space,
        organiser=host,
        attendee=attendee,
        presenter=presenter,
        resident=UserFactory(),
        officer=officer(),
    )


# The library


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_the_library(client, cast, role):
    """The library is public, with each entry's counts."""
    response = as_role(client, cast, role).get(reverse("gatherings:library"))
    assert response.status_code == 200
    assert "Lack of affordable space" in response.text


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("visitor", False),
        ("resident", False),
        ("attendee", False),
        ("presenter", False),
        ("organiser", False),
        ("officer", True),
    ],
)
def test_only_officers_see_the_barriers_not_yet_linked(client, cast, role, shown):
    """The list of barriers to link is for those who look after the library."""
    response = as_role(client, cast, role).get(reverse("gatherings:library"))
    assert ("Barriers not yet in the library" in response.text) is shown


def test_the_library_can_be_searched(client, cast):
    """A search finds entries by name or by what sets called them."""
    BarrierThemeFactory(name="Staff overstretched", slug="staff-overstretched")
    response = client.get(reverse("gatherings:library"), {"q": "halls cost"})
    assert "Lack of affordable space" in response.text
    assert "Staff overstretched" not in response.text
    response = client.get(reverse("gatherings:library"), {"q": "nothing like this"})
    assert "No barriers match your search." in response.text


def _library_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("gatherings:library"))
    assert response.status_code == 200
    return len(queries)


def test_the_library_takes_a_fixed_number_of_queries(client, cast, django_assert_max_num_queries):
    """The library's queries do not grow with its entries and barriers."""
    client.force_login(cast.officer)
    few = _library_queries(client)
    assert few <= 8
    for n in range(15):
        theme = BarrierThemeFactory(name=f"Barrier number {n}", slug=f"barrier-number-{n}")
        BarrierFactory(theme=theme)
        BarrierFactory()  # not linked: listed for the officer
    with django_assert_max_num_queries(few):
        response = client.get(reverse("gatherings:library"))
    assert "Barrier number 14" in response.text


# One entry in the library


@pytest.mark.parametrize("role", ROLES)
def test_everyone_sees_an_entry_with_what_worked(client, cast, role):
    """An entry shows every project that hit it, and how it was busted."""
    cast.barrier.theme = cast.space
    cast.barrier.save()
    url = reverse("gatherings:barrier_theme", args=[cast.space.slug])
    response = as_role(client, cast, role).get(url)
    assert response.status_code == 200
    page = text(response)
    assert "What worked: busted 1 time" in page
    assert "The school lends its hall at weekends." in page
    assert "Community fridge" in page and "No cheap rooms to hire" in page


def test_an_unknown_entry_is_a_404(client):
    """No entry, no page."""
    assert client.get(reverse("gatherings:barrier_theme", args=["no-such"])).status_code == 404


# Linking a barrier to the library


CURATORS_ONLY = [
    ("visitor", SIGN_IN),
    ("resident", 403),
    ("attendee", 403),
    ("presenter", 403),
    ("organiser", 200),
    ("officer", 200),
]


@pytest.mark.parametrize(("role", "expected"), CURATORS_ONLY)
def test_only_the_sessions_organisers_and_officers_may_link_a_barrier(client, cast, role, expected):
    """The link form is for the session's facilitators and officers."""
    url = reverse("gatherings:barrier_link", args=[cast.barrier.pk])
    check(as_role(client, cast, role).get(url), expected)


def test_the_link_form_suggests_the_closest_entries(client, cast):
    """The library entries most like the barrier are offered first."""
    client.force_login(cast.organiser)
    response = client.get(reverse("gatherings:barrier_link", args=[cast.barrier.pk]))
    assert "It may be one of these" in response.text
    assert "Lack of affordable space" in response.text


def test_an_organiser_links_a_barrier_to_an_entry(client, cast):
    """Choosing an entry links the barrier to it."""
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:barrier_link", args=[cast.barrier.pk]), {"theme": cast.space.pk}
    )
    assert response["Location"] == reverse("gatherings:treatment", args=[cast.treatment.pk])
    cast.barrier.refresh_from_db()
    assert cast.barrier.theme == cast.space


def test_an_officer_starts_a_new_entry(client, cast):
    """With no entry chosen, a new one is made with the name given."""
    client.force_login(cast.officer)
    client.post(
        reverse("gatherings:barrier_link", args=[cast.barrier.pk]),
        {"theme": "", "new_name": "No meeting rooms"},
    )
    cast.barrier.refresh_from_db()
    assert cast.barrier.theme.name == "No meeting rooms"


def test_an_entry_that_does_not_exist_is_a_400(client, cast):
    """A made-up entry is a 400 with the message, and the barrier stays unlinked."""
    client.force_login(cast.organiser)
    response = client.post(
        reverse("gatherings:barrier_link", args=[cast.barrier.pk]), {"theme": "999999"}
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Choose a barrier from the library" in response.text
    cast.barrier.refresh_from_db()
    assert cast.barrier.theme is None


def test_a_presenter_cannot_link_a_barrier_by_posting(client, cast):
    """Posting the link form as the presenter is refused and changes nothing."""
    client.force_login(cast.presenter)
    response = client.post(
        reverse("gatherings:barrier_link", args=[cast.barrier.pk]), {"theme": cast.space.pk}
    )
    assert response.status_code == 403
    cast.barrier.refresh_from_db()
    assert cast.barrier.theme is None


def test_linking_an_unknown_barrier_is_a_404(client, cast):
    """No barrier, no form."""
    client.force_login(cast.officer)
    assert client.get(reverse("gatherings:barrier_link", args=[999_999])).status_code == 404


# Busting a barrier


BUSTERS_ONLY = [
    ("visitor", SIGN_IN),
    ("resident", 403),
    ("attendee", 403),
    ("presenter", 200),
    ("organiser", 200),
    ("officer", 200),
]


@pytest.mark.parametrize(("role", "expected"), BUSTERS_ONLY)
def test_only_the_presenter_and_organisers_may_mark_a_barrier_busted(client, cast, role, expected):
    """The bust form is for who brought the project and the set's organisers."""
    url = reverse("gatherings:barrier_bust", args=[cast.barrier.pk])
    check(as_role(client, cast, role).get(url), expected)


def test_the_presenter_busts_a_barrier_with_how(client, cast):
    """Saying how marks the barrier busted, and the library shows the lesson."""
    cast.barrier.theme = cast.space
    cast.barrier.save()
    client.force_login(cast.presenter)
    response = client.post(
        reverse("gatherings:barrier_bust", args=[cast.barrier.pk]),
        {"how": "The church hall is free on Tuesdays."},
    )
    assert response["Location"] == reverse("gatherings:treatment", args=[cast.treatment.pk])
    cast.barrier.refresh_from_db()
    assert cast.barrier.is_busted
    assert ReportBack.objects.get(barrier=cast.barrier).outcome == "busted"
    page = client.get(reverse("gatherings:barrier_theme", args=[cast.space.slug])).text
    assert "What worked: busted 2 times" in page
    assert "The church hall is free on Tuesdays." in page


def test_busting_without_how_is_a_400_and_saves_nothing(client, cast):
    """No "how": a 400, an error summary and the message, and the barrier still stands."""
    client.force_login(cast.presenter)
    response = client.post(reverse("gatherings:barrier_bust", args=[cast.barrier.pk]), {"how": ""})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert "Say how it was busted" in response.text
    cast.barrier.refresh_from_db()
    assert not cast.barrier.is_busted
    assert not ReportBack.objects.exists()


def test_someone_with_a_place_cannot_bust_a_barrier_by_posting(client, cast):
    """Posting as another attendee is refused."""
    client.force_login(cast.attendee)
    response = client.post(
        reverse("gatherings:barrier_bust", args=[cast.barrier.pk]), {"how": "Magic."}
    )
    assert response.status_code == 403
    cast.barrier.refresh_from_db()
    assert not cast.barrier.is_busted


def test_a_barrier_is_not_busted_before_its_session(client, cast):
    """Before the session, busting is a 400 with the reason."""
    treatment = TreatmentFactory(presenter=cast.presenter)  # a session to come
    barrier = BarrierFactory(treatment=treatment)
    client.force_login(cast.presenter)
    response = client.post(
        reverse("gatherings:barrier_bust", args=[barrier.pk]), {"how": "Asked nicely."}
    )
    assert response.status_code == 400
    assert "You can report back once the session has happened." in response.text
    assert not Barrier.objects.get(pk=barrier.pk).is_busted


def test_busting_an_unknown_barrier_is_a_404(client, cast):
    """No barrier, no form."""
    client.force_login(cast.presenter)
    assert client.get(reverse("gatherings:barrier_bust", args=[999_999])).status_code == 404


def test_a_new_barrier_joins_the_entry_it_clearly_matches(client, cast):
    """Adding "Lack of affordable space" on a treatment links it to that entry at once."""
    client.force_login(cast.attendee)
    client.post(
        reverse("gatherings:capture", args=[cast.treatment.pk, "barriers"]),
        {"barriers-text": "Lack of affordable space"},
    )
    barrier = Barrier.objects.get(text="Lack of affordable space")
    assert barrier.theme == cast.space
    assert BarrierTheme.objects.count() == 1


def test_a_barrier_busting_session_starts_from_the_library(client):
    """An organiser on a library entry's page can put on a session about it, ready filled in."""
    theme = BarrierThemeFactory(name="Lack of affordable space")
    client.force_login(organiser())
    page = client.get(reverse("gatherings:barrier_theme", args=[theme.slug]))
    start = reverse("gatherings:event_create") + f"?barrier={theme.slug}"
    assert start in unescape(page.content.decode())
    form = client.get(start).content.decode()
    assert "Barrier busting: Lack of affordable space" in unescape(form)


def test_residents_are_not_offered_a_barrier_busting_session(client):
    """Only people who can put on events see the button."""
    theme = BarrierThemeFactory(name="Fear of change")
    client.force_login(UserFactory())
    page = client.get(reverse("gatherings:barrier_theme", args=[theme.slug]))
    assert "?barrier=" not in page.content.decode()
