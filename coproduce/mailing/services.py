"""Writes of mailing: the only way to send one email to many people.

    mailing = mailing_create(purpose="news", template_base="news/email/post", context={...})
    mailing_recipients_add(mailing=mailing, recipients=recipients_for(topics=[...]))
    mailing_start(mailing=mailing)

Sending runs through the task queue in batches; see docs/adr/0017-sending-to-many-people.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import normalise_email
from coproduce.common.email import send_email_message
from coproduce.common.errors import Refusal

from . import messages, reports, tasks
from .models import Delivery, Mailing, SuppressedAddress
from .selectors import is_suppressed
from .suppression import address_suppress
from .types import Recipient

__all__ = [
    "address_suppress",
    "mailing_cancel",
    "mailing_create",
    "mailing_recipients_add",
    "mailing_send_test",
    "mailing_start",
    "report_record",
]

CHUNK = 2000  # recipients read, checked and inserted at a time


@transaction.atomic
def mailing_create(
    *,
    purpose: str,
    template_base: str,
    context: dict,
    label: str = "",
    created_by=None,
    send_after: datetime | None = None,
) -> Mailing:
    """A new mailing, as a draft: add its recipients, then start it."""
    return Mailing.objects.create(
        purpose=purpose,
        template_base=template_base,
        context=context,
        label=label,
        created_by=created_by,
        send_after=send_after,
    )


def _clean_address(address: str | None) -> str:
    """The address to send to, or "" when it cannot be one (no address, a header break)."""
    address = normalise_email(address) or ""
    if "@" not in address or len(address) > 254 or any(c in address for c in "\r\n\t <>,;"):
        return ""
    return address


def _chunks(recipients: Iterable[Recipient]) -> Iterator[list[Recipient]]:
    iterator = iter(recipients)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


@transaction.atomic
def mailing_recipients_add(*, mailing: Mailing, recipients: Iterable[Recipient]) -> int:
    """Add recipients to a draft, reading them a chunk at a time (memory stays flat however
    many there are). An address already in the mailing is left as it is; a suppressed one is
    recorded as not sent; one that cannot be an address is left out. Returns how many will
    be sent to."""
    locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if locked.status != Mailing.Status.DRAFT:
        raise Refusal(_("People can only be added before sending starts."))
    waiting = Delivery.objects.filter(mailing=locked, state=Delivery.State.WAITING)
    before = waiting.count()
    for chunk in _chunks(recipients):
        by_address: dict[str, Recipient] = {}
        for recipient in chunk:
            address = _clean_address(recipient.address)
            if address and address not in by_address:
                by_address[address] = recipient
        if not by_address:
            continue
        suppressed = set(
            SuppressedAddress.objects.filter(address__in=list(by_address)).values_list(
                "address", flat=True
            )
        )
        Delivery.objects.bulk_create(
            [
                Delivery(
                    mailing_id=locked.pk,
                    address=address,
                    user_id=recipient.user_id,
                    context=recipient.context,
                    unsubscribe_url=recipient.unsubscribe_url,
                    state=Delivery.State.SKIPPED
                    if address in suppressed
                    else Delivery.State.WAITING,
                    error="suppressed" if address in suppressed else "",
                )
                for address, recipient in by_address.items()
            ],
            ignore_conflicts=True,
        )
    return waiting.count() - before


@transaction.atomic
def mailing_start(*, mailing: Mailing) -> Mailing:
    """Start sending once this transaction commits, or at `send_after` if that is later.
    Batches go through the task queue; a killed worker's batches are taken up again."""
    locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if locked.status != Mailing.Status.DRAFT:
        raise Refusal(_("This email has already been sent, or is being sent."))
    now = timezone.now()
    if locked.send_after and locked.send_after > now:
        locked.status = Mailing.Status.SCHEDULED
        locked.save(update_fields=["status"])
        pk, at = locked.pk, locked.send_after
        transaction.on_commit(lambda: tasks.begin_queue(pk, at))
    else:
        locked.status = Mailing.Status.SENDING
        locked.started_at = locked.heartbeat_at = now
        locked.save(update_fields=["status", "started_at", "heartbeat_at"])
        pk = locked.pk
        transaction.on_commit(lambda: tasks.sending_queue(pk))
    return locked


@transaction.atomic
def mailing_cancel(*, mailing: Mailing, by) -> Mailing:
    """Stop a mailing: nothing not yet sent is sent. A message being handed to the server
    this moment is dropped before it is complete (its batch no longer holds it)."""
    locked = Mailing.objects.select_for_update().get(pk=mailing.pk)
    if locked.status in (Mailing.Status.SENT, Mailing.Status.CANCELLED):
        raise Refusal(_("This email has finished sending, so it cannot be stopped."))
    now = timezone.now()
    Delivery.objects.filter(
        mailing=locked, state__in=[Delivery.State.WAITING, Delivery.State.CLAIMED]
    ).update(state=Delivery.State.SKIPPED, claim="", claimed_until=None, error="cancelled")
    locked.status = Mailing.Status.CANCELLED
    locked.finished_at = now
    locked.save(update_fields=["status", "finished_at"])
    return locked


@transaction.atomic
def mailing_send_test(*, template_base: str, context: dict, recipient: Recipient) -> None:
    """One copy now (once this transaction commits), marked as a test in its subject and
    headers. Nothing is recorded as a delivery."""
    address = _clean_address(recipient.address)
    if not address:
        raise Refusal(_("Enter an email address to send the test to."))
    if is_suppressed(address):
        raise Refusal(
            _("We do not send email to this address any more: it bounced or they complained.")
        )
    message = messages.message_build(
        template_base=template_base,
        context={**context, **recipient.context},
        address=address,
        unsubscribe_url=recipient.unsubscribe_url,
        delivery_id=None,
        test=True,
    )
    payload = {
        "to": [address],
        "subject": message.subject,
        "text": message.body,
        "html": message.alternatives[0][0],
        "headers": dict(message.extra_headers),
    }
    transaction.on_commit(lambda: send_email_message.enqueue(payload))


@transaction.atomic
def report_record(*, report: reports.Report) -> str:
    """Record a bounce or complaint report. A hard bounce or a complaint suppresses the
    address (and marks the delivery); a soft bounce is only counted. Returns what was done:
    "hard_bounce", "soft_bounce", "complaint" or "unknown" (no delivery or address found)."""
    delivery = None
    if report.delivery_header:
        delivery_id = messages.delivery_from_header(report.delivery_header)
        if delivery_id is not None:
            delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
    address = delivery.address if delivery else _clean_address(report.address)
    if delivery is None and address:
        delivery = (
            Delivery.objects.select_for_update()
            .filter(address=address, state=Delivery.State.SENT)
            .order_by("-sent_at", "-pk")
            .first()
        )
    if not address:
        return "unknown"
    if report.kind == reports.SOFT:
        if delivery is None:
            return "unknown"
        Delivery.objects.filter(pk=delivery.pk).update(soft_bounces=delivery.soft_bounces + 1)
        return report.kind
    if report.kind == reports.HARD:
        address_suppress(
            address=address, reason=SuppressedAddress.Reason.HARD_BOUNCE, source=report.detail
        )
        if delivery is not None:
            Delivery.objects.filter(pk=delivery.pk).update(
                state=Delivery.State.BOUNCED, error=messages.redact(report.detail)
            )
        return report.kind
    address_suppress(
        address=address, reason=SuppressedAddress.Reason.COMPLAINT, source=report.detail
    )
    if delivery is not None:
        Delivery.objects.filter(pk=delivery.pk).update(complained_at=timezone.now())
    return report.kind
