from datetime import UTC, datetime

import pytest

from coproduce.backups.manifest import (
    BadBackup,
    Manifest,
    folder_name,
    read_checked,
    time_of,
    write,
)

MOMENT = datetime(2026, 12, 5, 21, 30, 5, tzinfo=UTC)


def written(tmp_path):
    (tmp_path / "database.sqlite3").write_bytes(b"pages")
    manifest = Manifest(
        created=MOMENT,
        engine="sqlite",
        database_file="database.sqlite3",
        row_counts={"people_person": 3},
        totals={"timebank_postings": 2},
    )
    write(tmp_path, manifest)
    return manifest


def test_a_manifest_reads_back_as_written(tmp_path):
    manifest = written(tmp_path)
    assert read_checked(tmp_path) == manifest


def test_a_changed_file_is_refused(tmp_path):
    written(tmp_path)
    (tmp_path / "database.sqlite3").write_bytes(b"other pages")
    with pytest.raises(BadBackup, match="checksum"):
        read_checked(tmp_path)


def test_a_missing_file_or_manifest_is_refused(tmp_path):
    with pytest.raises(BadBackup, match="never finished"):
        read_checked(tmp_path)
    written(tmp_path)
    (tmp_path / "database.sqlite3").unlink()
    with pytest.raises(BadBackup, match=r"missing database\.sqlite3"):
        read_checked(tmp_path)


def test_an_unreadable_or_newer_manifest_is_refused(tmp_path):
    written(tmp_path)
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(BadBackup, match="cannot be read"):
        read_checked(tmp_path)
    (tmp_path / "manifest.json").write_text('{"format": 99}')
    with pytest.raises(BadBackup, match="format 99"):
        read_checked(tmp_path)


def test_folder_names_carry_their_time(tmp_path):
    name = folder_name(MOMENT)
    assert name == "coproduce-20261205T213005Z"
    assert time_of(tmp_path / name) == MOMENT
    assert time_of(tmp_path / ".coproduce-20261205T213005Z.partial") is None
