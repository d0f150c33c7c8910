"""The queued work of sending to many people.

- `mailing_send_batch`: one batch (MAILING_BATCH_SIZE messages), then it queues the next
  while deliveries are left: a chain per lane (MAILING_LANES lanes run side by side).
- `mailing_watch`: every lease, while a mailing sends, checks its batches are alive, and
  starts a new one when they stopped (a worker was killed). It queues its own next run
  first, so a kill during it loses nothing.
- `mailing_begin`: starts a scheduled mailing at its time.

With a queue that runs tasks at once (the test settings' ImmediateBackend), a batch sends
everything it can and no watch or schedule is queued: `manage.py mailing_resume` (run by
cron every minute, and when a worker starts) does their work.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import default_task_backend, task

from . import sending
from .models import Mailing

QUEUE = "email"
PRIORITY = -10  # single emails (password resets and the like) go first


def queue_is_real() -> bool:
    """Whether tasks wait in a queue for a worker (True) or run at once, in this process."""
    return bool(default_task_backend.supports_defer)


def lanes() -> int:
    return max(1, int(getattr(settings, "MAILING_LANES", 1)))


def batches_queue(mailing_id: int, *, count: int = 1) -> None:
    for _ in range(count):
        mailing_send_batch.using(queue_name=QUEUE, priority=PRIORITY).enqueue(mailing_id=mailing_id)


def watch_queue(mailing_id: int) -> None:
    if queue_is_real():
        at = timezone.now() + timedelta(seconds=sending.lease_seconds())
        mailing_watch.using(queue_name=QUEUE, priority=PRIORITY, run_after=at).enqueue(
            mailing_id=mailing_id
        )


def begin_queue(mailing_id: int, at: datetime) -> None:
    if queue_is_real():
        mailing_begin.using(queue_name=QUEUE, priority=PRIORITY, run_after=at).enqueue(
            mailing_id=mailing_id
        )


def sending_begin(mailing_id: int) -> bool:
    """Move a scheduled mailing (whose time has come) to sending, and queue its batches."""
    now = timezone.now()
    begun = Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SCHEDULED).update(
        status=Mailing.Status.SENDING, started_at=now, heartbeat_at=now
    )
    if begun:
        sending_queue(mailing_id)
    return bool(begun)


def sending_queue(mailing_id: int) -> None:
    """Queue the lanes of a mailing that has just begun sending, and its watch."""
    watch_queue(mailing_id)
    batches_queue(mailing_id, count=lanes() if queue_is_real() else 1)


def mailing_revive(mailing: Mailing) -> str:
    """Start sending again where it stopped, if no batch is alive. What was done, in words.

    A batch writes the mailing's heartbeat as it works; when it has been quiet for a lease
    while deliveries are free to claim (waiting, or claimed by a batch that died), a new
    batch is queued. One started by mistake beside a live one does no harm: claims never
    overlap."""
    if mailing.status == Mailing.Status.SCHEDULED:
        if mailing.send_after is None or mailing.send_after <= timezone.now():
            return "begun" if sending_begin(mailing.pk) else "nothing"
        return "nothing"
    if mailing.status != Mailing.Status.SENDING:
        return "nothing"
    if sending.mailing_finish_if_done(mailing.pk):
        return "finished"
    quiet_since = timezone.now() - timedelta(seconds=sending.lease_seconds())
    if mailing.heartbeat_at and mailing.heartbeat_at > quiet_since:
        return "nothing"
    if not sending.has_available(mailing.pk):
        return "nothing"
    touched = Mailing.objects.filter(
        pk=mailing.pk, status=Mailing.Status.SENDING, heartbeat_at=mailing.heartbeat_at
    ).update(heartbeat_at=timezone.now())
    if not touched:
        return "nothing"  # another watcher got there first
    batches_queue(mailing.pk)
    return "resumed"


@task(queue_name=QUEUE, priority=PRIORITY)
def mailing_send_batch(mailing_id: int) -> dict:
    """Send one batch; queue the next while deliveries are left."""
    budget = sending.batch_size() if queue_is_real() else None
    result = sending.batch_send(mailing_id=mailing_id, budget=budget)
    if result.more:
        batches_queue(mailing_id)
    return {"handled": result.handled, "sent": result.sent, "stopped": result.stopped}


@task(queue_name=QUEUE, priority=PRIORITY)
def mailing_watch(mailing_id: int) -> str:
    mailing = Mailing.objects.filter(pk=mailing_id).first()
    if mailing is None or mailing.status != Mailing.Status.SENDING:
        return "stopped"
    watch_queue(mailing_id)  # first, so a kill from here on still leaves a watch queued
    return mailing_revive(mailing)


@task(queue_name=QUEUE, priority=PRIORITY)
def mailing_begin(mailing_id: int) -> bool:
    return sending_begin(mailing_id)
