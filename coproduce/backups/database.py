"""Copying the database out and back, for each engine the project runs on.

SQLite uses its online backup API, page by page through the live connection, so a backup
is consistent while the site runs, and a restore writes over every page at once.
PostgreSQL uses `pg_dump` in its custom format; a restore drops everything the site's role
owns and replays the dump through `psql` in one transaction, so a failed restore leaves the
database as it was.
"""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper

from .manifest import BadBackup

FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def engine_of(connection: BaseDatabaseWrapper) -> str:
    if connection.vendor not in FILES:
        raise BadBackup(f"Backups work on SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    if engine_of(connection) == "sqlite":
        _sqlite_dump(connection, target)
    else:
        _run([_pg_tool("pg_dump"), "--format=custom", "--file", str(target)], connection)


def load(connection: BaseDatabaseWrapper, source: Path) -> None:
    if connection.in_atomic_block:
        raise BadBackup("A restore cannot run inside a transaction.")
    if engine_of(connection) == "sqlite":
        _sqlite_load(connection, source)
    else:
        _pg_load(connection, source)


def row_counts(connection: BaseDatabaseWrapper) -> dict[str, int]:
    with connection.cursor() as cursor:
        names = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for name in names:
            # Table names come from the database itself, quoted by the backend.
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")  # noqa: S608
            counts[name] = cursor.fetchone()[0]
    return counts


# SQLite -----------------------------------------------------------------------------------


def _sqlite_dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
        _sqlite_check(copy, target)


def _sqlite_load(connection: BaseDatabaseWrapper, source: Path) -> None:
    with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as copy:
        _sqlite_check(copy, source)
        connection.ensure_connection()
        copy.backup(connection.connection)


def _sqlite_check(database: sqlite3.Connection, path: Path) -> None:
    try:
        result = database.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as problem:
        raise BadBackup(f"{path.name} is not a readable SQLite database: {problem}.") from problem
    if result != "ok":
        raise BadBackup(f"{path.name} failed SQLite's integrity check: {result}.")


# PostgreSQL -------------------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    """The client program matching the server binaries on this machine, or on PATH."""
    folders = [os.environ.get("PG_BIN_DIR", "")]
    if shutil.which("pg_config"):
        found = subprocess.run(  # noqa: S603
            [shutil.which("pg_config"), "--bindir"], capture_output=True, text=True
        )
        folders.append(found.stdout.strip())
    folders += sorted(
        (str(p) for p in Path("/usr/lib/postgresql").glob("*/bin")),
        key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
        reverse=True,
    )
    for folder in filter(None, folders):
        if (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    program = shutil.which(name)
    if not program:
        raise BadBackup(
            f"{name} was not found. Install PostgreSQL's client programs "
            f"(Debian: apt-get install postgresql-client) or set PG_BIN_DIR."
        )
    return program


def _pg_environment(connection: BaseDatabaseWrapper) -> dict[str, str]:
    settings = connection.settings_dict
    environment = dict(os.environ)
    for key, variable in [
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ]:
        if settings.get(key):
            environment[variable] = str(settings[key])
    return environment


def _run(command: list[str], connection: BaseDatabaseWrapper, **kwargs) -> None:
    # The programs are PostgreSQL's own; the arguments are paths this command chose.
    done = subprocess.run(  # noqa: S603
        command, env=_pg_environment(connection), capture_output=True, text=True, **kwargs
    )
    if done.returncode != 0:
        raise BadBackup(f"{Path(command[0]).name} failed: {done.stderr.strip()[-2000:]}")


# Tables the backup does not know (from a later migration) would otherwise survive the restore
# and stop `migrate` from making them again.
_DROP_TABLES = """
DO $$
DECLARE item record;
BEGIN
  FOR item IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
    EXECUTE 'DROP TABLE IF EXISTS ' || quote_ident(item.tablename) || ' CASCADE';
  END LOOP;
END $$;
"""


def _pg_load(connection: BaseDatabaseWrapper, source: Path) -> None:
    # Read the archive's table of contents first: a damaged file is refused before anything
    # is dropped.
    _run([_pg_tool("pg_restore"), "--list", str(source)], connection)
    connection.close()
    script = subprocess.run(  # noqa: S603
        [
            _pg_tool("pg_restore"),
            *("--clean", "--if-exists", "--no-owner", "--no-privileges"),
            *("--file", "-", str(source)),
        ],
        env=_pg_environment(connection),
        capture_output=True,
    )
    if script.returncode != 0:
        raise BadBackup(f"pg_restore failed: {script.stderr.decode(errors='replace')[-2000:]}")
    _run(
        [
            _pg_tool("psql"),
            *("--no-psqlrc", "--quiet", "--single-transaction", "--set", "ON_ERROR_STOP=1"),
            *("--command", _DROP_TABLES, "--file", "-"),
        ],
        connection,
        input=script.stdout.decode(),
    )
