"""Django's database session stores, with the one read every signed-in request makes
written out once (SESSION_ENGINE in settings/caches.py).

Built by the ORM, reading a session (`objects.get(session_key=..., expire_date__gt=now)`)
cost about 0.48 ms of the app's CPU; as one raw query it costs about 0.19 ms, on every
signed-in request the app serves (ADR 0039; the async reads, which it never uses, are
Django's). `Model.objects.raw` still applies Django's conversions of each database's values
(SQLite gives dates back as text; they arrive as aware datetimes). Everything else (saving,
creating, deleting, clearing expired sessions) is Django's own. The table is Django's, so
sessions made by either store are read by the other.
"""

from django.db import connections, router
from django.utils import timezone


class WrittenOutRead:
    """Mixed in before Django's store: the session row, or None with the key forgotten."""

    def _get_session_from_db(self):
        database = router.db_for_read(self.model)
        ops = connections[database].ops
        table = ops.quote_name(self.model._meta.db_table)
        sql = (
            f"SELECT session_key, session_data, expire_date FROM {table} "  # noqa: S608 (the model's table)
            "WHERE session_key = %s AND expire_date > %s"
        )
        now = ops.adapt_datetimefield_value(timezone.now())  # as the ORM compares it
        found = list(self.model.objects.db_manager(database).raw(sql, [self.session_key, now]))
        if not found:
            self._session_key = None
            return None
        return found[0]
