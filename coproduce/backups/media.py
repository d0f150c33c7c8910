"""Uploaded files (photos) in and out of a backup, when the site keeps them on its own disk.

Sites that keep uploads in object storage back them up there; the manifest then says the
backup holds no media, and a restore leaves the files alone.
"""

import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage

from .manifest import BadBackup

FILE = "media.tar.gz"


def on_disk() -> Path | None:
    """Where uploads live, if this site keeps them in a folder of its own."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(settings.MEDIA_ROOT)
    return None


def pack(target: Path) -> bool:
    """Write the uploads to `target`; False if the site keeps none on disk."""
    root = on_disk()
    if root is None:
        return False
    with tarfile.open(target, "w:gz") as archive:
        if root.is_dir():
            for item in sorted(root.iterdir()):
                archive.add(item, arcname=item.name)
    return True


def unpack(source: Path) -> None:
    """Put the uploads back: unpacked beside the folder first, then swapped in whole."""
    root = on_disk()
    if root is None:
        raise BadBackup("This backup has uploaded files, but this site keeps none on disk.")
    root.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=".media-restoring-", dir=root.parent))
    try:
        with tarfile.open(source, "r:gz") as archive:
            # The "data" filter refuses absolute paths, links out of the folder and devices.
            archive.extractall(fresh, filter="data")
    except (tarfile.TarError, OSError) as problem:
        shutil.rmtree(fresh, ignore_errors=True)
        raise BadBackup(f"The uploaded files could not be unpacked: {problem}.") from problem
    old = root.with_name(root.name + ".before-restore")
    shutil.rmtree(old, ignore_errors=True)
    if root.exists():
        root.rename(old)
    fresh.rename(root)
    shutil.rmtree(old, ignore_errors=True)
