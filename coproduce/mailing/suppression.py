"""Addresses never mailed again: a hard bounce or a complaint was recorded for them."""

from django.db import IntegrityError, transaction

from coproduce.accounts.models import normalise_email

from .models import SuppressedAddress


@transaction.atomic
def address_suppress(*, address: str, reason: str, source: str = "") -> bool:
    """Record that this address must not be mailed again. A complaint outranks a bounce.
    Returns whether the address was newly suppressed. Safe to call again."""
    address = normalise_email(address) or ""
    if not address:
        return False
    try:
        with transaction.atomic():
            SuppressedAddress.objects.create(address=address, reason=reason, source=source[:2000])
    except IntegrityError:
        if reason == SuppressedAddress.Reason.COMPLAINT:
            SuppressedAddress.objects.filter(address=address).update(reason=reason)
        return False
    return True
