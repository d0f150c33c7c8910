"""What the tests of services.events and services.rsvps share: changing an event and taking a
place at a fixed now, what a person was told, and an event's stored counts against its rows."""

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Rsvp
from coproduce.gatherings.services import events as services
from coproduce.gatherings.services import rsvps
from coproduce.notifications.models import Notification

from .factories import NOW, EventFactory, organiser


def update_event(event, by, **overrides):
    details = {
        "title": event.title,
        "summary": event.summary,
        "kind": event.kind,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "description": event.description,
        "place": event.place,
        "online_url": event.online_url,
        "capacity": event.capacity,
        "access_provisions": event.access_provisions,
        "agenda_open": event.agenda_open,
        "now": NOW,
    }
    details.update(overrides)
    return services.event_update(event=event, by=by, **details)


def join(event, user=None, **kwargs):
    return rsvps.rsvp_join(event=event, user=user or UserFactory(), now=NOW, **kwargs)


def told(user, kind="event_place"):
    return list(
        Notification.objects.filter(recipient=user, kind=kind)
        .order_by("created_at", "pk")
        .values_list("title", flat=True)
    )


def real_counts(event):
    return (
        Rsvp.objects.filter(event=event, status=Rsvp.Status.CONFIRMED).count(),
        Rsvp.objects.filter(event=event, status=Rsvp.Status.WAITING).count(),
    )


def stored_counts(event):
    event.refresh_from_db()
    return event.confirmed_count, event.waiting_count


def organised_event(**kwargs):
    person = organiser()
    return EventFactory(organisers=[person], **kwargs), person
