"""Tombstones for rows deleted outright, written on Django's post_delete signal.

Why a signal and not the apps' delete services: gatherings and bookings have no delete
service at all (events are cancelled, rooms closed, bookings cancelled), and the deletions
that leave readers with stale items are exactly those no service makes: the admin's delete,
and cascades when a place, space or event goes. post_delete is sent for each row in all of
those (Django gives up its fast delete when a receiver listens), inside the deleting
transaction. The receivers only call `services.deletion_record`, the one writer; this app,
above gatherings and bookings, listens without them knowing of it.
"""

from django.db.models.signals import post_delete

from coproduce.bookings.models import BookableRoom, Booking
from coproduce.gatherings.models import Event

from .models import Deletion
from .services import deletion_record

KINDS = {
    Event: Deletion.Kind.EVENT,
    BookableRoom: Deletion.Kind.ROOM,
    Booking: Deletion.Kind.BOOKING,
}


def _deleted(sender, instance, **kwargs) -> None:
    deletion_record(kind=KINDS[sender], row_id=instance.pk)


def connect() -> None:
    for model in KINDS:
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"openactive-{model.__name__}")
