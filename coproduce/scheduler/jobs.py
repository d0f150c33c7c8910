"""The jobs the worker runs on a schedule, so a deployment needs no cron.

Each is a management command that is safe to run twice (nobody gets the same email twice),
so the schedule can be changed without thinking about what ran before. `grace` is how late a
slot may still be run: a worker that was down at 07:00 and starts at 09:00 still sends the
morning's summaries, but one that was down for two days does not send two days' worth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time, timedelta

from .rules import DailyAt, EveryMinutes, Rule

MONDAY = 0
MORNING = time(7, 0)


@dataclass(frozen=True)
class Job:
    name: str
    rule: Rule
    command: str
    args: tuple[str, ...] = ()
    grace: timedelta = timedelta(minutes=5)
    # How long a run may hold the job before another scheduler may start it again: longer
    # than any normal run, short enough that a worker killed mid-run does not stop the job.
    lease: timedelta = timedelta(minutes=30)
    description: str = field(default="", compare=False)


def _daily(name: str, command: str, *args: str, weekdays=None, description: str = "") -> Job:
    return Job(
        name=name,
        rule=DailyAt(MORNING, frozenset(weekdays) if weekdays else None),
        command=command,
        args=args,
        grace=timedelta(hours=12),
        lease=timedelta(hours=2),
        description=description,
    )


def _minutely(name: str, command: str, *args: str, description: str = "") -> Job:
    return Job(name=name, rule=EveryMinutes(1), command=command, args=args, description=description)


JOBS: tuple[Job, ...] = (
    _minutely("news_publish_due", "news_publish_due", description="Publish news whose time came"),
    _minutely(
        "announce_closed_surveys",
        "announce_closed_surveys",
        "--verbosity",
        "0",
        description="Announce results of surveys that have closed",
    ),
    _minutely("mailing_resume", "mailing_resume", description="Pick up sends a worker left"),
    _daily("send_daily_digests", "send_daily_digests", description="Daily summaries"),
    _daily("subscriptions_daily", "subscriptions_digests", "daily", description="Daily updates"),
    _daily(
        "subscriptions_weekly",
        "subscriptions_digests",
        "weekly",
        weekdays={MONDAY},
        description="Weekly updates, on Mondays",
    ),
    _daily("send_funding_reminders", "send_funding_reminders", description="Funding deadlines"),
    _daily(
        "send_gathering_reminders",
        "send_gathering_reminders",
        description="Tomorrow's events and agreed actions",
    ),
    _daily("yousaid_remind", "yousaid_remind", description="Council responses due or overdue"),
    _daily("apply_retention", "apply_retention", description="Remove data past its retention"),
    _daily("scheduler_prune", "scheduler_prune", description="Forget old scheduled runs"),
)


def jobs_by_name(jobs: tuple[Job, ...] = JOBS) -> dict[str, Job]:
    names = [job.name for job in jobs]
    if len(set(names)) != len(names):
        raise ValueError(f"Two scheduled jobs share a name: {sorted(names)}")
    return {job.name: job for job in jobs}
