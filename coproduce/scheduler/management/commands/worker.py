import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from coproduce.scheduler.runner import TICK_SECONDS, start_in_thread


class Command(DatabaseWorker):
    help = (
        "The task worker (as db_worker) with the scheduler beside it: the daily and "
        "every-minute jobs run from here, so no cron is needed. Run as many workers as you "
        "like; each scheduled run happens once. --no-scheduler runs tasks only."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Run queued tasks only, not the scheduled jobs.",
        )
        parser.add_argument(
            "--scheduler-tick",
            type=float,
            default=TICK_SECONDS,
            help="Seconds between checks for due jobs.",
        )

    def handle(self, *args, no_scheduler: bool, scheduler_tick: float, **options):
        # With the reloader the parent only watches files; the scheduler runs in the child.
        watching_only = options.get("reload") and not os.environ.get(DJANGO_AUTORELOAD_ENV)
        if no_scheduler or watching_only:
            return super().handle(*args, **options)
        thread, stop = start_in_thread(tick=scheduler_tick)
        try:
            return super().handle(*args, **options)
        finally:
            # Let a job that is running finish, so its run is recorded as done.
            stop.set()
            thread.join(timeout=60)
