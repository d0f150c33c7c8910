"""The database cache, with counting that two processes can do at once, and quickly.

Django's own database cache adds one to a count by reading it and writing it back, so two
processes counting at the same moment can both write the same number: django-ratelimit
refuses it for that reason. Here the row is locked between the read and the write (SQLite
takes its write lock at the start of a transaction; PostgreSQL locks the row), so every try
is counted. Django's cache also counts the whole table before every write, which on
PostgreSQL costs milliseconds once the table is large; on SQLite and PostgreSQL `add` and
`incr` here are one upsert and one locked read and write, and expired rows are deleted now
and then instead. The table is made by `createcachetable`, run after every `migrate`.
"""

import base64
import pickle
import random
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now

# Databases with INSERT ... ON CONFLICT; any other uses Django's own way.
UPSERT_VENDORS = {"sqlite", "postgresql"}
# Each new count has this chance of clearing the expired ones first.
CLEAR_EXPIRED_CHANCE = 0.005


class CountingDatabaseCache(DatabaseCache):
    def _connection(self):
        db = router.db_for_write(self.cache_model_class)
        return db, connections[db]

    def _encode(self, value) -> str:
        return base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")

    def _names(self, connection) -> tuple[str, str, str, str]:
        quote = connection.ops.quote_name
        return quote(self._table), quote("cache_key"), quote("value"), quote("expires")

    def _moment(self, connection, when: datetime):
        return connection.ops.adapt_datetimefield_value(when.replace(microsecond=0))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        db, connection = self._connection()
        if connection.vendor not in UPSERT_VENDORS:
            return super().add(key, value, timeout, version)
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        tz = UTC if settings.USE_TZ else None
        expires = datetime.max if timeout is None else datetime.fromtimestamp(timeout, tz=tz)
        now = tz_now()
        table, cache_key, value_, expires_ = self._names(connection)
        with connection.cursor() as cursor:
            if random.random() < CLEAR_EXPIRED_CHANCE:
                self._cull(db, cursor, now.replace(microsecond=0), 0)
            # A row already there counts as absent once it has expired, as in Django's add.
            cursor.execute(
                f"INSERT INTO {table} ({cache_key}, {value_}, {expires_}) VALUES (%s, %s, %s) "  # noqa: S608
                f"ON CONFLICT ({cache_key}) DO UPDATE SET {value_} = excluded.{value_}, "
                f"{expires_} = excluded.{expires_} WHERE {table}.{expires_} < %s",
                [
                    key,
                    self._encode(value),
                    self._moment(connection, expires),
                    self._moment(connection, now),
                ],
            )
            return cursor.rowcount == 1

    def incr(self, key, delta=1, version=None):
        db, connection = self._connection()
        key = self.make_and_validate_key(key, version=version)
        table, cache_key, value_, expires_ = self._names(connection)
        lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
        with transaction.atomic(using=db), connection.cursor() as cursor:
            # The table's name is from settings, quoted; the key is a parameter.
            cursor.execute(
                f"SELECT {value_} FROM {table} WHERE {cache_key} = %s AND {expires_} >= %s{lock}",  # noqa: S608
                [key, self._moment(connection, tz_now())],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found.")
            stored = connection.ops.process_clob(row[0])
            value = pickle.loads(base64.b64decode(stored.encode())) + delta  # noqa: S301
            cursor.execute(
                f"UPDATE {table} SET {value_} = %s WHERE {cache_key} = %s",  # noqa: S608
                [self._encode(value), key],
            )
        return value
