"""Import ward populations from a CSV of official estimates (such as the ONS mid-year
estimates): a ward code or name column and a population column on each row.

    manage.py import_ward_populations wards.csv --year 2023 --source "ONS mid-2023"

A bad file changes nothing and exits with status 2, naming the row and the reason.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from coproduce.insights.services import BadRow, ward_populations_import


class Command(BaseCommand):
    help = "Import ward populations from a CSV of official estimates."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file.")
        parser.add_argument("--year", type=int, default=None, help="Year of the estimates.")
        parser.add_argument("--source", default="", help="Where the figures come from.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}", returncode=2) from None
        year = options["year"] or timezone.now().year
        if not 1900 <= year <= 2200:
            raise CommandError("The year must be from 1900 to 2200.", returncode=2)
        source = options["source"] or path.name
        try:
            count = ward_populations_import(text=text, year=year, source=source)
        except BadRow as error:
            raise CommandError(str(error), returncode=2) from None
        self.stdout.write(f"Imported the population of {count} wards for {year}.")
