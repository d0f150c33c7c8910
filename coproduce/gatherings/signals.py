"""The one place gatherings listen for signals: accounts are deleted outside this app (the
admin, erasure), and a person's places and shows of interest go with them by cascade. The
counts kept on events and agenda items must go down too, and the waiting list move up.

`pre_delete` of the rows themselves fires inside the deletion's transaction, only once the
deletion is certain (a protected row elsewhere stops it before any of this runs). Only
deletions that start from an account are handled: when an event itself is deleted, its
places go with it and there is nobody to move up.
"""

from django.contrib.auth import get_user_model


def _started_from_an_account(origin) -> bool:
    model = getattr(origin, "model", None) or type(origin)
    return issubclass(model, get_user_model())


def place_deleted(sender, instance, origin=None, **kwargs) -> None:
    from .services.rsvps import places_release

    if _started_from_an_account(origin):
        places_release(rsvp_ids=[instance.pk])


def interest_deleted(sender, instance, origin=None, **kwargs) -> None:
    from .services.agenda import interests_withdraw

    if _started_from_an_account(origin):
        interests_withdraw(interest_ids=[instance.pk])
