"""How long seed_demo takes on a fresh database, and how much memory it needs.

    .venv/bin/python benchmarks/seed_demo.py --size large
    .venv/bin/python benchmarks/seed_demo.py --size large --database-url postgres://...

Without --database-url it makes a temporary SQLite file (deleted afterwards). A PostgreSQL
database given by URL should be empty: it is migrated and filled, and left as it is.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database-url", help="Default: a new temporary SQLite file.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="coproduce-bench-") as folder:
        # Must be set before Django reads its settings.
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.local"
        sys.path.insert(0, str(ROOT))
        import django
        from django.core.management import call_command

        django.setup()
        from django.db import connection

        from coproduce.demo.sizes import SIZES

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        migrated = time.perf_counter()
        call_command(
            "seed_demo", size=args.size, seed=args.seed, no_progress=True, stdout=StringIO()
        )
        seeded = time.perf_counter()
        vendor = connection.vendor
        connection.close()

    people = SIZES[args.size].people
    seconds = seeded - migrated
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"database        {vendor}")
    print(f"size            {args.size} (seed {args.seed}, {people:,} people)")
    print(f"migrate         {migrated - started:.1f} s")
    print(f"seed_demo       {seconds:.1f} s")
    print(f"people/second   {people / seconds:,.0f}")
    print(f"peak RSS        {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
