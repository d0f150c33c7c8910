from django.core.management.base import BaseCommand

from coproduce.scheduler.jobs import JOBS
from coproduce.scheduler.runner import run_due
from coproduce.scheduler.selectors import latest_runs


class Command(BaseCommand):
    help = (
        "Run the scheduled jobs that are due now, once, then stop (`manage.py worker` does "
        "this every few seconds). --list shows each job, when it runs and its last run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--list", action="store_true", dest="show_list", help="Show the jobs; run nothing."
        )

    def handle(self, *args, show_list: bool, **options):
        if show_list:
            last = latest_runs()
            for job in JOBS:
                run = last.get(job.name)
                if run is None:
                    state = "never run"
                elif run.succeeded is None:
                    state = f"running since {run.started_at:%Y-%m-%d %H:%M}"
                else:
                    result = "ok" if run.succeeded else "FAILED"
                    state = f"last {run.slot:%Y-%m-%d %H:%M} {result}"
                self.stdout.write(f"{job.name:28} {job.rule!s:45} {state}")
            return
        outcomes = run_due()
        for outcome in outcomes:
            result = "ok" if outcome.succeeded else "FAILED (see the log)"
            self.stdout.write(f"{outcome.job} {outcome.slot:%Y-%m-%d %H:%M}: {result}")
        if not outcomes:
            self.stdout.write("Nothing was due.")
