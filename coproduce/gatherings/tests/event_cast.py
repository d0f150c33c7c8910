"""The people the event and agenda page tests act as: an event with its organiser, someone with
a place, a resident and an officer, or an Open Space with a suggestion; the roles each URL is
tried as; and an event already over."""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import AgendaItem, Event
from coproduce.gatherings.services.rsvps import rsvp_join

from .factories import EventFactory, officer, organiser

ROLES = ("visitor", "resident", "attendee", "organiser", "officer")


def past_event(**kwargs) -> Event:
    starts = timezone.now() - timedelta(days=2)
    return EventFactory(starts_at=starts, ends_at=starts + timedelta(hours=2), **kwargs)


def event_cast() -> SimpleNamespace:
    """An event with its organiser, someone with a place, a resident and an officer."""
    host = organiser(display_name="Olu Organiser")
    event = EventFactory(
        title="Canal clean-up planning",
        organisers=[host],
        capacity=10,
        access_provisions=["creche", "bsl"],
    )
    attendee = UserFactory(display_name="Ada Attendee")
    rsvp_join(event=event, user=attendee)
    return SimpleNamespace(
        event=event,
        organiser=host,
        attendee=attendee,
        resident=UserFactory(display_name="Rae Resident"),
        officer=officer(display_name="Oona Officer"),
        other_organiser=organiser(display_name="Otto Other"),
    )


def open_space_cast() -> SimpleNamespace:
    """An Open Space on 17 June 2030, 18:00 to 20:00, open for suggestions, with one already."""
    host = organiser(display_name="Olu Organiser")
    event = EventFactory(
        title="Open Space on the high street",
        kind=Event.Kind.OPEN_SPACE,
        agenda_open=True,
        organisers=[host],
    )
    attendee = UserFactory(display_name="Ada Attendee")
    rsvp_join(event=event, user=attendee)
    item = AgendaItem.objects.create(
        event=event, title="Empty shops as studios", proposed_by=attendee, interest_count=0
    )
    return SimpleNamespace(
        event=event,
        item=item,
        organiser=host,
        attendee=attendee,
        resident=UserFactory(display_name="Rae Resident"),
        officer=officer(),
    )
