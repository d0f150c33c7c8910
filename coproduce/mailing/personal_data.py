"""What mailing holds about a person (see coproduce/personal_data/registry.py).

A person's download lists each email sent to them through a mailing (to their account or to
their address): what it was, when, and what happened. Closing the account deletes those
records. The list of suppressed addresses is kept: it is what stops mail to an address
whose owner complained, and it holds nothing but the address and why.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.personal_data.registry import ClosingChoices, Erasure, declare
from coproduce.personal_data.retention import declare_retention

from .models import Delivery

RETENTION_PERIOD = "mailing_deliveries_days"


def _theirs(user):
    found = Q(user=user)
    if user.email:
        found |= Q(address=user.email)
    return Delivery.objects.filter(found)


def _export_deliveries(user):
    rows = _theirs(user).select_related("mailing").order_by("pk")
    for delivery in rows.iterator(chunk_size=500):
        yield {
            "what": str(delivery.mailing),
            "purpose": delivery.mailing.purpose,
            "address": delivery.address,
            "state": delivery.state,
            "state_display": str(delivery.get_state_display()),
            "sent_at": delivery.sent_at.isoformat() if delivery.sent_at else None,
            "soft_bounces": delivery.soft_bounces,
            "complained_at": delivery.complained_at.isoformat() if delivery.complained_at else None,
        }


def _erase_deliveries(user, choices: ClosingChoices) -> None:
    _theirs(user).delete()


declare(
    "mailing.Delivery",
    field="user",
    kind="emails_to_many_people",
    erase=Erasure.CUSTOM,
    erase_with=_erase_deliveries,
    export_with=_export_deliveries,
)
declare("mailing.Mailing", field="created_by", kind="mailings_made", erase=Erasure.ANONYMISE)


def _forget_old_deliveries(cutoff) -> int:
    """Records of who was sent what, once the mailing finished longer ago than the period."""
    return (
        Delivery.objects.filter(mailing__finished_at__lt=cutoff)
        .delete()[1]
        .get(Delivery._meta.label, 0)
    )


declare_retention(
    "old_mailing_deliveries",
    period=RETENTION_PERIOD,
    what=_("Records of which news and updates were emailed to whom"),
    apply=_forget_old_deliveries,
)
