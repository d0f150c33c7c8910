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


@transaction.atomic
def deletions_forget(*, before: datetime) -> int:
    """Forget tombstones older than `before`; how many went. The RPDE standard asks that a
    deletion stay in the feed at least seven days, so a reader who harvests weekly sees it;
    settings.RETENTION keeps them 30."""
    return Deletion.objects.filter(modified__lt=before).delete()[0]
