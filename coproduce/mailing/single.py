"""One email to one person, sent once even when its worker is killed (issue 19, faults).

`common.email.email_queue` renders an email in the request, gives it its Message-ID there,
and queues `send_email_message` (a notification's email is drawn by the worker instead, with
a Message-ID also given at queue time: `notifications.emails`). The database queue marks a
task running when a worker takes it; a worker killed then leaves it running for ever, so the
email was never sent. Running it again is only safe if we know whether the first run sent
it. So, as for mailings (docs/adr/0017), the message goes over SMTP in two steps: everything
but the final "." first, then a row keyed by the Message-ID (unique), committed, and only
then the ".". A second run finds the row and stops; two runs at once cannot both insert it.
A kill between the row and the "." loses that one message (the server drops an unfinished
one): a window of one commit, chosen over a second copy. Backends other than SMTP cannot hold
a message half-sent, so there the row comes first (at most once).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.common.email import email_from_message

from .messages import return_path
from .models import SingleSend
from .sending import SMTP_BACKEND, lease_seconds, smtp_server
from .wire import Refused, Wire, wire_format

# The tasks that send one email each, with a Message-ID given at queue time.
TASK_PATHS = (
    "coproduce.common.email.send_email_message",
    "coproduce.notifications.emails.notification_email_send",
)


class NotSent(Exception):
    """The server refused the message; the task fails, as a failed send always did."""


def _record(message_id: str) -> bool:
    """Claim the Message-ID; False if another run already has."""
    try:
        with transaction.atomic():
            SingleSend.objects.create(message_id=message_id[:250])
    except IntegrityError:
        return False
    return True


def _forget(message_id: str) -> None:
    SingleSend.objects.filter(message_id=message_id[:250]).delete()


def single_send(message: dict[str, Any]) -> str:
    """Send one queued email unless a run before this one did: "sent" or "already sent"."""
    email = email_from_message(message)
    message_id = email.extra_headers.get("Message-ID", "")
    if not message_id:  # queued before Message-IDs were given at queue time
        email.send(fail_silently=False)
        return "sent"
    if SingleSend.objects.filter(message_id=message_id[:250]).exists():
        return "already sent"
    if settings.EMAIL_BACKEND != SMTP_BACKEND or len(email.recipients()) != 1:
        if not _record(message_id):
            return "already sent"
        try:
            email.send(fail_silently=False)
        except Exception:
            _forget(message_id)
            raise
        return "sent"
    wire = Wire(smtp_server())
    try:
        data = wire_format(email.message().as_bytes(linesep="\r\n"))
        try:
            wire.prepare(sender=return_path(), recipient=email.recipients()[0], data=data)
        except Refused as refused:
            raise NotSent(str(refused)) from refused
        if not _record(message_id):
            wire.abandon()
            return "already sent"
        # Broken from here on: the "." may have reached the server, so it stays recorded.
        code, reply = wire.complete()
        if code != 250:
            _forget(message_id)
            raise NotSent(f"{code} {reply} (at end of message)")
        return "sent"
    finally:
        wire.close()


def single_sends_requeue(*, older_than: timedelta | None = None) -> int:
    """Put back in the queue the sends whose worker died: marked running for longer than a
    lease. Safe because `single_send` never sends a Message-ID twice. How many."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - (older_than or timedelta(seconds=lease_seconds()))
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, task_path__in=TASK_PATHS, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)
