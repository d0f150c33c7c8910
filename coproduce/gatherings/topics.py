"""Events as a topic of messages: people ask the organisers (about access support or anything
else) through the site's messages; no contact details pass."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from coproduce.groups.models import Membership
from coproduce.messaging import topics

from .models import Event


def _event_team(event: Event) -> list:
    """Who answers questions about an event: its organisers, else its group's organisers."""
    people = {person.pk: person for person in event.organisers.all()}
    if not people and event.group_id:
        organisers = Membership.objects.filter(
            organisation_id=event.group_id, role=Membership.Role.ORGANISER
        ).select_related("user")
        people = {m.user.pk: m.user for m in organisers}
    return list(people.values())


EVENT = topics.Topic(
    slug="event",
    model=Event,
    team=_event_team,
    team_name=gettext_lazy("the organisers"),
    may_write=lambda user, event: user.is_authenticated,
    title=lambda event: event.title,
    url=lambda event: reverse("gatherings:event", args=[event.pk]),
)


def register_topic() -> None:
    topics.register(EVENT)
