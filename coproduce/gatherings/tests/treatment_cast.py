"""The people the treatment page tests act as: a set's session to come with a project on its
agenda, a set that has met, and a project put forward but not yet taken."""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Event, Treatment
from coproduce.gatherings.services.rsvps import rsvp_join

from .factories import (
    ActionFactory,
    BarrierFactory,
    SeriesFactory,
    SetSessionFactory,
    TreatmentFactory,
    officer,
    organiser,
)


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


def treatment_cast() -> SimpleNamespace:
    """A session to come, with its facilitator, two people with a place (one of them bringing a
    project, already on the agenda), a resident without a place and an officer."""
    host = organiser(display_name="Olu Organiser")
    people = _people(SetSessionFactory(organisers=[host], title="June set"), host)
    people.treatment = TreatmentFactory(
        event=people.session, presenter=people.presenter, title="Community fridge"
    )
    return people


def treatment_held() -> SimpleNamespace:
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


def proposed_treatment(cast) -> Treatment:
    return TreatmentFactory(
        event=cast.session,
        presenter=cast.presenter,
        title="Tool library",
        status=Treatment.Status.PROPOSED,
    )
