"""The scheduler's commands."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from coproduce.scheduler.models import JobRun

pytestmark = pytest.mark.django_db


def test_run_scheduled_runs_the_every_minute_jobs():
    """Run by hand, the command runs what is due now and says so."""
    out = StringIO()
    call_command("run_scheduled", stdout=out)
    assert "news_publish_due" in out.getvalue()
    assert JobRun.objects.filter(job="news_publish_due", succeeded=True).exists()
    again = StringIO()
    call_command("run_scheduled", stdout=again)
    assert "news_publish_due" not in again.getvalue()


def test_list_shows_each_job_and_its_last_run():
    """--list shows the schedule in words and runs nothing."""
    call_command("run_scheduled", stdout=StringIO())
    out = StringIO()
    call_command("run_scheduled", "--list", stdout=out)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("send_daily_digests") and "daily at 07:00" in line for line in lines)
    assert any(line.startswith("mailing_resume") and " ok" in line for line in lines)


def test_prune_refuses_a_nonsense_age():
    """--days 0 is a usage error (exit 2), not a wipe."""
    with pytest.raises(CommandError) as error:
        call_command("scheduler_prune", "--days", "0")
    assert error.value.returncode == 2


@pytest.fixture
def database_task_queue(settings):
    """The worker serves the database queue, as in production."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("database_task_queue")
def test_the_worker_runs_the_scheduled_jobs_beside_the_queue():
    """`manage.py worker --batch` empties the queue and has run the jobs due now."""
    call_command(
        "worker", queue_name="*", batch=True, no_startup_delay=True, reload=False, verbosity=0
    )
    assert JobRun.objects.filter(job="mailing_resume", succeeded=True).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("database_task_queue")
def test_the_worker_can_run_tasks_only():
    """--no-scheduler leaves the schedule to other workers."""
    call_command(
        "worker",
        queue_name="*",
        batch=True,
        no_startup_delay=True,
        reload=False,
        no_scheduler=True,
        verbosity=0,
    )
    assert not JobRun.objects.exists()
