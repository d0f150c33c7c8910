"""What the gatherings services share: the event's row lock, its address, where it is, and
who runs it."""

from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.groups.models import Membership

from ..models import Event


def lock_event(pk: int) -> Event:
    """The event's row, locked until this transaction ends: changes to places queue per event."""
    return Event.objects.select_for_update(of=("self",)).select_related("place").get(pk=pk)


def event_url(event: Event) -> str:
    return reverse("gatherings:event", args=[event.pk])


def where(event: Event) -> str:
    if event.place_id:
        return event.place.name
    return _("Online")


def organisers_of(event: Event) -> list:
    """Everyone who runs the event: its own organisers, its series' organisers, and the
    organisers of the group that runs it."""
    people = {person.pk: person for person in event.organisers.all() if person.is_active}
    if event.series_id:
        for person in event.series.organisers.all():
            if person.is_active:
                people.setdefault(person.pk, person)
    if event.group_id:
        for membership in Membership.objects.filter(
            organisation_id=event.group_id, role=Membership.Role.ORGANISER
        ).select_related("user"):
            if membership.user.is_active:
                people.setdefault(membership.user.pk, membership.user)
    return list(people.values())
