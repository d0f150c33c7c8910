from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from coproduce.scheduler.services import job_runs_prune


class Command(BaseCommand):
    help = "Forget scheduled runs older than --days (30 by default). Runs daily by itself."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.", returncode=2)
        removed = job_runs_prune(older_than=timedelta(days=days))
        self.stdout.write(f"{removed} scheduled runs removed")
