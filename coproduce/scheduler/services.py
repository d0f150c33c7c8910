"""Claiming and recording scheduled runs. Every scheduler on every machine goes through here.

A run is claimed in one transaction: the job's lock row is locked, refused if another run
still holds it, and a run row for the slot is inserted, refused if the slot already has one.
So two schedulers never run the same slot, and never run one job at the same time, however
their clocks and loops interleave.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import JobLock, JobRun

OUTPUT_LIMIT = 20_000  # characters of a run's output kept


def runner_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@transaction.atomic
def job_run_claim(*, job: str, slot: datetime, lease: timedelta) -> JobRun | None:
    """The new run for `slot`, or None when the slot ran already or the job is still running."""
    now = timezone.now()
    JobLock.objects.get_or_create(job=job)
    lock = JobLock.objects.select_for_update().get(job=job)
    if lock.held_until and lock.held_until > now:
        return None
    try:
        with transaction.atomic():
            run = JobRun.objects.create(job=job, slot=slot, started_at=now, runner=runner_name())
    except IntegrityError:
        return None
    lock.held_until = now + lease
    lock.held_by = run.runner
    lock.save(update_fields=["held_until", "held_by"])
    return run


@transaction.atomic
def job_run_finish(*, run: JobRun, succeeded: bool, output: str) -> JobRun:
    """Records how the run ended and frees the job for its next slot."""
    run.finished_at = timezone.now()
    run.succeeded = succeeded
    run.output = output[-OUTPUT_LIMIT:]
    run.save(update_fields=["finished_at", "succeeded", "output"])
    JobLock.objects.filter(job=run.job, held_by=run.runner).update(held_until=None, held_by="")
    return run


@transaction.atomic
def job_runs_prune(*, older_than: timedelta) -> int:
    """Forgets runs started before `older_than` ago. Returns how many."""
    removed, _ = JobRun.objects.filter(started_at__lt=timezone.now() - older_than).delete()
    return removed
