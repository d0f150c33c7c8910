"""Events can be reported to the moderators (discussion/reporting.py).

Imported from GatheringsConfig.ready().
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.discussion.reporting import ReportTarget, register

from .models import Event


def _owners(event: Event) -> list:
    """Its organisers and whoever set it up."""
    people = {person.pk: person for person in event.organisers.all()}
    if event.created_by is not None:
        people.setdefault(event.created_by_id, event.created_by)
    return list(people.values())


EVENT = register(
    ReportTarget(
        slug="event",
        label=_("Event"),
        model=Event,
        title=lambda event: event.title,
        text=lambda event: f"{event.title}\n{event.summary}\n{event.description}".strip(),
        url=lambda event: reverse("gatherings:event", args=[event.pk]),
        owners=_owners,
        can_see=lambda user, event: True,
        link_text=_("this event"),
        select_related=("created_by",),
    )
)
