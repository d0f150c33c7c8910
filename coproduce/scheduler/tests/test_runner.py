"""The runner runs each due job once, records failures, and goes on with the rest."""

import threading
from datetime import UTC, datetime, time, timedelta

import pytest

from coproduce.scheduler.jobs import Job
from coproduce.scheduler.models import JobRun
from coproduce.scheduler.rules import DailyAt, EveryMinutes
from coproduce.scheduler.runner import loop, run_due

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 6, 7, 30, tzinfo=UTC)  # 07:30 in London in winter
CHECK = Job(name="check", rule=EveryMinutes(1), command="check")
BROKEN = Job(name="broken", rule=EveryMinutes(1), command="no_such_command")
MORNING = Job(name="morning", rule=DailyAt(time(7)), command="check", grace=timedelta(hours=12))


def test_a_due_job_runs_once_however_often_it_is_asked():
    """Asked three times in the same minute, the job runs once."""
    for _ in range(3):
        run_due(now=NOW, jobs=(CHECK,))
    run = JobRun.objects.get()
    assert (run.job, run.slot, run.succeeded) == ("check", NOW, True)
    assert "no issues" in run.output


def test_the_next_slot_runs_again():
    """A minute later is a new slot."""
    run_due(now=NOW, jobs=(CHECK,))
    run_due(now=NOW + timedelta(minutes=1), jobs=(CHECK,))
    assert JobRun.objects.count() == 2


def test_a_failing_job_is_recorded_and_the_others_still_run(caplog):
    """A broken command is logged and kept as failed; the job after it runs."""
    outcomes = run_due(now=NOW, jobs=(BROKEN, CHECK))
    assert [(o.job, o.succeeded) for o in outcomes] == [("broken", False), ("check", True)]
    broken = JobRun.objects.get(job="broken")
    assert broken.succeeded is False and "Unknown command" in broken.output
    assert "Scheduled job broken" in caplog.text


def test_a_late_worker_still_sends_the_morning_jobs():
    """Started at 09:00, the worker runs the 07:00 job (within its grace)."""
    run_due(now=NOW + timedelta(hours=1, minutes=30), jobs=(MORNING,))
    assert JobRun.objects.get().slot == datetime(2026, 12, 6, 7, 0, tzinfo=UTC)


def test_a_slot_past_its_grace_is_let_go():
    """Down all day, the worker does not send this morning's jobs in the evening."""
    assert run_due(now=NOW + timedelta(hours=13), jobs=(MORNING,)) == []
    assert not JobRun.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_loop_runs_due_jobs_until_stopped(monkeypatch):
    """The worker's thread checks, runs, and stops when asked."""
    from coproduce.scheduler import runner

    ran = threading.Event()
    real = runner.run_due

    def run_and_tell():
        outcomes = real(jobs=(CHECK,))
        ran.set()
        return outcomes

    monkeypatch.setattr(runner, "run_due", run_and_tell)
    stop = threading.Event()
    thread = threading.Thread(target=loop, args=(stop,), kwargs={"tick": 0.05})
    thread.start()
    assert ran.wait(10)
    stop.set()
    thread.join(10)
    assert not thread.is_alive()
    assert JobRun.objects.filter(job="check", succeeded=True).exists()
