"""Keeping the index in step with the things it finds. Only this module writes SearchEntry."""

from django.db import connection, models, transaction

from .kinds import BY_MODEL, KINDS, Kind, kinds_following
from .models import SearchEntry
from .text import fold

BATCH = 1000


def _entry(kind: Kind, thing: models.Model) -> SearchEntry:
    title, body = kind.words(thing)
    return SearchEntry(
        kind=kind.key,
        object_id=thing.pk,
        title=fold(title),
        body=fold(body),
        updated=thing.updated_at,
    )


def entry_put(*, thing: models.Model) -> None:
    """Index one thing again from its current words."""
    kind = BY_MODEL[type(thing)]
    entry = _entry(kind, thing)
    SearchEntry.objects.update_or_create(
        kind=kind.key,
        object_id=thing.pk,
        defaults={"title": entry.title, "body": entry.body, "updated": entry.updated},
    )


def entry_drop(*, kind: Kind, object_id: int) -> None:
    SearchEntry.objects.filter(kind=kind.key, object_id=object_id).delete()


def entries_follow(*, changed: models.Model) -> None:
    """Index again the things whose words include a changed model (a group's services)."""
    for kind, things_of in kinds_following(type(changed)):
        for thing in things_of(changed).select_related(*kind.related):
            entry_put(thing=thing)


@transaction.atomic
def index_rebuild(*, kinds: tuple[Kind, ...] = KINDS) -> dict[str, int]:
    """Index every thing from scratch; returns how many of each kind were indexed."""
    counts = {}
    for kind in kinds:
        SearchEntry.objects.filter(kind=kind.key).delete()
        batch: list[SearchEntry] = []
        counts[kind.key] = 0
        things = kind.model.objects.select_related(*kind.related).order_by("pk")
        for thing in things.iterator(chunk_size=BATCH):
            batch.append(_entry(kind, thing))
            if len(batch) >= BATCH:
                SearchEntry.objects.bulk_create(batch)
                counts[kind.key] += len(batch)
                batch = []
        SearchEntry.objects.bulk_create(batch)
        counts[kind.key] += len(batch)
    return counts


def index_tidy() -> bool:
    """After a rebuild on PostgreSQL, clear out the replaced rows; True if it did.

    A rebuild replaces every row, leaving the old ones dead in the table and its full-text
    index until autovacuum comes round, and searches read past them until then. VACUUM
    cannot run inside a transaction, so inside one (a test, a caller's atomic block) this
    leaves the tidying to autovacuum. It also gives the planner fresh figures.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {SearchEntry._meta.db_table}")
    return True
