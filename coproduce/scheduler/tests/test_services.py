"""A slot is claimed once, and a job is held while it runs."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from coproduce.scheduler.models import JobLock, JobRun
from coproduce.scheduler.services import job_run_claim, job_run_finish, job_runs_prune

SLOT = datetime(2026, 12, 6, 7, 0, tzinfo=UTC)
LEASE = timedelta(minutes=30)

pytestmark = pytest.mark.django_db


def test_a_slot_is_claimed_once():
    """The second claim of the same slot gets nothing, even after the first finished."""
    run = job_run_claim(job="digest", slot=SLOT, lease=LEASE)
    job_run_finish(run=run, succeeded=True, output="sent 3")
    assert job_run_claim(job="digest", slot=SLOT, lease=LEASE) is None
    assert JobRun.objects.count() == 1


def test_a_running_job_is_not_started_again_for_its_next_slot():
    """While a run holds the job, the next slot waits; once it finishes, the next slot runs."""
    first = job_run_claim(job="resume", slot=SLOT, lease=LEASE)
    later = SLOT + timedelta(minutes=1)
    assert job_run_claim(job="resume", slot=later, lease=LEASE) is None
    job_run_finish(run=first, succeeded=True, output="")
    assert job_run_claim(job="resume", slot=later, lease=LEASE) is not None


def test_a_run_that_died_frees_the_job_when_its_lease_ends():
    """A worker killed mid-run does not stop the job for ever."""
    job_run_claim(job="resume", slot=SLOT, lease=LEASE)
    JobLock.objects.filter(job="resume").update(held_until=timezone.now() - timedelta(seconds=1))
    assert job_run_claim(job="resume", slot=SLOT + timedelta(minutes=1), lease=LEASE) is not None


def test_finishing_keeps_the_end_of_long_output():
    """Output is cut from the start, so the error at the end is kept."""
    run = job_run_claim(job="digest", slot=SLOT, lease=LEASE)
    job_run_finish(run=run, succeeded=False, output="x" * 30_000 + "Traceback: boom")
    run.refresh_from_db()
    assert run.succeeded is False and run.output.endswith("boom")
    assert len(run.output) == 20_000


def test_prune_forgets_only_old_runs():
    """Runs older than the limit go; recent ones stay."""
    old = job_run_claim(job="a", slot=SLOT, lease=LEASE)
    JobRun.objects.filter(pk=old.pk).update(started_at=timezone.now() - timedelta(days=31))
    job_run_claim(job="b", slot=SLOT, lease=LEASE)
    assert job_runs_prune(older_than=timedelta(days=30)) == 1
    assert list(JobRun.objects.values_list("job", flat=True)) == ["b"]


@pytest.mark.django_db(transaction=True)
def test_schedulers_racing_for_one_slot_run_it_once():
    """Eight schedulers claiming the same slot at the same moment: exactly one wins."""
    racers = 8
    start = threading.Barrier(racers)
    won: list[bool] = []
    errors: list[str] = []

    def claim() -> None:
        try:
            start.wait()
            won.append(job_run_claim(job="digest", slot=SLOT, lease=LEASE) is not None)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=claim) for _ in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # SQLite's shared in-memory test database refuses a second writer outright instead of
    # making it wait as the file database does; the real server must make every one wait.
    if connection.vendor == "postgresql":
        assert errors == []
    assert all("locked" in error for error in errors), errors
    assert won.count(True) == 1
    assert JobRun.objects.filter(job="digest").count() == 1
