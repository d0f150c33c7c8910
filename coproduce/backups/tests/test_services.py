import tarfile
from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from django.db import connection
from django.test import override_settings

from coproduce.accounts.models import User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.backups import database, services
from coproduce.backups.manifest import BadBackup
from coproduce.backups.retention import Policy
from coproduce.backups.services import backup_create, backup_restore, backups_in, backups_prune
from coproduce.common.errors import Refusal
from coproduce.timebank.services import transfer_record
from coproduce.timebank.tests.factories import AccountFactory
from coproduce.timebank.tests.test_services import coordinator

# A restore replaces the database from outside any transaction (pg_restore is another
# process), so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def small_borough():
    """A few people and a ledger; the demo borough's drill is in the demo's tests."""
    for n in range(5):
        UserFactory(display_name=f"Resident {n}", email=f"resident{n}@demo.northbrook.invalid")
    a, b = AccountFactory(), AccountFactory()
    for minutes in (30, 60, 90):
        transfer_record(
            actor=coordinator(), from_account=a, to_account=b, minutes=minutes, description="Help"
        )


def test_restore_puts_back_what_the_backup_held(tmp_path, small_borough):
    path, manifest = backup_create(folder=tmp_path)
    assert manifest.totals["timebank_postings"] > 0
    counts = database.row_counts(connection)
    User.objects.create_user(email="after-the-backup@example.org", password=None)
    User.objects.filter(email__endswith="demo.northbrook.invalid").update(display_name="Changed")

    backup_restore(path=path)

    assert database.row_counts(connection) == counts
    assert not User.objects.filter(email="after-the-backup@example.org").exists()
    assert not User.objects.filter(display_name="Changed").exists()


def test_a_changed_backup_is_refused_and_nothing_is_touched(tmp_path, small_borough):
    path, manifest = backup_create(folder=tmp_path)
    User.objects.create_user(email="kept@example.org", password=None)
    with (path / manifest.database_file).open("ab") as file:
        file.write(b"tampered")
    with pytest.raises(Refusal, match="checksum"):
        backup_restore(path=path)
    assert User.objects.filter(email="kept@example.org").exists()


def test_a_backup_of_the_other_engine_is_refused(tmp_path, small_borough):
    path, manifest = backup_create(folder=tmp_path)
    other = "postgresql" if manifest.engine == "sqlite" else "sqlite"
    monkeypatched = manifest.to_json().replace(
        f'"engine": "{manifest.engine}"', f'"engine": "{other}"'
    )
    (path / "manifest.json").write_text(monkeypatched)
    with pytest.raises(Refusal, match=f"backup is of a {other} database"):
        backup_restore(path=path)


def test_a_backup_cut_short_leaves_no_folder_behind(tmp_path, monkeypatch):
    def full_disk(connection, target):
        target.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(services.database, "dump", full_disk)
    with pytest.raises(Refusal, match="No space left"):
        backup_create(folder=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_backups_cannot_go_where_nothing_can_be_written(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(Refusal, match="Cannot write backups"):
        backup_create(folder=blocker / "backups")


def test_pruning_keeps_what_the_policy_says(tmp_path):
    start = datetime(2026, 11, 1, 2, tzinfo=UTC)
    for day in range(10):
        backup_create(folder=tmp_path, include_media=False, now=start + timedelta(days=day))
    (tmp_path / ".coproduce-20261201T020000Z.partial").mkdir()

    removed = backups_prune(folder=tmp_path, policy=Policy(daily=3, weekly=0, monthly=0))

    assert len(removed) == 7
    assert [p.name for p in backups_in(tmp_path)] == [
        "coproduce-20261108T020000Z",
        "coproduce-20261109T020000Z",
        "coproduce-20261110T020000Z",
    ]


def test_uploaded_files_go_and_come_back(tmp_path):
    media = tmp_path / "media"
    (media / "photos").mkdir(parents=True)
    (media / "photos" / "hall.jpg").write_bytes(b"jpeg bytes")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, MEDIA_ROOT=str(media)):
        path, manifest = backup_create(folder=tmp_path / "backups")
        assert manifest.media_file == "media.tar.gz"
        (media / "photos" / "hall.jpg").unlink()
        (media / "stray.txt").write_text("added later")
        backup_restore(path=path)
    assert (media / "photos" / "hall.jpg").read_bytes() == b"jpeg bytes"
    assert not (media / "stray.txt").exists()


def test_an_archive_reaching_outside_its_folder_is_refused(tmp_path):
    from coproduce.backups import media as media_module

    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as archive:
        info = tarfile.TarInfo("../outside.txt")
        info.size = 3
        archive.addfile(info, BytesIO(b"bad"))
    storages = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    with (
        override_settings(STORAGES=storages, MEDIA_ROOT=str(tmp_path / "media")),
        pytest.raises(BadBackup, match="could not be unpacked"),
    ):
        media_module.unpack(evil)
    assert not (tmp_path / "outside.txt").exists()
