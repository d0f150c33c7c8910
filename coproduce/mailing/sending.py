"""The sending engine: a batch claims deliveries, sends each over one connection, and records
each as sent before the server is told the message is complete (docs/adr/0017).

Run by the tasks in `tasks.py`; nothing here queues work.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .messages import message_build, redact, return_path
from .models import Delivery, Mailing, SuppressedAddress
from .suppression import address_suppress
from .wire import Broken, Refused, Server, Wire, wire_format

logger = logging.getLogger(__name__)

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


# Settings, each with a default (the lead adds them to settings; tests shorten the lease). --


def lease_seconds() -> float:
    """How long a batch holds the deliveries it claimed before another may take them."""
    return float(getattr(settings, "MAILING_LEASE_SECONDS", 300))


def batch_size() -> int:
    """How many messages one task sends before handing on to the next task."""
    return int(getattr(settings, "MAILING_BATCH_SIZE", 1000))


def claim_size() -> int:
    """How many deliveries a batch claims at a time."""
    return int(getattr(settings, "MAILING_CLAIM_SIZE", 100))


def max_attempts() -> int:
    """Temporary refusals (4xx) after which a delivery is given up as failed."""
    return int(getattr(settings, "MAILING_MAX_ATTEMPTS", 6))


def retry_delays() -> list[int]:
    """Seconds to wait after the first, second, ... temporary refusal."""
    return list(getattr(settings, "MAILING_RETRY_SECONDS", [60, 300, 900, 3600, 4 * 3600]))


# Claiming. ------------------------------------------------------------------------------------


def _available(mailing_id: int, now: datetime):
    waiting = Q(state=Delivery.State.WAITING) & (
        Q(retry_after__isnull=True) | Q(retry_after__lte=now)
    )
    expired = Q(state=Delivery.State.CLAIMED, claimed_until__lt=now)
    return Delivery.objects.filter(mailing_id=mailing_id), waiting, expired


def deliveries_claim(*, mailing_id: int, token: str, size: int) -> list[Delivery]:
    """Take up to `size` deliveries no live batch holds: claims whose lease ran out first
    (their batch died), then waiting ones. Two batches never hold the same delivery: rows
    are locked (PostgreSQL, skipping locked ones) or the write lock is held (SQLite), and
    the update checks again that each row is still free."""
    now = timezone.now()
    until = now + timedelta(seconds=lease_seconds())
    rows, waiting, expired = _available(mailing_id, now)
    with transaction.atomic():
        ids: list[int] = []
        for condition in (expired, waiting):
            if len(ids) >= size:
                break
            found = (
                rows.filter(condition)
                .order_by("id")
                .select_for_update(skip_locked=True)
                .values_list("id", flat=True)[: size - len(ids)]
            )
            ids.extend(found)
        if not ids:
            return []
        rows.filter(waiting | expired, id__in=ids).update(
            state=Delivery.State.CLAIMED, claim=token, claimed_until=until
        )
        Mailing.objects.filter(pk=mailing_id).update(heartbeat_at=now)
    return list(
        Delivery.objects.filter(id__in=ids, claim=token, state=Delivery.State.CLAIMED).order_by(
            "id"
        )
    )


def has_available(mailing_id: int) -> bool:
    rows, waiting, expired = _available(mailing_id, timezone.now())
    return rows.filter(waiting | expired).exists()


def mailing_finish_if_done(mailing_id: int) -> bool:
    """Mark a sending mailing sent once nothing is waiting or being sent."""
    unfinished = Delivery.objects.filter(
        mailing_id=mailing_id, state__in=[Delivery.State.WAITING, Delivery.State.CLAIMED]
    )
    if unfinished.exists():
        return False
    return bool(
        Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING).update(
            status=Mailing.Status.SENT, finished_at=timezone.now()
        )
    )


# What happens to a delivery. Each is one statement, so each commits on its own. -------------


def _mine(delivery: Delivery, token: str):
    return Delivery.objects.filter(pk=delivery.pk, claim=token, state=Delivery.State.CLAIMED)


def _mark_sent(delivery: Delivery, token: str, message_id: str) -> bool:
    """Record the delivery as sent; False if this batch no longer holds it (its lease ran
    out and another batch took it, or the mailing was cancelled)."""
    with transaction.atomic():
        return bool(
            _mine(delivery, token).update(
                state=Delivery.State.SENT,
                sent_at=timezone.now(),
                message_id=message_id[:250],
                claimed_until=None,
                error="",
            )
        )


def _mark_bounced(delivery: Delivery, token: str, refused: Refused) -> None:
    with transaction.atomic():
        if _mine(delivery, token).update(
            state=Delivery.State.BOUNCED, claimed_until=None, error=redact(str(refused))
        ):
            address_suppress(
                address=delivery.address,
                reason=SuppressedAddress.Reason.HARD_BOUNCE,
                source=str(refused),
            )


def _mark_try_later(delivery: Delivery, token: str, reason: str, *, counts: bool = True) -> None:
    """Put the delivery back to wait, or give it up once it has been refused too often."""
    attempts = delivery.attempts + (1 if counts else 0)
    if attempts >= max_attempts():
        _mine(delivery, token).update(
            state=Delivery.State.FAILED, attempts=attempts, claimed_until=None, error=redact(reason)
        )
        return
    delays = retry_delays()
    delay = delays[min(max(attempts - 1, 0), len(delays) - 1)] if delays else 0
    _mine(delivery, token).update(
        state=Delivery.State.WAITING,
        attempts=attempts,
        claim="",
        claimed_until=None,
        retry_after=timezone.now() + timedelta(seconds=delay),
        error=redact(reason),
    )


def _mark_failed(delivery: Delivery, token: str, reason: str) -> None:
    _mine(delivery, token).update(
        state=Delivery.State.FAILED, claimed_until=None, error=redact(reason)
    )


def _skip_suppressed(deliveries: list[Delivery], token: str) -> list[Delivery]:
    addresses = {d.address for d in deliveries}
    suppressed = set(
        SuppressedAddress.objects.filter(address__in=addresses).values_list("address", flat=True)
    )
    if not suppressed:
        return deliveries
    Delivery.objects.filter(
        claim=token, state=Delivery.State.CLAIMED, address__in=suppressed
    ).update(state=Delivery.State.SKIPPED, claimed_until=None, error="suppressed")
    return [d for d in deliveries if d.address not in suppressed]


# The postmen: one connection per batch. ------------------------------------------------------


def smtp_server() -> Server:
    return Server(
        host=settings.EMAIL_HOST,
        port=int(settings.EMAIL_PORT),
        use_tls=bool(settings.EMAIL_USE_TLS),
        use_ssl=bool(settings.EMAIL_USE_SSL),
        username=settings.EMAIL_HOST_USER or "",
        password=settings.EMAIL_HOST_PASSWORD or "",
        timeout=getattr(settings, "EMAIL_TIMEOUT", None) or 30,
    )


class SmtpPostman:
    """Straight to the SMTP server, in two steps, for exactly-once sending."""

    def __init__(self) -> None:
        self.wire = Wire(smtp_server())

    def deliver(self, delivery: Delivery, message: EmailMultiAlternatives, token: str) -> str:
        data = wire_format(message.message().as_bytes(linesep="\r\n"))
        try:
            self.wire.prepare(sender=return_path(), recipient=delivery.address, data=data)
        except Refused as refused:
            if refused.permanent:
                _mark_bounced(delivery, token, refused)
                return "bounced"
            _mark_try_later(delivery, token, str(refused))
            return "later"
        # The whole message but its last line is with the server, which will drop it if we
        # go away now. Record it as sent first; only then let the server deliver it.
        if not _mark_sent(delivery, token, message.extra_headers["Message-ID"]):
            self.wire.abandon()
            return "lost"
        try:
            code, reply = self.wire.complete()
        except Broken as broken:
            # The "." was written; the reply did not come. The server most likely has it,
            # and sending again could mean a second copy: it stays sent, with a note.
            Delivery.objects.filter(pk=delivery.pk).update(
                error=redact(f"no reply after the end of the message: {broken}")
            )
            return "sent"
        if code == 250:
            return "sent"
        # Refused at the end: the server did not take it, so nothing was delivered.
        Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.SENT).update(
            state=Delivery.State.CLAIMED, sent_at=None, claim=token
        )
        refused = Refused(code, reply, "end of message")
        if refused.permanent:
            _mark_failed(delivery, token, str(refused))  # content refused, not the address
            return "failed"
        _mark_try_later(delivery, token, str(refused))
        return "later"

    def close(self) -> None:
        self.wire.close()


class BackendPostman:
    """Through Django's configured backend (console, files or memory, away from SMTP)."""

    def __init__(self) -> None:
        self.connection = get_connection(fail_silently=False)
        self.connection.open()

    def deliver(self, delivery: Delivery, message: EmailMultiAlternatives, token: str) -> str:
        if not _mark_sent(delivery, token, message.extra_headers["Message-ID"]):
            return "lost"
        message.connection = self.connection
        try:
            sent = self.connection.send_messages([message])
        except Exception as error:
            sent, reason = 0, str(error)
        else:
            reason = "the mail backend did not send it"
        if sent:
            return "sent"
        Delivery.objects.filter(pk=delivery.pk, state=Delivery.State.SENT).update(
            state=Delivery.State.CLAIMED, sent_at=None, claim=token
        )
        _mark_try_later(delivery, token, reason)
        return "later"

    def close(self) -> None:
        self.connection.close()


def postman_open() -> SmtpPostman | BackendPostman:
    if settings.EMAIL_BACKEND == SMTP_BACKEND:
        return SmtpPostman()
    return BackendPostman()


# A batch. ---------------------------------------------------------------------------------------


@dataclass
class BatchResult:
    handled: int = 0
    sent: int = 0
    more: bool = False  # deliveries are still free to claim (the budget ran out first)
    stopped: str = ""  # why the batch stopped early ("" if it did not)


def _extend_lease(mailing_id: int, token: str) -> bool:
    """Hold this batch's claims for another lease; False if the mailing stopped sending."""
    now = timezone.now()
    alive = Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING).update(
        heartbeat_at=now
    )
    Delivery.objects.filter(claim=token, state=Delivery.State.CLAIMED).update(
        claimed_until=now + timedelta(seconds=lease_seconds())
    )
    return bool(alive)


def _release(token: str) -> None:
    """Give back what this batch holds and has not sent (the server could not be reached)."""
    delay = retry_delays()[0] if retry_delays() else 0
    Delivery.objects.filter(claim=token, state=Delivery.State.CLAIMED).update(
        state=Delivery.State.WAITING,
        claim="",
        claimed_until=None,
        retry_after=timezone.now() + timedelta(seconds=delay),
    )


def batch_send(*, mailing_id: int, budget: int | None) -> BatchResult:
    """Send up to `budget` messages of a sending mailing (all it can when None)."""
    result = BatchResult()
    mailing = Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING).first()
    if mailing is None:
        return result
    token = uuid.uuid4().hex
    renew_every = timedelta(seconds=max(lease_seconds() / 3, 0.2))
    postman = None
    broken_in_a_row = 0
    try:
        while budget is None or result.handled < budget:
            size = claim_size() if budget is None else min(claim_size(), budget - result.handled)
            claimed = deliveries_claim(mailing_id=mailing_id, token=token, size=size)
            if not claimed:
                break
            to_send = _skip_suppressed(claimed, token)
            result.handled += len(claimed) - len(to_send)
            renewed = timezone.now()
            for delivery in to_send:
                if timezone.now() - renewed > renew_every:
                    renewed = timezone.now()
                    if not _extend_lease(mailing_id, token):
                        result.stopped = "the mailing is no longer sending"
                        return result
                message = message_build(
                    template_base=mailing.template_base,
                    context={**mailing.context, **delivery.context},
                    address=delivery.address,
                    unsubscribe_url=delivery.unsubscribe_url,
                    delivery_id=delivery.pk,
                )
                if postman is None:
                    postman = postman_open()
                try:
                    outcome = postman.deliver(delivery, message, token)
                except Broken as broken:
                    # The connection failed before the message was complete: the server
                    # has thrown it away. It waits (not counted against the address); a
                    # second failure in a row means the server is away, and the batch stops.
                    _mark_try_later(delivery, token, str(broken), counts=False)
                    broken_in_a_row += 1
                    if broken_in_a_row >= 2:
                        result.stopped = f"the mail server could not be reached: {broken}"
                        logger.warning("Mailing %s: %s", mailing_id, result.stopped)
                        _release(token)
                        return result
                    continue
                broken_in_a_row = 0
                result.handled += 1
                result.sent += outcome == "sent"
        result.more = budget is not None and result.handled >= budget and has_available(mailing_id)
    finally:
        if postman is not None:
            postman.close()
    mailing_finish_if_done(mailing_id)
    return result
