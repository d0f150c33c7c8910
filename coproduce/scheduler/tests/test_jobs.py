"""The schedule names real commands, once each."""

from django.core.management import get_commands

from coproduce.scheduler.jobs import JOBS, jobs_by_name


def test_every_job_is_a_command_that_exists():
    """A typo in the schedule would fail every day in silence; it fails here instead."""
    commands = get_commands()
    assert [job.command for job in JOBS if job.command not in commands] == []


def test_job_names_are_unique():
    """Runs are recorded by job name, so two jobs cannot share one."""
    assert len(jobs_by_name()) == len(JOBS)


def test_the_daily_jobs_that_cron_used_to_run_are_all_scheduled():
    """Everything the deployment guide asked cron to run is now in the schedule."""
    scheduled = {(job.command, job.args) for job in JOBS}
    for command in (
        ("news_publish_due", ()),
        ("mailing_resume", ()),
        ("send_daily_digests", ()),
        ("subscriptions_digests", ("daily",)),
        ("subscriptions_digests", ("weekly",)),
        ("send_funding_reminders", ()),
        ("send_gathering_reminders", ()),
        ("yousaid_remind", ()),
        ("apply_retention", ()),
    ):
        assert command in scheduled
