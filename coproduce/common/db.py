"""Database housekeeping after bulk writes."""

from django.db import connection


def statistics_refresh() -> None:
    """Tell the query planner what a bulk load changed, so it picks the right indexes.

    After thousands of rows arrive at once, neither database's statistics know about them
    until autovacuum (PostgreSQL) or an ANALYZE (SQLite) runs. On PostgreSQL, VACUUM also
    marks the pages all-visible, which index-only scans (the map's) need. VACUUM cannot run
    inside a transaction, so there only ANALYZE is run."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            cursor.execute("VACUUM (ANALYZE)")
        else:
            cursor.execute("ANALYZE")
