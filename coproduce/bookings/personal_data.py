"""What bookings holds about a person (see coproduce/personal_data/registry.py).

A closing account's bookings still to come are cancelled, so the room is free again; past
bookings stay in the room's history, with no one named as asking for them. A room held for an
event (ADR 22) stays held: the event goes on with its other organisers, who can free it.
"""

from django.utils import timezone

from coproduce.personal_data.registry import ClosingChoices, Erasure, declare

from .models import Booking


def _cancel_and_unname(user, choices: ClosingChoices) -> None:
    Booking.objects.filter(
        requested_by=user,
        starts_at__gt=timezone.now(),
        status__in=[Booking.Status.REQUESTED, Booking.Status.CONFIRMED],
        event__isnull=True,
        # updated_at by hand, as update() skips auto_now: the OpenActive slots feed reads it to
        # send the cancellation on (ADR 0034).
    ).update(status=Booking.Status.CANCELLED, updated_at=timezone.now())
    Booking.objects.filter(requested_by=user).update(requested_by=None)


declare("bookings.BookableSpace", field="manager", kind="spaces_managed", erase=Erasure.ANONYMISE)
declare(
    "bookings.Booking",
    field="requested_by",
    kind="bookings",
    erase=Erasure.CUSTOM,
    erase_with=_cancel_and_unname,
)
declare("bookings.Booking", field="decided_by", kind="bookings_decided", erase=Erasure.ANONYMISE)
