import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from coproduce.common.errors import Refusal

from ...retention import Policy
from ...services import backup_create, backups_in, backups_prune


class Command(BaseCommand):
    help = (
        "Back up the database and uploaded files into a new folder under BACKUP_DIR, then "
        "remove old backups the retention policy does not keep."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Where backups go (default: BACKUP_DIR).")
        parser.add_argument("--no-media", action="store_true", help="Leave uploaded files out.")
        parser.add_argument("--no-prune", action="store_true", help="Keep every old backup.")
        parser.add_argument("--list", action="store_true", help="List backups; make none.")

    def handle(self, *args, **options):
        folder = Path(options["dir"] or settings.BACKUP_DIR)
        if options["list"]:
            for path in backups_in(folder):
                size = sum(f.stat().st_size for f in path.iterdir() if f.is_file())
                self.stdout.write(f"{path}  {size / 2**20:.1f} MiB")
            return
        started = time.perf_counter()
        try:
            path, manifest = backup_create(folder=folder, include_media=not options["no_media"])
        except Refusal as problem:
            raise CommandError(str(problem), returncode=2) from problem
        seconds = time.perf_counter() - started
        size = sum(f.stat().st_size for f in path.iterdir() if f.is_file())
        rows = sum(manifest.row_counts.values())
        self.stdout.write(
            f"Backed up {rows:,} rows in {len(manifest.row_counts)} tables "
            f"({manifest.engine}{', with uploaded files' if manifest.media_file else ''}) "
            f"to {path}: {size / 2**20:.1f} MiB in {seconds:.1f} s."
        )
        if options["no_prune"]:
            return
        policy = Policy(
            daily=settings.BACKUP_KEEP_DAILY,
            weekly=settings.BACKUP_KEEP_WEEKLY,
            monthly=settings.BACKUP_KEEP_MONTHLY,
        )
        for removed in backups_prune(folder=folder, policy=policy):
            self.stdout.write(f"Removed an old backup the policy does not keep: {removed}")
