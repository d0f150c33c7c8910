"""Making, restoring and pruning backups (docs/deployment.md, "Backups")."""

import shutil
from datetime import UTC, datetime
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder

from coproduce.common.errors import Refusal

from . import database, media, retention
from .manifest import BadBackup, Manifest, folder_name, read_checked, time_of, write
from .totals import ledger_totals


def _latest_migrations(connection) -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def backup_create(
    *, folder: Path, include_media: bool = True, now: datetime | None = None
) -> tuple[Path, Manifest]:
    """Write a whole backup into a new folder inside `folder`, or nothing at all.

    The files go into a hidden folder first and it is renamed once the manifest is written,
    so a backup cut short (a full disk, a killed process) is never mistaken for a good one.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        engine = database.engine_of(connection)
    except BadBackup as problem:
        raise Refusal(str(problem)) from problem
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    final = folder / folder_name(moment)
    if final.exists():
        raise Refusal(f"A backup called {final.name} is already there.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{final.name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir()
    except OSError as problem:
        raise Refusal(f"Cannot write backups to {folder}: {problem.strerror}.") from problem
    try:
        manifest = Manifest(
            created=moment,
            engine=engine,
            database_file=database.FILES[engine],
            row_counts=database.row_counts(connection),
            totals=ledger_totals(),
            migrations=_latest_migrations(connection),
        )
        database.dump(connection, partial / manifest.database_file)
        if include_media and media.pack(partial / media.FILE):
            manifest.media_file = media.FILE
        write(partial, manifest)
        partial.rename(final)
    except (BadBackup, OSError) as problem:
        shutil.rmtree(partial, ignore_errors=True)
        raise Refusal(f"The backup was not made: {problem}") from problem
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final, manifest


def backup_restore(*, path: Path, include_media: bool = True) -> Manifest:
    """Put the database (and uploads) back as they were in the backup at `path`.

    Everything is checked before anything is changed: the manifest, each file's checksum and
    the database engine. Afterwards every table's rows and the ledger's totals are counted
    again and must match what the backup recorded.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        manifest = read_checked(path)
        engine = database.engine_of(connection)
    except BadBackup as problem:
        raise Refusal(str(problem)) from problem
    if manifest.engine != engine:
        raise Refusal(
            f"This backup is of a {manifest.engine} database; this site runs on {engine}."
        )
    try:
        database.load(connection, path / manifest.database_file)
        if include_media and manifest.media_file:
            media.unpack(path / manifest.media_file)
    except BadBackup as problem:
        raise Refusal(f"The restore did not finish: {problem}") from problem
    differences = _differences(manifest, database.row_counts(connection), ledger_totals())
    if differences:
        raise Refusal("The restored data does not match the backup: " + "; ".join(differences))
    return manifest


def _differences(manifest: Manifest, counts: dict[str, int], totals: dict[str, int]) -> list[str]:
    found = []
    for name in sorted(set(manifest.row_counts) | set(counts)):
        if manifest.row_counts.get(name) != counts.get(name):
            found.append(f"{name}: {manifest.row_counts.get(name)} -> {counts.get(name)}")
    for name in sorted(manifest.totals):
        if manifest.totals[name] != totals.get(name):
            found.append(f"{name}: {manifest.totals[name]} -> {totals.get(name)}")
    return found


def backups_prune(*, folder: Path, policy: retention.Policy) -> list[Path]:
    """Remove the finished backups the policy does not keep; return what was removed."""
    found = {time_of(path): path for path in backups_in(folder)}
    removed = []
    for moment in retention.to_remove(found, policy):
        shutil.rmtree(found[moment])
        removed.append(found[moment])
    return removed


def backups_in(folder: Path) -> list[Path]:
    """Finished backups in `folder`, oldest first (unfinished hidden folders are left out)."""
    if not folder.is_dir():
        return []
    found = [path for path in folder.iterdir() if path.is_dir() and time_of(path)]
    return sorted(found, key=time_of)
