"""The two statements that post a transfer, written once in SQL instead of built every time.

A posted transfer is the time bank's busiest write. Built with the ORM, its two postings and
the change to both balances (a CASE over a locked subquery) cost about 2.8 ms of the app's
CPU per transfer (7.0 ms in all before, 4.2 ms after, in-process), more than the database
spent running them; on a 2-core machine that CPU is what limits transfers a second (ADR
0039). Here they are plain SQL with parameters: the same statements on PostgreSQL and SQLite
but for the row lock, with table and column names read from the models, so renaming a field
renames them here too.

Only `services._post` calls these, inside its transaction; outside one they refuse, as the
ORM's locking query did, since postings kept without their balance move would break the ledger.
"""

from functools import cache

from django.db import connection
from django.db.transaction import TransactionManagementError

from .models import Account, Posting


def _column(model, field: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(field).column)


@cache
def _postings_sql(vendor: str) -> str:
    table = connection.ops.quote_name(Posting._meta.db_table)
    columns = ", ".join(
        _column(Posting, field) for field in ("account", "transfer", "minutes", "created_at")
    )
    return f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s), (%s, %s, %s, %s)"  # noqa: S608 (names from the models)


@cache
def _balances_sql(vendor: str) -> str:
    table = connection.ops.quote_name(Account._meta.db_table)
    pk, balance, low, high, updated = (
        _column(Account, field)
        for field in ("id", "balance", "min_balance", "max_balance", "updated_at")
    )
    # The subquery's order and LIMIT make PostgreSQL lock the two rows in order of their keys.
    lock = " FOR NO KEY UPDATE" if vendor == "postgresql" else ""
    return (
        f"UPDATE {table} SET {balance} = CASE WHEN {pk} = %s THEN {balance} - %s "  # noqa: S608 (names from the models)
        f"ELSE {balance} + %s END, {updated} = %s "
        f"WHERE {pk} IN (SELECT {pk} FROM {table} WHERE {pk} IN (%s, %s) "
        f"ORDER BY {pk} LIMIT 2{lock}) "
        f"AND (({pk} = %s AND {balance} >= {low} + %s) OR ({pk} = %s AND {balance} <= {high} - %s))"
    )


def _in_a_transaction() -> None:
    if connection.get_autocommit():
        raise TransactionManagementError("A transfer is posted inside a transaction only.")


def postings_insert(*, transfer_id: int, payer: int, payee: int, minutes: int, now) -> None:
    """The transfer's two postings: `minutes` taken from the payer and given to the payee."""
    _in_a_transaction()
    at = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(
            _postings_sql(connection.vendor),
            [payer, transfer_id, -minutes, at, payee, transfer_id, minutes, at],
        )


def balances_move(*, payer: int, payee: int, minutes: int, now) -> int:
    """Take `minutes` from the payer and give them to the payee where both stay within their
    limits; the number of accounts changed (2, or fewer when a limit stops it).

    On PostgreSQL the subquery locks both rows in order of their keys, so two transfers
    between the same accounts in opposite directions cannot deadlock, and a row another
    transfer changed meanwhile is checked again as it now is. On SQLite the IMMEDIATE
    transaction already holds the database's write lock, which serialises writers.
    """
    _in_a_transaction()
    at = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.execute(
            _balances_sql(connection.vendor),
            [payer, minutes, minutes, at, payer, payee, payer, minutes, payee, minutes],
        )
        return cursor.rowcount
