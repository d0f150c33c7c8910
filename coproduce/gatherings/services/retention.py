"""Keep access needs no longer than they are needed.

What someone asks for to take part (a BSL interpreter, step-free access) can say something
about their health, which UK GDPR treats as special category data. Organisers need it to
plan an event, not after it: 30 days after an event ends, the requests and notes are wiped.
The place itself, and whether the person came, are kept.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from ..models import Rsvp

ACCESS_NEEDS_KEPT_FOR = timedelta(days=30)


@transaction.atomic
def access_needs_forget(*, now: datetime | None = None) -> int:
    """Wipe access requests and notes of events that ended over 30 days ago. Returns how
    many places had any. Safe to run any number of times."""
    now = now or timezone.now()
    return (
        Rsvp.objects.filter(event__ends_at__lt=now - ACCESS_NEEDS_KEPT_FOR)
        .exclude(access_requests=[], access_note="")
        .update(access_requests=[], access_note="")
    )
