"""Tombstones of rows deleted outright, so the feeds can tell readers they are gone (ADR 0034).

A row cancelled, closed or hidden stays in its table and is sent as deleted from there; a
row removed (through the admin, or by a cascade when its place or space goes) leaves only
this. Rows are only added, and are small: what kind of row, its id, and when it went.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Deletion(models.Model):
    class Kind(models.TextChoices):
        EVENT = "event", _("Gathering")  # the session-series and scheduled-sessions feeds
        ROOM = "room", _("Bookable room")  # facility-uses
        BOOKING = "booking", _("Booking")  # slots

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    row_id = models.BigIntegerField(_("id of the row deleted"))
    modified = models.DateTimeField(_("deleted at"), default=timezone.now)

    class Meta:
        verbose_name = _("deletion sent to the feeds")
        verbose_name_plural = _("deletions sent to the feeds")
        # Read as the feeds read their tables: by kind, in (modified, id) order.
        indexes = [
            models.Index(fields=["kind", "modified", "row_id"], name="openactive_deletion_order")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.row_id} deleted {self.modified:%Y-%m-%d %H:%M:%S}"
