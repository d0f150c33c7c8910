"""What a backup folder holds, written last and read first: a backup without it is unfinished.

A backup is a folder `coproduce-<UTC time>` with the database (`database.sqlite3` or
`database.pgdump`), the uploaded files (`media.tar.gz`, if the site keeps any on disk) and
`manifest.json`: when it was made, from which database engine, each file's SHA-256, the rows
in every table and the time bank's totals, so a restore can prove it put back what was taken.
"""

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

FORMAT = 1
NAME = "manifest.json"
PREFIX = "coproduce-"
_STAMP = "%Y%m%dT%H%M%SZ"
_FOLDER = re.compile(r"^coproduce-(\d{8}T\d{6}Z)$")


class BadBackup(ValueError):
    """The folder is not a whole, unchanged backup. str() says what is wrong, in plain words."""


@dataclass
class Manifest:
    created: datetime
    engine: str
    database_file: str
    media_file: str | None = None
    checksums: dict[str, str] = field(default_factory=dict)
    row_counts: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)
    migrations: dict[str, str] = field(default_factory=dict)
    format: int = FORMAT

    def to_json(self) -> str:
        data = asdict(self)
        data["created"] = self.created.astimezone(UTC).isoformat()
        return json.dumps(data, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Manifest":
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise BadBackup(
                    f"This backup is in format {data.get('format')!r}; this version reads {FORMAT}."
                )
            data["created"] = datetime.fromisoformat(data["created"])
            return cls(**data)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as problem:
            if isinstance(problem, BadBackup):
                raise
            raise BadBackup(f"The backup's {NAME} cannot be read: {problem}.") from problem


def folder_name(moment: datetime) -> str:
    return PREFIX + moment.astimezone(UTC).strftime(_STAMP)


def time_of(folder: Path) -> datetime | None:
    """When a backup folder was made, from its name; None if it is not a backup folder."""
    match = _FOLDER.match(folder.name)
    if not match:
        return None
    return datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write(folder: Path, manifest: Manifest) -> None:
    for name in [manifest.database_file, manifest.media_file]:
        if name:
            manifest.checksums[name] = sha256(folder / name)
    (folder / NAME).write_text(manifest.to_json(), encoding="utf-8")


def read_checked(folder: Path) -> Manifest:
    """The manifest of a whole backup, after checking every file it names is unchanged."""
    if not folder.is_dir():
        raise BadBackup(f"There is no backup folder at {folder}.")
    path = folder / NAME
    if not path.is_file():
        raise BadBackup(f"{folder} has no {NAME}: it is not a backup, or it was never finished.")
    manifest = Manifest.from_json(path.read_text(encoding="utf-8"))
    for name in [manifest.database_file, manifest.media_file]:
        if not name:
            continue
        if not (folder / name).is_file():
            raise BadBackup(f"The backup is missing {name}.")
        if sha256(folder / name) != manifest.checksums.get(name):
            raise BadBackup(f"{name} has changed since the backup was made (its checksum differs).")
    return manifest
