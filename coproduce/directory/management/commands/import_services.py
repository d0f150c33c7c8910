"""manage.py import_services FILE.csv [--dry-run] [--skip-bad] [--no-progress]

Reads services from a CSV file (columns in coproduce/directory/csv_rows.py) and saves them in
one transaction. If any row is bad, nothing is saved: every bad row is listed on stderr as
"line N: reason" and the command exits with code 2. --skip-bad saves the good rows and lists
the bad ones; --dry-run checks everything and saves nothing.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from coproduce.directory.csv_rows import read_rows
from coproduce.directory.importer import import_rows
from coproduce.groups.models import Organisation

BAD_INPUT = 2


class Command(BaseCommand):
    help = "Import services from a CSV file, all or nothing (see --skip-bad and --dry-run)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The CSV file, UTF-8, with a header row.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and save nothing."
        )
        parser.add_argument(
            "--skip-bad", action="store_true", help="Save the good rows and list the bad ones."
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not show progress.")

    def handle(self, *args, path: Path, dry_run: bool, skip_bad: bool, no_progress: bool, **kw):
        try:
            with path.open(encoding="utf-8-sig", newline="") as file:
                total = max(sum(1 for _ in file) - 1, 0)
                file.seek(0)
                rows = read_rows(file, kinds=Organisation.Kind.values)
                with tqdm(
                    rows,
                    total=total,
                    desc="Services",
                    unit=" rows",
                    file=sys.stderr,
                    disable=True if no_progress else None,
                    leave=False,
                ) as progress:
                    report = import_rows(progress, skip_bad=skip_bad, dry_run=dry_run)
        except FileNotFoundError as error:
            raise CommandError(f"There is no file at {path}", returncode=BAD_INPUT) from error
        except IsADirectoryError as error:
            raise CommandError(f"{path} is a folder, not a file", returncode=BAD_INPUT) from error
        except UnicodeDecodeError as error:
            raise CommandError(
                f"{path} is not UTF-8 text: save it as 'CSV UTF-8' and try again",
                returncode=BAD_INPUT,
            ) from error

        for error in report.errors:
            self.stderr.write(str(error))
        bad = len(report.errors)
        if report.saved:
            self.stdout.write(
                f"Imported {report.good} services ({report.organisations_added} organisations "
                f"and {report.places_added} places added)."
                + (f" Skipped {bad} bad rows." if bad else "")
            )
        elif dry_run:
            self.stdout.write(
                f"Checked {report.good + bad} rows: {report.good} good, {bad} bad. "
                "Nothing was saved (dry run)."
            )
        if bad and not skip_bad:
            raise CommandError(
                f"{bad} bad rows. Nothing was imported. Fix them, or use --skip-bad.",
                returncode=BAD_INPUT,
            )
