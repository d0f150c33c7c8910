"""The recovery drill (issue 19): back up the medium borough, destroy it, restore it."""

import pytest
from django.db import connection

from coproduce.accounts.models import User
from coproduce.backups import database
from coproduce.backups.services import backup_create, backup_restore
from coproduce.backups.totals import ledger_totals

from .factories import seed_demo


def _destroy_every_table() -> None:
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = OFF")
        for name in names:
            cascade = " CASCADE" if connection.vendor == "postgresql" else ""
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(name)}{cascade}")
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA foreign_keys = ON")
        assert connection.introspection.table_names(cursor) == []


@pytest.mark.django_db(transaction=True)
def test_the_medium_borough_survives_being_destroyed(tmp_path):
    seed_demo("--size", "medium", "--seed", "19")
    counts, totals = database.row_counts(connection), ledger_totals()
    someone = User.objects.order_by("pk").values("pk", "email", "display_name").last()
    assert counts["accounts_user"] >= 10_000 and totals["timebank_postings"] > 1_000

    path, _ = backup_create(folder=tmp_path)
    _destroy_every_table()
    backup_restore(path=path)

    assert database.row_counts(connection) == counts
    assert ledger_totals() == totals
    assert totals["timebank_postings_net_minutes"] == 0
    assert User.objects.filter(**someone).exists()
