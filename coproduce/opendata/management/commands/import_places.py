import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from coproduce.common.db import statistics_refresh
from coproduce.opendata import rows as place_rows
from coproduce.opendata.services import places_import

STATISTICS_AFTER = 1000  # rows written at once before the planner is told


class Command(BaseCommand):
    help = (
        "Add places from a CSV file, or update them if they are already there (the same name, "
        "ward and postcode). Columns: "
        + ", ".join(place_rows.COLUMNS)
        + ". Needed: "
        + ", ".join(place_rows.REQUIRED_COLUMNS)
        + ". If any row has a problem nothing is imported, unless you use --skip-bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The CSV file (UTF-8).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and report; write nothing."
        )
        parser.add_argument(
            "--skip-bad",
            action="store_true",
            help="Import the good rows and list the bad ones, instead of importing nothing.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")

    def handle(self, *args, path, dry_run, skip_bad, no_progress, **options):
        started = time.perf_counter()

        def progress(items, description, total=None):
            return tqdm(
                items,
                desc=description,
                total=total,
                unit="row",
                file=self.stderr._out,
                disable=no_progress,
                leave=False,
            )

        try:
            _header, unknown = place_rows.read_header(path)
            if unknown:
                self.stderr.write(
                    f"These columns are not used and were left out: {', '.join(unknown)}"
                )
            rows, errors = place_rows.read_places(
                path, progress=lambda items: progress(items, "Checking")
            )
        except place_rows.FileProblem as problem:
            raise CommandError(str(problem), returncode=2) from problem

        result = places_import(
            rows=rows,
            errors=errors,
            skip_bad=skip_bad,
            dry_run=dry_run,
            progress=lambda batches, description, total: _rows_progress(
                progress, batches, description, total
            ),
        )
        if result.written and result.created + result.updated >= STATISTICS_AFTER:
            statistics_refresh()
        for error in result.errors:
            self.stderr.write(str(error))
        took = time.perf_counter() - started
        bad = len({error.line for error in result.errors})
        if result.errors and not skip_bad:
            opening = "Dry run, nothing written" if dry_run else "Nothing was imported"
            raise CommandError(
                f"{opening}: {bad} {_rows(bad)} with problems (listed above). Fix them and "
                "run this again, or use --skip-bad to import only the good rows.",
                returncode=2,
            )
        summary = (
            f"{result.created} {_places(result.created)} to add and {result.updated} already "
            "there (updated if the file differs)"
        )
        if skip_bad and bad:
            summary += f"; {bad} {_rows(bad)} with problems left out (listed above)"
        if dry_run:
            self.stdout.write(f"Dry run, nothing written: {summary}. Checked in {took:.1f}s.")
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {path.name}: {result.created} added, {result.updated} updated, "
                    f"{result.unchanged} unchanged"
                    + (f", {bad} {_rows(bad)} left out" if bad else "")
                    + f", in {took:.1f}s."
                )
            )


def _rows_progress(progress, batches, description, total):
    """A progress bar counted in rows, though the work is done a batch at a time."""
    bar = progress(None, description, total)
    try:
        for batch in batches:
            yield batch
            bar.update(len(batch))
    finally:
        bar.close()


def _rows(count: int) -> str:
    return "row" if count == 1 else "rows"


def _places(count: int) -> str:
    return "place" if count == 1 else "places"
