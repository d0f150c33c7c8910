import time
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from coproduce.common.errors import Refusal

from ...services import backup_restore


class Command(BaseCommand):
    help = (
        "Replace the database (and uploaded files) with a backup made by `backup`. Stop the "
        "web, worker and scheduler processes first. Everything now in the database is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup's folder, e.g. var/backups/coproduce-…")
        parser.add_argument(
            "--yes", action="store_true", help="Confirm that the database may be replaced."
        )
        parser.add_argument("--no-media", action="store_true", help="Leave uploaded files alone.")
        parser.add_argument(
            "--no-migrate", action="store_true", help="Do not migrate the restored database."
        )

    def handle(self, *args, **options):
        if not options["yes"]:
            raise CommandError(
                "A restore replaces everything in the database. Run it again with --yes "
                "once the site's processes are stopped.",
                returncode=2,
            )
        started = time.perf_counter()
        try:
            manifest = backup_restore(
                path=Path(options["path"]), include_media=not options["no_media"]
            )
        except Refusal as problem:
            raise CommandError(str(problem), returncode=2) from problem
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Restored the backup of {manifest.created:%d %B %Y %H:%M} UTC in {seconds:.1f} s: "
            f"{sum(manifest.row_counts.values()):,} rows in {len(manifest.row_counts)} tables "
            "and the time bank's totals match."
        )
        if not options["no_migrate"]:
            call_command("migrate", interactive=False, verbosity=options["verbosity"])
