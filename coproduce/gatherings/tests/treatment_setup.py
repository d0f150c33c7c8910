"""What the tests of services.treatments share: a set's session on 17 June 2030 with its
facilitator, someone with a place at it, an accepted project, and a time after the session."""

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.services.rsvps import rsvp_join

from .factories import NOW, SetSessionFactory, TreatmentFactory, at, organiser

AFTER = at(17, 21)  # when the session of 17 June 2030, 18:00 to 20:00, is over


def set_session(**kwargs):
    """A session of an action learning set on 17 June 2030, with its facilitator."""
    person = organiser()
    return SetSessionFactory(organisers=[person], **kwargs), person


def attendee_at(event, capacity_full=False):
    user = UserFactory()
    rsvp_join(event=event, user=user, now=NOW)
    return user


def accepted_treatment(**kwargs):
    """An accepted treatment at a session, with the session's facilitator."""
    event, person = set_session()
    return TreatmentFactory(event=event, **kwargs), person
