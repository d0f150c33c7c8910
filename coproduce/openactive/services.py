"""The one writer of the feeds' tombstones (models.Deletion)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Deletion


@transaction.atomic
def deletion_record(*, kind: str, row_id: int, now: datetime | None = None) -> Deletion:
    """Note that a row the feeds send has been deleted outright. It commits or rolls back
    with the deletion itself, so a deletion that did not happen leaves no tombstone."""
    if kind not in Deletion.Kind.values:
        raise ValueError(f"Unknown kind of deletion: {kind!r}")
    return Deletion.objects.create(kind=kind, row_id=row_id, modified=now or timezone.now())
