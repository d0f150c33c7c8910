"""The search index: one row per thing that can be found, in folded words (see text.py).

The full-text part lives beside this table and is not a Django field: on SQLite an FTS5
table kept in step by triggers, on PostgreSQL a generated tsvector column with a GIN index
(migration 0002). Rows say nothing about who may see a thing; each app's own rules decide
that when someone searches (selectors.py).
"""

from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    title = models.TextField()  # folded
    body = models.TextField(blank=True)  # folded
    updated = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_one_per_thing")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
