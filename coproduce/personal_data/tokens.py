"""Signed links to a data export. The link names the export; the download view also checks
that the person signed in is the one it was made for."""

from django.conf import settings
from django.core import signing

_SALT = "coproduce.personal_data.export"


def export_link_token(export_id: int) -> str:
    return signing.dumps({"export": export_id}, salt=_SALT, compress=True)


def export_link_max_age() -> int:
    return settings.RETENTION["data_exports_days"] * 24 * 60 * 60


def export_id_from_token(token: str) -> int | None:
    """The export a token names, or None if it is not ours or has expired."""
    try:
        data = signing.loads(token, salt=_SALT, max_age=export_link_max_age())
    except signing.BadSignature:  # includes SignatureExpired
        return None
    export_id = data.get("export") if isinstance(data, dict) else None
    return export_id if isinstance(export_id, int) else None
