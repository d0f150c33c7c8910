"""Recovery drill timings: back up a borough, destroy every table, restore, check it all.

    .venv/bin/python benchmarks/backup_drill.py --keep var/bench-large.sqlite3
    script/with-postgres .venv/bin/python benchmarks/backup_drill.py --size medium

The borough is seeded if empty (`seed_demo --if-empty`). Prints how long the backup and the
restore took, the backup's size, and whether every table's rows and the time bank's totals
came back the same. The restore time is the recovery time written in docs/backups.md.
"""

import argparse
import os
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["small", "medium", "large"], default="large")
    parser.add_argument(
        "--keep", help="SQLite file to seed once and reuse (it is destroyed and restored)."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coproduce-drill-") as folder:
        if args.keep or not os.environ.get("DATABASE_URL"):
            path = Path(args.keep).resolve() if args.keep else Path(folder) / "drill.sqlite3"
            os.environ["DATABASE_URL"] = f"sqlite:///{path}"
        os.environ["DJANGO_SETTINGS_MODULE"] = "coproduce.settings.test"
        sys.path.insert(0, str(ROOT))
        run(args, Path(folder))


def run(args, folder: Path) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from coproduce.backups import database
    from coproduce.backups.services import backup_create, backup_restore
    from coproduce.backups.totals import ledger_totals

    call_command("migrate", verbosity=0)
    call_command("seed_demo", size=args.size, if_empty=True, no_progress=True, stdout=StringIO())
    counts, totals = database.row_counts(connection), ledger_totals()
    print(f"{connection.vendor}, {sum(counts.values()):,} rows in {len(counts)} tables")

    started = time.perf_counter()
    path, manifest = backup_create(folder=folder / "backups", include_media=False)
    backup_seconds = time.perf_counter() - started
    size = sum(f.stat().st_size for f in path.iterdir() if f.is_file())

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = OFF")
        for name in connection.introspection.table_names(cursor):
            cascade = " CASCADE" if connection.vendor == "postgresql" else ""
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(name)}{cascade}")
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = ON")

    started = time.perf_counter()
    backup_restore(path=path)
    restore_seconds = time.perf_counter() - started
    same = database.row_counts(connection) == counts and ledger_totals() == totals
    print(f"backup   {backup_seconds:6.1f} s, {size / 2**20:7.1f} MiB ({manifest.database_file})")
    print(f"restore  {restore_seconds:6.1f} s (destroyed every table first, then checked)")
    print(f"rows and ledger totals the same after restore: {'yes' if same else 'NO'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
