"""Runs what is due: the loop inside the worker process (`manage.py worker`)."""

from __future__ import annotations

import io
import logging
import threading
import traceback
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections
from django.utils import timezone

from .jobs import JOBS, Job
from .services import job_run_claim, job_run_finish

logger = logging.getLogger(__name__)

TICK_SECONDS = 15


@dataclass(frozen=True)
class Outcome:
    job: str
    slot: datetime
    succeeded: bool


def run_job(job: Job, *, slot: datetime) -> Outcome | None:
    """Claims the job's slot and runs it; None when someone else has it or had it."""
    run = job_run_claim(job=job.name, slot=slot, lease=job.lease)
    if run is None:
        return None
    output = io.StringIO()
    try:
        call_command(job.command, *job.args, stdout=output, stderr=output)
    except Exception:
        # One failing job must not stop the others or the worker: it is logged (so the
        # error reaches whoever watches the logs) and kept with the run.
        logger.exception("Scheduled job %s for %s failed", job.name, slot.isoformat())
        output.write(traceback.format_exc())
        job_run_finish(run=run, succeeded=False, output=output.getvalue())
        return Outcome(job.name, slot, False)
    job_run_finish(run=run, succeeded=True, output=output.getvalue())
    return Outcome(job.name, slot, True)


def run_due(*, now: datetime | None = None, jobs: tuple[Job, ...] = JOBS) -> list[Outcome]:
    """Runs each job whose latest slot has not run yet and is not past its grace."""
    now = now or timezone.now()
    zone = ZoneInfo(settings.TIME_ZONE)
    outcomes = []
    for job in jobs:
        slot = job.rule.latest_slot(now, zone)
        if now - slot > job.grace:
            continue
        outcome = run_job(job, slot=slot)
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def loop(stop: threading.Event, *, tick: float = TICK_SECONDS) -> None:
    """Checks for due jobs every `tick` seconds until `stop` is set."""
    while not stop.is_set():
        close_old_connections()
        try:
            run_due()
        except Exception:
            # The database may be restarting: say so and try again next tick.
            logger.exception("The scheduler could not check for due jobs")
        finally:
            close_old_connections()
        stop.wait(tick)


def start_in_thread(*, tick: float = TICK_SECONDS) -> tuple[threading.Thread, threading.Event]:
    stop = threading.Event()
    thread = threading.Thread(
        target=loop, args=(stop,), kwargs={"tick": tick}, name="scheduler", daemon=True
    )
    thread.start()
    return thread, stop
