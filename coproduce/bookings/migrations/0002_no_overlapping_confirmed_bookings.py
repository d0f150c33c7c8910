"""On PostgreSQL, the database itself refuses two confirmed bookings of one room that overlap.

The booking services already lock the room and check for overlaps inside the transaction (on
SQLite, IMMEDIATE transactions serialise writers). This exclusion constraint is a second line:
whatever writes to the table, PostgreSQL keeps the rule. SQLite has no such constraint, so
this migration does nothing there.
"""

from django.db import migrations

CONSTRAINT = "bookings_booking_no_overlap"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    f"""ALTER TABLE bookings_booking ADD CONSTRAINT {CONSTRAINT}
        EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (status = 'confirmed')""",
]
BACKWARD = [f"ALTER TABLE bookings_booking DROP CONSTRAINT IF EXISTS {CONSTRAINT}"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("bookings", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
