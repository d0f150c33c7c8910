"""Time importing and exporting a large file of places, in a throwaway test database.

    .venv/bin/python -m coproduce.opendata.benchmark --rows 20000
    script/with-postgres .venv/bin/python -m coproduce.opendata.benchmark --rows 20000

Uses the test settings: in-memory SQLite, or PostgreSQL when DATABASE_URL is set.
"""

import argparse
import os
import resource
import tempfile
import time
from io import StringIO
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--wards", type=int, default=20)
    arguments = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coproduce.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.runner import DiscoverRunner
    from django.test.utils import setup_test_environment

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0)
    databases = runner.setup_databases()
    try:
        from coproduce.places.models import Place, Ward

        from .tests.factories import write_places_csv

        wards = [
            Ward.objects.create(name=f"Ward {n}", slug=f"ward-{n}")
            for n in range(1, arguments.wards + 1)
        ]
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        print(f"{arguments.rows:,} places, {len(wards)} wards, database: {engine}")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "places.csv"
            started = time.perf_counter()
            write_places_csv(path, arguments.rows, [ward.name for ward in wards])
            print(f"{'write the CSV':26} {time.perf_counter() - started:6.2f}s")

            def timed(label: str, *options: str) -> None:
                started = time.perf_counter()
                call_command(
                    "import_places", str(path), "--no-progress", *options, stdout=StringIO()
                )
                print(f"{label:26} {time.perf_counter() - started:6.2f}s")

            timed("dry run", "--dry-run")
            timed("import (all new)")
            assert Place.objects.count() == arguments.rows
            timed("import again (unchanged)")
            Place.objects.update(description="Changed since")
            timed("import again (all updated)")
            assert Place.objects.count() == arguments.rows
            assert not Place.objects.filter(description="Changed since").exists()

        client = Client()
        for name in ("places.csv", "places.geojson"):
            started = time.perf_counter()
            response = client.get(f"/open-data/{name}")
            size = sum(len(chunk) for chunk in response.streaming_content)
            took = time.perf_counter() - started
            print(f"{'export ' + name:26} {took:6.2f}s  ({size / 1e6:.1f} MB)")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the whole run: {peak:.0f} MB")
    finally:
        runner.teardown_databases(databases)


if __name__ == "__main__":
    main()
